import { activeBindings, type Binding } from '../../platform/kernel/principal';
import type { NoticeDraft } from '../../platform/notify/notice';
import type { Branch } from '../org/org.readers';
import type { StoredFinding } from './inspection';
import { FINDINGS_PAGE } from './inspection-presenters';
import type { InspectionsPorts } from './inspections.ports';

const FINDING_PAGE = (findingId: string) => `subpackages/inspections/pages/finding/index?id=${encodeURIComponent(findingId)}`;

/** The branch's cadres and secretary, once each: they fix the branch's 问题清单. */
export async function branchFixers(deps: Pick<InspectionsPorts, 'users' | 'districtId'>, branch: Pick<Branch, 'id' | 'townshipId'>) {
  const seen = new Set<string>();
  const out: Binding[] = [];
  for (const b of activeBindings(await deps.users.listBindings(deps.districtId, branch.townshipId))) {
    if ((b.role !== 'cadre' && b.role !== 'secretary') || b.scope.level !== 'branch' || b.scope.branchId !== branch.id) continue;
    if (seen.has(b.userId)) continue;
    seen.add(b.userId);
    out.push(b);
  }
  return out;
}

/** "四不两直督导发现 N 个问题", to each of the branch's fixers, with the earliest 整改时限. */
export function assignedNotices(
  fixers: readonly Binding[],
  branch: Branch,
  findings: readonly StoredFinding[],
  today: string,
): NoticeDraft[] {
  const count = findings.length;
  const deadline = findings.map((f) => f.deadline).sort()[0] ?? today;
  return fixers.map((b) => ({
    kind: 'finding_assigned',
    recipientUserId: b.userId,
    recipientName: b.holderName ?? '',
    title: '督导问题清单',
    body: count
      ? `${branch.name}：督导组四不两直走访发现 ${count} 个问题，请在整改时限内整改并提交`
      : `${branch.name}：督导组已完成四不两直走访，未发现问题`,
    page: FINDINGS_PAGE(branch.id),
    fields: { branch: branch.name, count: String(count), deadline },
  }));
}

/** What a move on a finding tells whom: a fix → its inspector; 退回 or 销号 → the branch's fixers. */
export function findingMoveNotices(
  move: { action: 'submit_fix' | 'close' | 'reject'; at: string; reason?: string },
  f: StoredFinding,
  fixers: readonly Binding[],
): NoticeDraft[] {
  const page = FINDING_PAGE(f.id);
  if (move.action === 'submit_fix')
    return [
      {
        kind: 'finding_fix_submitted',
        recipientUserId: f.inspectorId,
        title: '整改待销号',
        body: `${f.branchName}已提交整改：${f.description.slice(0, 20)}`,
        page,
        fields: { branch: f.branchName, item: f.description, status: '待销号' },
      },
    ];
  return fixers.map((b) =>
    move.action === 'reject'
      ? {
          kind: 'finding_returned',
          recipientUserId: b.userId,
          recipientName: b.holderName ?? '',
          title: '整改被退回',
          body: `${f.description.slice(0, 20)}：整改被督导组退回，原因：${move.reason ?? ''}`,
          page,
          fields: { item: f.description, reason: move.reason ?? '请重新整改', status: '已退回' },
        }
      : {
          kind: 'finding_closed',
          recipientUserId: b.userId,
          recipientName: b.holderName ?? '',
          title: '问题已销号',
          body: `${f.description.slice(0, 20)}：督导组已核实销号`,
          page,
          fields: { item: f.description, status: '已销号', at: move.at },
        },
  );
}
