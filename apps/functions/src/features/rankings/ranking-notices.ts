import { activeBindings } from '../../platform/kernel/principal';
import type { NoticeDraft } from '../../platform/notify/notice';
import type { RankingsPorts } from './rankings.ports';

/** `2026-Q4` → `2026年第4季度` */
export const quarterLabel = (quarter: string) => `${quarter.slice(0, 4)}年第${quarter.slice(6)}季度`;

/** The district's leaders (县级领导), once each, hear that a quarter's ranking is published. */
export async function publishedNotices(
  deps: Pick<RankingsPorts, 'users' | 'districtId'>,
  quarter: string,
  version: number,
  at: string,
): Promise<NoticeDraft[]> {
  const seen = new Set<string>();
  const drafts: NoticeDraft[] = [];
  const title = `${quarterLabel(quarter)}创星评比`;
  for (const b of activeBindings(await deps.users.listBindings(deps.districtId))) {
    if (b.role !== 'leader' || seen.has(b.userId)) continue;
    seen.add(b.userId);
    drafts.push({
      kind: 'ranking_published',
      recipientUserId: b.userId,
      recipientName: b.holderName ?? '',
      title: '评比结果发布',
      body: `${title}排名已发布${version > 1 ? `（第 ${version} 版）` : ''}，可查看所联系乡镇（街道）的排名和星级`,
      page: `subpackages/rankings/pages/list/index?quarter=${quarter}`,
      fields: { title, at, note: '排名已发布，点击查看' },
    });
  }
  return drafts;
}
