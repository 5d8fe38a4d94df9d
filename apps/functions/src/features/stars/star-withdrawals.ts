import type {
  DecideStarWithdrawalBody,
  OpenStarWithdrawalBody,
  Role,
  StarWithdrawal,
  StarWithdrawalList,
  StarWithdrawalNotice,
  StarWithdrawalStatus,
} from '@chuangxing/shared';
import { DomainError, forbiddenRole, forbiddenScope, notFound, unknownReference } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { holidaysAfter } from './decide-star-application';
import { decideWithdrawal, endHeldStar, type StoredStarWithdrawal } from './held-star';
import { publicityWindow } from './star-application';
import type { StarsPorts } from './stars.ports';

type WithdrawalPorts = Pick<StarsPorts, 'districtId' | 'clock' | 'ids' | 'org' | 'held' | 'findings' | 'applications' | 'holidays'>;

export const withdrawalOf = (w: StoredStarWithdrawal): StarWithdrawal => ({
  id: w.id,
  branchId: w.branchId,
  branchName: w.branchName,
  townshipId: w.townshipId,
  star: w.star,
  source: w.source,
  status: w.status,
  version: w.version,
  openedAt: w.openedAt,
  openedByName: w.openedByName,
  ...(w.decision ? { decision: { at: w.decision.at, reason: w.decision.reason, deciderName: w.decision.deciderName } } : {}),
  ...(w.publicityFrom && w.publicityUntil ? { publicityFrom: w.publicityFrom, publicityUntil: w.publicityUntil } : {}),
});

// The 专班 of each star is not a role yet: the district admin decides withdrawals as it reviews every star.
function assertDistrictReviewer(deps: Pick<StarsPorts, 'districtId'>, principal: Principal, allowed: readonly Role[]) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
}

/**
 * 撤星 / 降星 opened by a veto hit: a recorded 四不两直 finding (recording is what confirms it) that names a veto item of
 * a star the branch holds. The inspector who covers the branch or the district opens it; one withdrawal per finding.
 */
export async function openStarWithdrawal(
  deps: WithdrawalPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: OpenStarWithdrawalBody,
): Promise<{ kind: 'created' | 'replayed'; withdrawal: StarWithdrawal }> {
  const found = await deps.findings.getFinding(body.source.findingId);
  const finding = found?.finding;
  if (!finding || finding.districtId !== deps.districtId) throw unknownReference('body.source.findingId', '问题不存在或无权查看');
  const branch = await deps.org.getBranch(finding.branchId);
  if (!branch) throw notFound('支部');
  if (!bindingsFor(principal, allowed).some((b) => coversBranch(b, branch))) throw forbiddenScope();
  if (!finding.vetoItemId)
    throw new DomainError('VALIDATION_FAILED', '该问题未触及一票否决项，不能据此撤星', [
      { path: 'body.source.findingId', code: 'not_a_veto_hit', message: '该问题未触及一票否决项' },
    ]);
  const records = await deps.held.listForBranch(branch.id);
  if (!records.held.some((h) => h.star === finding.star)) throw new DomainError('ILLEGAL_TRANSITION', '该支部未持有这颗星，无需撤星');
  const at = deps.clock.now().toISOString();
  const actor = { id: principal.user.id, name: principal.user.displayName };
  const w: StoredStarWithdrawal = {
    id: deps.ids.next(),
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    star: finding.star,
    source: { kind: 'finding', findingId: finding.id, vetoItemId: finding.vetoItemId, vetoText: finding.vetoText ?? '' },
    status: 'open',
    version: 1,
    openedAt: at,
    openedBy: actor.id,
    openedByName: actor.name,
  };
  const out = await deps.held.openWithdrawal(
    w,
    { at, version: 1, kind: 'opened', actorId: actor.id, actorName: actor.name },
    `finding#${finding.id}`,
  );
  return { kind: out.kind, withdrawal: withdrawalOf(out.withdrawal) };
}

export async function listStarWithdrawals(
  deps: WithdrawalPorts,
  principal: Principal,
  allowed: readonly Role[],
  status: StarWithdrawalStatus,
): Promise<StarWithdrawalList> {
  assertDistrictReviewer(deps, principal, allowed);
  const list = await deps.held.listWithdrawals(deps.districtId, status);
  return { status, withdrawals: list.map(withdrawalOf) };
}

/**
 * The district confirms (the held record ends today, in the same transaction, and the withdrawal is published for the
 * 公示 working days) or rejects, with a reason either way. Versioned: of two decisions, one wins.
 */
export async function decideStarWithdrawal(
  deps: WithdrawalPorts,
  principal: Principal,
  allowed: readonly Role[],
  withdrawalId: string,
  body: DecideStarWithdrawalBody,
): Promise<StarWithdrawal> {
  assertDistrictReviewer(deps, principal, allowed);
  const w = await deps.held.getWithdrawal(withdrawalId);
  if (!w || w.districtId !== deps.districtId) throw notFound('撤星');
  if (w.version !== body.version) throw new DomainError('CONFLICT', '这条撤星刚被他人处理过，请刷新后重试');
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = shanghaiDay(now);
  const decider = { id: principal.user.id, name: principal.user.displayName };
  let next = decideWithdrawal(w, body.action, body.reason, decider, at);
  const event = {
    at,
    version: next.version,
    kind: next.status as 'confirmed' | 'rejected',
    actorId: decider.id,
    actorName: decider.name,
    note: body.reason,
  };
  if (body.action === 'reject') {
    await deps.held.decideWithdrawal(next, w.version, event);
    return withdrawalOf(next);
  }
  const held = (await deps.held.listForBranch(w.branchId)).held.find((h) => h.star === w.star);
  if (!held) throw new DomainError('ILLEGAL_TRANSITION', '该支部已不再持有这颗星，请驳回这条撤星');
  const [rules, holidays] = await Promise.all([deps.applications.getRules(deps.districtId), holidaysAfter(deps, today)]);
  const window = publicityWindow(today, rules.publicityWorkingDays, holidays);
  next = { ...next, publicityFrom: window.from, publicityUntil: window.until };
  await deps.held.decideWithdrawal(next, w.version, event, {
    held,
    ended: endHeldStar(held, w.id, today),
    event: {
      at,
      id: deps.ids.next(),
      kind: 'withdrawn',
      stars: [w.star],
      actorId: decider.id,
      actorName: decider.name,
      sourceId: w.id,
      note: body.reason,
    },
  });
  return withdrawalOf(next);
}

/** Confirmed withdrawals still in their 公示 (through its last day, Asia/Shanghai), for the board. */
export async function withdrawalNotices(
  deps: Pick<StarsPorts, 'districtId' | 'clock' | 'held'>,
  branchId?: string,
): Promise<StarWithdrawalNotice[]> {
  const today = shanghaiDay(deps.clock.now());
  const confirmed = await deps.held.listWithdrawals(deps.districtId, 'confirmed');
  return confirmed
    .filter((w) => (!branchId || w.branchId === branchId) && w.publicityUntil && w.publicityUntil >= today && w.decision)
    .map((w) => ({
      id: w.id,
      branchId: w.branchId,
      branchName: w.branchName,
      star: w.star,
      withdrawnOn: shanghaiDay(new Date(w.decision?.at ?? w.openedAt)),
      vetoText: w.source.vetoText,
      reason: w.decision?.reason ?? '',
      publicityFrom: w.publicityFrom ?? '',
      publicityUntil: w.publicityUntil ?? '',
    }));
}
