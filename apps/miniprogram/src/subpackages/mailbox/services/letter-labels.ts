import {
  LETTER_CATEGORY_LABELS,
  LETTER_STATUS_LABELS,
  type LetterCategory,
  type LetterStatus,
  RESIDENT_STATUS_LABELS,
  type TimelineEntry,
} from '@chuangxing/shared';

export { LETTER_CATEGORY_LABELS, LETTER_STATUS_LABELS, RESIDENT_STATUS_LABELS };

/** Who reads a label: the writer (plain words, 已办结) or the officials (the office's words). */
export type Audience = 'resident' | 'official';

/** One plain line under each category card. */
export const CATEGORY_HINTS: Record<LetterCategory, string> = {
  integrity: '反映干部廉洁问题。这类信直接交给街道（乡镇）的纪检监督人员，不交给社区',
  complaint: '对社区的工作或服务不满意',
  suggestion: '对社区建设和服务的想法、建议',
  help: '生活中遇到困难，需要帮忙',
};

export const CATEGORY_ORDER: readonly LetterCategory[] = ['integrity', 'complaint', 'suggestion', 'help'];

/** What each step of the timeline says. */
export const TIMELINE_LABELS: Record<TimelineEntry['kind'], string> = {
  submitted: '来信已送达',
  accepted: '已受理',
  declined: '不予受理',
  transferred: '已转办',
  note: '办理进展',
  replied: '已答复',
  rated: '来信人评价',
  reopened: '进入复核',
  archived: '已归档',
  withdrawn: '来信人已撤回',
  supplemented: '来信人补充',
};

export function timelineLabel(entry: TimelineEntry, audience: Audience = 'official'): string {
  if (entry.kind === 'note' && entry.internal) return '内部备注';
  if (entry.kind === 'archived' && audience === 'resident') return '已办结';
  return TIMELINE_LABELS[entry.kind];
}

export const statusLabel = (status: LetterStatus, audience: Audience = 'official') =>
  (audience === 'resident' ? RESIDENT_STATUS_LABELS : LETTER_STATUS_LABELS)[status];

/** Status chip colour group. */
export function statusTone(status: LetterStatus): 'waiting' | 'working' | 'answered' | 'closed' {
  switch (status) {
    case 'submitted':
      return 'waiting';
    case 'accepted':
    case 'reopened':
      return 'working';
    case 'replied':
      return 'answered';
    default:
      return 'closed';
  }
}

export const percent = (rate: number) => `${Math.round(rate * 100)}%`;
