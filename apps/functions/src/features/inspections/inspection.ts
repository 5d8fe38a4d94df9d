import {
  type BranchType,
  type FieldError,
  type FindingStatus,
  type InspectionContent,
  STAR_SETS,
  type Star,
  type StarCounts,
} from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';

/** A draft lives in its author's own partition: no query of a branch, township or anyone else reaches it. */
export interface StoredInspectionDraft {
  id: string;
  authorId: string;
  content: InspectionContent;
  branchName: string;
  townshipId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredInspection {
  id: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  branchName: string;
  visitedAt: string;
  location: string;
  photos: string[];
  summary: string;
  inspectorId: string;
  inspectorName: string;
  recordedAt: string;
  findingIds: string[];
}

export interface FindingFix {
  text: string;
  photos: string[];
  at: string;
  by: string;
  byName: string;
}

/** A 问题清单 item. */
export interface StoredFinding {
  id: string;
  inspectionId: string;
  inspectorId: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  branchName: string;
  star: Star;
  description: string;
  owner: string;
  deadline: string;
  vetoItemId?: string;
  vetoText?: string;
  status: FindingStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  /** The latest fix the branch submitted (earlier ones are in the history). */
  fix?: FindingFix;
}

export type FindingEventKind = 'recorded' | 'fix_submitted' | 'closed' | 'rejected';
export interface StoredFindingEvent {
  at: string;
  /** The finding's version this event produced (orders events in the same millisecond). */
  version: number;
  kind: FindingEventKind;
  actorId: string;
  actorName: string;
  text?: string;
  photos?: string[];
}

export type FindingAction = 'submit_fix' | 'close' | 'reject';

/** open → fix_submitted (the branch) → closed (销号) or back to open (退回). Anything else is illegal. */
export function nextFindingStatus(status: FindingStatus, action: FindingAction): FindingStatus {
  if (action === 'submit_fix' && status === 'open') return 'fix_submitted';
  if (action === 'close' && status === 'fix_submitted') return 'closed';
  if (action === 'reject' && status === 'fix_submitted') return 'open';
  const why: Record<FindingStatus, string> = { open: '待整改', fix_submitted: '待销号', closed: '已销号' };
  throw new DomainError('ILLEGAL_TRANSITION', `问题当前为「${why[status]}」，不能进行该操作，请刷新后重试`);
}

/** Overdue: the 整改时限 (a Shanghai day) is before today (Shanghai) and the item is not closed. */
export function isOverdue(f: Pick<StoredFinding, 'deadline' | 'status'>, today: string): boolean {
  return f.status !== 'closed' && f.deadline < today;
}

/** Per star of the branch's set (any star outside it after a type change, last): open and overdue counts. */
export function starCounts(type: BranchType, findings: Pick<StoredFinding, 'star' | 'status' | 'deadline'>[], today: string): StarCounts[] {
  const stars = [...STAR_SETS[type], ...new Set(findings.map((f) => f.star).filter((s) => !STAR_SETS[type].includes(s)))];
  return stars.map((star) => {
    const mine = findings.filter((f) => f.star === star);
    return {
      star,
      open: mine.filter((f) => f.status !== 'closed').length,
      overdue: mine.filter((f) => isOverdue(f, today)).length,
      closed: mine.filter((f) => f.status === 'closed').length,
    };
  });
}

/** What every save checks: the stars belong to the branch's set and a veto item belongs to its star. */
export function checkInspectionContent(content: InspectionContent, type: BranchType, vetoStars: ReadonlyMap<string, Star>): FieldError[] {
  const set = STAR_SETS[type] as readonly string[];
  const errors: FieldError[] = [];
  content.findings.forEach((f, i) => {
    const at = `body.content.findings.${i}`;
    if (!set.includes(f.star)) errors.push({ path: `${at}.star`, code: 'wrong_star_set', message: '不属于该支部的星级' });
    if (f.vetoItemId && vetoStars.get(f.vetoItemId) !== f.star)
      errors.push({ path: `${at}.vetoItemId`, code: 'unknown_veto', message: '该星级的标准中没有这个否决项' });
  });
  return errors;
}

/** Recording needs what a draft may leave open: place, summary, each finding's text and owner, sane dates. */
export function checkRecordable(content: InspectionContent, today: string, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const need = (path: string, value: string, message: string) => {
    if (!value.trim()) errors.push({ path, code: 'required', message });
  };
  need('content.location', content.location, '请填写走访地点');
  need('content.summary', content.summary, '请填写走访情况');
  if (new Date(content.visitedAt).getTime() > now.getTime() + 5 * 60_000)
    errors.push({ path: 'content.visitedAt', code: 'future', message: '走访时间不能晚于现在' });
  content.findings.forEach((f, i) => {
    need(`content.findings.${i}.description`, f.description, '请描述发现的问题');
    need(`content.findings.${i}.owner`, f.owner, '请填写整改责任人');
    if (f.deadline < today) errors.push({ path: `content.findings.${i}.deadline`, code: 'past', message: '整改时限不能早于今天' });
  });
  return errors;
}
