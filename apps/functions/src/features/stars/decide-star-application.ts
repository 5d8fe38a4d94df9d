import type { Role, StarApplicationDetail, StarDecisionBody } from '@chuangxing/shared';
import { conflict, DomainError, forbiddenRole, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { StoredHeldStar, StoredHeldStarEvent } from './held-star';
import { readStarApplication } from './read-star-applications';
import {
  applyReturnReasons,
  monthsAhead,
  nextStarStatus,
  publicityEnded,
  publicityWindow,
  type StarActor,
  type StoredStarApplication,
  type StoredStarEvent,
} from './star-application';
import { applicationNotices, branchAudience } from './star-notices';
import { isTaskforce, starActorsFor } from './star-scope';
import type { StarsPorts } from './stars.ports';

/** Whose step an application waits for: 复审 is the star's 专班's, with the district admin as the fallback. */
const STEP_OWNERS: Record<StoredStarApplication['status'], readonly StarActor[]> = {
  township_review: ['township'],
  returned: ['secretary'],
  district_review: ['taskforce', 'district'],
  publicity: ['district'],
  awarded: [],
  stopped: [],
};

/** The district's holidays over the months a 公示 starting after `day` can meet. */
export async function holidaysAfter(deps: Pick<StarsPorts, 'districtId' | 'holidays'>, day: string): Promise<Set<string>> {
  const lists = await Promise.all(monthsAhead(day).map((m) => deps.holidays.listExemptions(deps.districtId, m)));
  return new Set(
    lists
      .flat()
      .filter((e) => !e.branchId)
      .map((e) => e.day),
  );
}

/**
 * 初审 by township staff whose scope covers the branch, 复审 by the district (approve → 公示 for the configured
 * working days, or return with a reason per item), and 授星 once 公示 has ended. Each decision names the version
 * it saw: a stale one is 409 CONFLICT, and of two decisions racing on the same version the conditional write lets
 * exactly one through. Every step is appended to the application's audit trail in the same transaction.
 */
export async function decideStarApplication(
  deps: StarsPorts,
  principal: Principal,
  allowed: readonly Role[],
  applicationId: string,
  body: StarDecisionBody,
): Promise<StarApplicationDetail> {
  const found = await deps.applications.get(applicationId);
  if (!found) throw notFound('申报');
  const app = found.application;
  const branch = await deps.org.getBranch(app.branchId);
  if (!branch) throw notFound('支部');
  const actors = starActorsFor(principal, allowed, deps.districtId, branch, app.star);
  const owners = STEP_OWNERS[app.status];
  const owner = owners.find((o) => actors.includes(o));
  if (owners.length && !owner) {
    // Township staff of another township reach here through a binding that does not cover the branch.
    if (owners.includes('township') && bindingsFor(principal, allowed).some((b) => b.role === 'township_staff')) throw forbiddenScope();
    // The 专班 of another star: the application is outside what it reviews.
    if (owners.includes('taskforce') && isTaskforce(principal, allowed)) throw forbiddenScope();
    throw forbiddenRole();
  }
  if (app.version !== body.version) throw conflict('这份申报刚被他人处理过，请刷新后重试');
  const { to, kind } = nextStarStatus(app.status, body.action, owner ?? 'district');
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = shanghaiDay(now);
  let next: StoredStarApplication = { ...app, status: to, version: app.version + 1, updatedAt: at };
  const event: StoredStarEvent = { at, version: next.version, kind, actorId: principal.user.id, actorName: principal.user.displayName };
  if (body.action === 'return') {
    next = { ...next, items: applyReturnReasons(app.items, body.reasons) };
    event.reasons = body.reasons;
  }
  if (body.action !== 'award' && body.note) event.note = body.note;
  if (to === 'publicity') {
    const [rules, holidays] = await Promise.all([deps.applications.getRules(deps.districtId), holidaysAfter(deps, today)]);
    const window = publicityWindow(today, rules.publicityWorkingDays, holidays);
    next = { ...next, publicityFrom: window.from, publicityUntil: window.until };
    event.note = [body.action === 'approve' ? body.note : '', `公示 ${window.from} 至 ${window.until}`].filter(Boolean).join('；');
  }
  if (body.action === 'award') {
    if (!publicityEnded(app, today)) throw new DomainError('ILLEGAL_TRANSITION', `公示期至 ${app.publicityUntil} 结束，期满后方可授星`);
    if (app.openObjections) throw new DomainError('ILLEGAL_TRANSITION', `还有 ${app.openObjections} 条公示异议未处理，处理完毕后方可授星`);
    next = { ...next, awardedAt: at };
    // 授星 starts the held-star record in the same transaction: from today the branch holds the star.
    const held: StoredHeldStar = {
      branchId: app.branchId,
      districtId: app.districtId,
      townshipId: app.townshipId,
      branchName: app.branchName,
      star: app.star,
      heldFrom: today,
      basis: 'award',
      applicationId: app.id,
      version: 1,
      recordedAt: at,
      recordedBy: principal.user.id,
    };
    const heldEvent: StoredHeldStarEvent = {
      at,
      id: deps.ids.next(),
      kind: 'awarded',
      stars: [app.star],
      actorId: principal.user.id,
      actorName: principal.user.displayName,
      sourceId: app.id,
    };
    await transitionAndTell(deps, next, app.version, event, { held, event: heldEvent });
    return readStarApplication(deps, principal, allowed, applicationId);
  }
  await transitionAndTell(deps, next, app.version, event);
  return readStarApplication(deps, principal, allowed, applicationId);
}

/** The step and the branch's notices of it in one transaction; WeChat pushes only after it committed. */
async function transitionAndTell(
  deps: StarsPorts,
  next: StoredStarApplication,
  expectedVersion: number,
  event: StoredStarEvent,
  award?: Parameters<StarsPorts['applications']['transition']>[3],
) {
  const notices = deps.notices.stage(applicationNotices(await branchAudience(deps, next), next, event));
  await deps.applications.transition(next, expectedVersion, event, award, notices);
  await deps.notices.dispatch(notices);
}
