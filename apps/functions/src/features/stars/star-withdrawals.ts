import type {
  DecideStarWithdrawalBody,
  OpenStarWithdrawalBody,
  Role,
  Star,
  StarWithdrawal,
  StarWithdrawalList,
  StarWithdrawalNotice,
  StarWithdrawalStatus,
} from '@chuangxing/shared';
import { DomainError, forbiddenRole, forbiddenScope, notFound, unknownReference } from '../../platform/kernel/domain-error';
import { type Binding, bindingsFor, coversBranch, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { catalogueInForce } from '../catalogue/catalogue.readers';
import type { Branch } from '../org/org.readers';
import { holidaysAfter } from './decide-star-application';
import { decideWithdrawal, endHeldStar, type StoredStarWithdrawal } from './held-star';
import { publicityWindow } from './star-application';
import { branchAudience, withdrawnNotices } from './star-notices';
import type { StarsPorts } from './stars.ports';

type WithdrawalPorts = Pick<
  StarsPorts,
  | 'districtId'
  | 'clock'
  | 'ids'
  | 'org'
  | 'held'
  | 'findings'
  | 'integrityCases'
  | 'catalogue'
  | 'applications'
  | 'holidays'
  | 'users'
  | 'notices'
>;

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

type WithdrawalSource = StoredStarWithdrawal['source'];
type VetoHit = { branch: Branch; star: Star; source: WithdrawalSource; sourceKey: string };

/** A recorded 四不两直 finding (recording is what confirms it) that names a veto item; by an inspector over the branch. */
async function findingHit(deps: WithdrawalPorts, bindings: Binding[], findingId: string): Promise<VetoHit> {
  const finding = (await deps.findings.getFinding(findingId))?.finding;
  if (!finding || finding.districtId !== deps.districtId) throw unknownReference('body.source.findingId', '问题不存在或无权查看');
  const branch = await deps.org.getBranch(finding.branchId);
  if (!branch) throw notFound('支部');
  if (!bindings.some((b) => b.role !== 'discipline' && coversBranch(b, branch))) throw forbiddenScope();
  if (!finding.vetoItemId)
    throw new DomainError('VALIDATION_FAILED', '该问题未触及一票否决项，不能据此撤星', [
      { path: 'body.source.findingId', code: 'not_a_veto_hit', message: '该问题未触及一票否决项' },
    ]);
  const source = { kind: 'finding' as const, findingId: finding.id, vetoItemId: finding.vetoItemId, vetoText: finding.vetoText ?? '' };
  return { branch, star: finding.star, source, sourceKey: `finding#${finding.id}` };
}

/**
 * A 廉情 case 纪检监察 found 属实, and the veto item of the branch's star it hits (named by them, checked against the
 * catalogue in force). Only 纪检监察 over the township: nobody else sees integrity letters.
 */
async function integrityHit(deps: WithdrawalPorts, bindings: Binding[], letterId: string, vetoItemId: string): Promise<VetoHit> {
  const found = await deps.integrityCases.getIntegrityCase(letterId);
  const branch = found && found.districtId === deps.districtId ? await deps.org.getBranch(found.branchId) : undefined;
  if (!found || !branch || !bindings.some((b) => b.role === 'discipline' && coversBranch(b, branch)))
    throw unknownReference('body.source.letterId', '廉情信件不存在或无权查看');
  if (!found.upheld)
    throw new DomainError('VALIDATION_FAILED', '这封廉情信件尚未核查属实，不能据此撤星', [
      { path: 'body.source.letterId', code: 'not_upheld', message: '请先在信件中填写核查结论（属实）' },
    ]);
  const catalogue = await catalogueInForce(deps.catalogue, deps.districtId);
  const entry = catalogue.content[branch.type].find((s) => s.vetoes.some((v) => v.id === vetoItemId));
  const veto = entry?.vetoes.find((v) => v.id === vetoItemId);
  if (!entry || !veto)
    throw new DomainError('VALIDATION_FAILED', '请从该支部的星级标准中选择一票否决项', [
      { path: 'body.source.vetoItemId', code: 'unknown_veto', message: '不是该支部星级标准中的一票否决项' },
    ]);
  const source = { kind: 'integrity_case' as const, letterId: found.id, vetoItemId, vetoText: veto.text };
  return { branch, star: entry.star, source, sourceKey: `integrity#${found.id}` };
}

/**
 * 撤星 / 降星 opened by a veto hit on a star the branch holds: a finding (inspectors, the district) or a 廉情 case found
 * 属实 (纪检监察). One withdrawal per source.
 */
export async function openStarWithdrawal(
  deps: WithdrawalPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: OpenStarWithdrawalBody,
): Promise<{ kind: 'created' | 'replayed'; withdrawal: StarWithdrawal }> {
  const bindings = bindingsFor(principal, allowed);
  const { source } = body;
  const hit =
    source.kind === 'finding'
      ? await findingHit(deps, bindings, source.findingId)
      : await integrityHit(deps, bindings, source.letterId, source.vetoItemId);
  const { branch } = hit;
  const records = await deps.held.listForBranch(branch.id);
  if (!records.held.some((h) => h.star === hit.star)) throw new DomainError('ILLEGAL_TRANSITION', '该支部未持有这颗星，无需撤星');
  const at = deps.clock.now().toISOString();
  const actor = { id: principal.user.id, name: principal.user.displayName };
  const w: StoredStarWithdrawal = {
    id: deps.ids.next(),
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    star: hit.star,
    source: hit.source,
    status: 'open',
    version: 1,
    openedAt: at,
    openedBy: actor.id,
    openedByName: actor.name,
  };
  const out = await deps.held.openWithdrawal(
    w,
    { at, version: 1, kind: 'opened', actorId: actor.id, actorName: actor.name },
    hit.sourceKey,
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
  const notices = deps.notices.stage(withdrawnNotices(await branchAudience(deps, w), w, w.star, body.reason));
  await deps.held.decideWithdrawal(
    next,
    w.version,
    event,
    {
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
    },
    notices,
  );
  await deps.notices.dispatch(notices);
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
