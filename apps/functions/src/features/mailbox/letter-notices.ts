import type { Binding } from '../../platform/kernel/principal';
import type { NoticeDraft } from '../../platform/notify/notice';
import type { Letter } from './letter';

export const MY_LETTERS_PAGE = 'subpackages/mailbox/pages/mine/index';
export const casePage = (letterId: string) => `subpackages/mailbox/pages/case/index?id=${encodeURIComponent(letterId)}`;

/**
 * What the writer hears when their letter moves. The inbox keeps only a generic line and opens 我的信件:
 * no letter id, query code or community is stored beside the writer's account (ADR 0004). The query code
 * goes only into the WeChat message, which is addressed to the writer alone.
 */
export function writerNotice(
  writerUserId: string,
  letter: Letter,
  move: { action: 'accept' | 'transfer' | 'reply'; at: string; toBranchName?: string; autoArchiveDays: number },
): NoticeDraft {
  const base = { recipientUserId: writerUserId, page: MY_LETTERS_PAGE };
  const code = letter.queryCode;
  switch (move.action) {
    case 'accept':
      return {
        ...base,
        kind: 'letter_accepted',
        title: '来信已受理',
        body: '您的来信已受理，社区将在办理时限内答复。',
        fields: { code, unit: `${letter.branchName}已受理`, at: move.at },
      };
    case 'transfer':
      return {
        ...base,
        kind: 'letter_transferred',
        title: '来信已转办',
        body: '您的来信已转交其他社区办理，进展可在“我的信件”查看。',
        fields: { code, summary: `已转至${move.toBranchName ?? '其他社区'}办理`, at: move.at },
      };
    case 'reply':
      return {
        ...base,
        kind: 'letter_replied',
        title: '来信已答复',
        body: `您的来信已收到答复，请查看并评价（${move.autoArchiveDays} 天内未评价将自动归档）。`,
        fields: { code, summary: '已答复，请查看并评价', at: move.at },
      };
  }
}

/** 督办: township staff hear of their communities' overdue letters, 纪检监察 of 廉情 ones. Never the writer. */
export function overdueNotices(letter: Letter, bindings: readonly Binding[], at: string): NoticeDraft[] {
  const role = letter.category === 'integrity' ? 'discipline' : 'township_staff';
  const seen = new Set<string>();
  const drafts: NoticeDraft[] = [];
  for (const b of bindings) {
    if (b.role !== role || seen.has(b.userId)) continue;
    seen.add(b.userId);
    drafts.push({
      kind: 'letter_overdue',
      recipientUserId: b.userId,
      recipientName: b.holderName ?? '',
      title: '来信督办',
      body: `${letter.branchName}有一封来信超过办理时限，请督办`,
      page: casePage(letter.id),
      fields: { subject: `${letter.branchName}来信超时`, count: '1', at },
    });
  }
  return drafts;
}
