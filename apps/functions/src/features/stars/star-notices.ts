import { STAR_LABELS, type Star } from '@chuangxing/shared';
import { activeBindings } from '../../platform/kernel/principal';
import type { NoticeDraft } from '../../platform/notify/notice';
import type { StoredStarApplication, StoredStarEvent } from './star-application';
import type { StarsPorts } from './stars.ports';

type Audience = { userId: string; name: string }[];
type Branch = { branchId: string; branchName: string; townshipId: string };

/** A branch's secretary and cadres, once each: they hear what happens to its stars. */
export async function branchAudience(deps: Pick<StarsPorts, 'districtId' | 'users'>, b: Branch): Promise<Audience> {
  const seen = new Map<string, string>();
  for (const x of activeBindings(await deps.users.listBindings(deps.districtId, b.townshipId)))
    if (
      (x.role === 'secretary' || x.role === 'cadre') &&
      x.scope.level === 'branch' &&
      x.scope.branchId === b.branchId &&
      !seen.has(x.userId)
    )
      seen.set(x.userId, x.holderName ?? '');
  return [...seen].map(([userId, name]) => ({ userId, name }));
}

const applicationPage = (id: string) => `subpackages/stars/pages/application/index?id=${encodeURIComponent(id)}`;
const publicityPage = (branchId: string) => `subpackages/stars/pages/publicity/index?branchId=${encodeURIComponent(branchId)}`;

/** What each review step tells the branch: a 5-character result (WeChat's `phrase`) and a sentence for the inbox. */
const STEP_TEXT: Partial<Record<StoredStarEvent['kind'], { status: string; title: string }>> = {
  township_approved: { status: '初审通过', title: '创星申报初审通过，已报区级复审' },
  township_returned: { status: '初审退回', title: '创星申报被乡镇退回，请修改后重报' },
  district_approved: { status: '进入公示', title: '创星申报复审通过，进入公示' },
  district_returned: { status: '复审退回', title: '创星申报被区级退回，请修改后重报' },
  awarded: { status: '已授星', title: '公示期满，已授星' },
};

/** The branch hears each review step of its application (not its own 申报 or 重报). */
export function applicationNotices(audience: Audience, app: StoredStarApplication, event: StoredStarEvent): NoticeDraft[] {
  const text = STEP_TEXT[event.kind];
  if (!text) return [];
  const star = STAR_LABELS[app.star];
  const note = event.note || (event.reasons?.length ? `${event.reasons.length} 项需修改` : text.title);
  return audience.map((p) => ({
    kind: 'star_application_decided',
    recipientUserId: p.userId,
    recipientName: p.name,
    title: text.title,
    body: `${app.branchName}申报的${star}：${text.title}${event.note ? `（${event.note}）` : ''}`,
    page: applicationPage(app.id),
    fields: { star, status: text.status, note },
  }));
}

/** A confirmed 撤星: the branch hears which star and why (the veto item and the district's reason, never the source). */
export function withdrawnNotices(audience: Audience, b: Branch, star: Star, reason: string): NoticeDraft[] {
  return audience.map((p) => ({
    kind: 'star_withdrawn',
    recipientUserId: p.userId,
    recipientName: p.name,
    title: `${STAR_LABELS[star]}已被撤销`,
    body: `${b.branchName}的${STAR_LABELS[star]}已撤销并公示：${reason}`,
    page: publicityPage(b.branchId),
    fields: { branch: b.branchName, star: STAR_LABELS[star], reason },
  }));
}

/** The annual 评星定级 of the branch: kept as it was, or lowered (which stars end). */
export function annualNotices(audience: Audience, b: Branch, year: number, lowered: readonly Star[], note: string): NoticeDraft[] {
  const result = lowered.length ? `降星：${lowered.map((s) => STAR_LABELS[s]).join('、')}` : '星级保持';
  return audience.map((p) => ({
    kind: 'star_annual_review',
    recipientUserId: p.userId,
    recipientName: p.name,
    title: `${year}年度评星定级：${lowered.length ? '降星' : '星级保持'}`,
    body: `${b.branchName}${year}年度评星定级结果：${result}。${note}`,
    page: publicityPage(b.branchId),
    fields: { branch: b.branchName, status: lowered.length ? '降星' : '星级保持', note: note || result },
  }));
}
