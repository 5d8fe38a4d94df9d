import type {
  AppraisalList,
  AppraisalReportBody,
  AppraisalSession,
  AppraisalSheetBody,
  AppraisalTransitionBody,
  PutAppraisalBody,
  Role,
} from '@chuangxing/shared';
import { DomainError, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, filerBindingFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import { codeFromRandom } from '../../platform/kernel/random-code';
import {
  type AppraisalActor,
  draftAppraisal,
  isSheetRetry,
  type Scorer,
  type StoredAppraisal,
  type StoredAppraisalReport,
  type StoredAppraisalSheet,
  submitSheet,
  transitionAppraisal,
  writeReport,
} from './appraisals';
import type { AppraisalsPorts } from './appraisals.ports';

type Target = { townshipId: string; quarter: string };

const actorOf = (deps: AppraisalsPorts, principal: Principal): AppraisalActor => ({
  userId: principal.user.id,
  at: deps.clock.now().toISOString(),
});

/** Staff of the township run the session (district staff read it, but the township organises it). */
const isOrganiser = (deps: AppraisalsPorts, principal: Principal, allowed: readonly Role[], townshipId: string) =>
  bindingsFor(principal, allowed).some((b) => b.role === 'township_staff' && managesTownship(b, deps.districtId, townshipId));

/** Township staff, and leaders and district admins above them: every result, counts of sheets. */
const seesAll = (deps: AppraisalsPorts, principal: Principal, allowed: readonly Role[], townshipId: string) =>
  bindingsFor(principal, allowed).some(
    (b) =>
      (b.role === 'township_staff' || b.role === 'leader' || b.role === 'district_admin') && coversTownship(b, deps.districtId, townshipId),
  );

/** The caller's secretary binding in this township, if any: their own branch. */
function ownBranchIn(deps: AppraisalsPorts, principal: Principal, allowed: readonly Role[], townshipId: string): string | undefined {
  for (const b of bindingsFor(principal, allowed)) {
    const s = b.scope;
    if (b.role === 'secretary' && s.level === 'branch' && s.districtId === deps.districtId && s.townshipId === townshipId)
      return s.branchId;
  }
  return undefined;
}

/** The caller's scorer group: the party committee (township staff), another branch's secretary, or a seat holder. */
export function scorerOf(
  deps: AppraisalsPorts,
  principal: Principal,
  allowed: readonly Role[],
  session: Pick<StoredAppraisal, 'townshipId' | 'seats'>,
): Scorer {
  const userId = principal.user.id;
  if (isOrganiser(deps, principal, allowed, session.townshipId)) return { userId, group: 'committee' };
  const ownBranchId = ownBranchIn(deps, principal, allowed, session.townshipId);
  if (ownBranchId) return { userId, group: 'secretaries', ownBranchId };
  if (session.seats.some((s) => s.userId === userId)) return { userId, group: 'residents' };
  return { userId, group: null };
}

async function sessionOf(deps: AppraisalsPorts, t: Target): Promise<StoredAppraisal> {
  const s = await deps.appraisals.get(t.townshipId, t.quarter);
  if (!s) throw notFound('述职评议');
  return s;
}

/** The session as this caller may see it: scores only for those entitled, never who gave which. */
function present(
  deps: AppraisalsPorts,
  principal: Principal,
  allowed: readonly Role[],
  s: StoredAppraisal,
  reports: StoredAppraisalReport[],
  sheets: StoredAppraisalSheet[],
): AppraisalSession {
  const all = seesAll(deps, principal, allowed, s.townshipId);
  const scorer = scorerOf(deps, principal, allowed, s);
  if (!all && !scorer.group) throw notFound('述职评议');
  const mine = sheets.filter((x) => x.scorerId === principal.user.id);
  const reportOf = new Map(reports.map((r) => [r.branchId, r]));
  const results =
    s.state === 'closed' && s.results
      ? all
        ? s.results
        : scorer.group === 'secretaries'
          ? s.results.filter((r) => r.branchId === scorer.ownBranchId)
          : undefined
      : undefined;
  return {
    townshipId: s.townshipId,
    quarter: s.quarter,
    date: s.date,
    state: s.state,
    version: s.version,
    items: s.items,
    weights: s.weights,
    residentSeats: s.seats.length,
    branches: s.branches.map((b) => {
      const r = reportOf.get(b.id);
      return { branchId: b.id, branchName: b.name, ...(r ? { report: { text: r.text, version: r.version } } : {}) };
    }),
    ...(isOrganiser(deps, principal, allowed, s.townshipId) ? { seats: s.seats.map((x) => ({ code: x.code, redeemed: !!x.userId })) } : {}),
    me: {
      group: scorer.group,
      ...(scorer.ownBranchId ? { ownBranchId: scorer.ownBranchId } : {}),
      sheets: mine.map((x) => ({ branchId: x.branchId, scores: x.scores, version: x.version })),
      toScore: scorer.group ? s.branches.filter((b) => b.id !== scorer.ownBranchId).length : 0,
    },
    ...(all && s.state !== 'draft'
      ? {
          progress: s.branches.map((b) => {
            const of = sheets.filter((x) => x.branchId === b.id);
            const n = (g: string) => of.filter((x) => x.group === g).length;
            return { branchId: b.id, committee: n('committee'), secretaries: n('secretaries'), residents: n('residents') };
          }),
        }
      : {}),
    ...(results ? { results } : {}),
    ...(s.closedAt ? { closedAt: s.closedAt } : {}),
  };
}

export async function getAppraisal(deps: AppraisalsPorts, principal: Principal, allowed: readonly Role[], t: Target) {
  const s = await sessionOf(deps, t);
  const [reports, sheets] = await Promise.all([
    deps.appraisals.reports(t.townshipId, t.quarter),
    deps.appraisals.sheets(t.townshipId, t.quarter),
  ]);
  return present(deps, principal, allowed, s, reports, sheets);
}

export async function listAppraisals(
  deps: AppraisalsPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
): Promise<AppraisalList> {
  if (!bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const sessions = await deps.appraisals.listOfTownship(townshipId);
  return {
    sessions: sessions
      .sort((a, b) => b.quarter.localeCompare(a.quarter))
      .map((s) => ({ quarter: s.quarter, date: s.date, state: s.state })),
  };
}

export async function putAppraisal(
  deps: AppraisalsPorts,
  principal: Principal,
  allowed: readonly Role[],
  t: Target,
  body: PutAppraisalBody,
) {
  if (!isOrganiser(deps, principal, allowed, t.townshipId)) throw forbiddenScope();
  if (!(await deps.org.getTownship(deps.districtId, t.townshipId))) throw notFound('乡镇（街道）');
  const current = await deps.appraisals.get(t.townshipId, t.quarter);
  const next = draftAppraisal(current, body, t, actorOf(deps, principal), () => codeFromRandom(deps.randomBytes, 8));
  await deps.appraisals.put(next, body.version);
  return getAppraisal(deps, principal, allowed, t);
}

export async function transition(
  deps: AppraisalsPorts,
  principal: Principal,
  allowed: readonly Role[],
  t: Target,
  body: AppraisalTransitionBody,
) {
  if (!isOrganiser(deps, principal, allowed, t.townshipId)) throw forbiddenScope();
  const s = await sessionOf(deps, t);
  const [branches, sheets] = await Promise.all([
    body.to === 'open' ? deps.org.listBranches(t.townshipId) : Promise.resolve([]),
    body.to === 'closed' ? deps.appraisals.sheets(t.townshipId, t.quarter) : Promise.resolve([]),
  ]);
  const next = transitionAppraisal(s, body.to, body.version, actorOf(deps, principal), { branches, sheets });
  await deps.appraisals.put(next, body.version);
  return getAppraisal(deps, principal, allowed, t);
}

export async function putReport(
  deps: AppraisalsPorts,
  principal: Principal,
  allowed: readonly Role[],
  t: Target & { branchId: string },
  body: AppraisalReportBody,
) {
  const filer = filerBindingFor(principal, allowed, deps.districtId, t.branchId);
  if (!filer || filer.townshipId !== t.townshipId) throw forbiddenScope();
  const s = await sessionOf(deps, t);
  const current = (await deps.appraisals.reports(t.townshipId, t.quarter)).find((r) => r.branchId === t.branchId);
  // A retry of the report that already went through changes nothing.
  if (!(current && current.version === body.version + 1 && current.text === body.text && current.by === principal.user.id)) {
    const next = writeReport(s, current, t.branchId, body, actorOf(deps, principal));
    await deps.appraisals.putReport(next, body.version);
  }
  return getAppraisal(deps, principal, allowed, t);
}

/** A resident takes one unused code; a second code for the same person, or a used one, is refused. */
export async function redeemSeat(deps: AppraisalsPorts, principal: Principal, allowed: readonly Role[], t: Target, code: string) {
  const s = await sessionOf(deps, t);
  const userId = principal.user.id;
  if (!s.seats.some((x) => x.userId === userId)) {
    if (s.state !== 'open' && s.state !== 'scoring') throw new DomainError('ILLEGAL_TRANSITION', '评议不在进行中');
    const seat = s.seats.find((x) => x.code === code);
    // One answer for an unknown and a taken code: the codes cannot be probed.
    if (!seat || seat.userId)
      throw new DomainError('NOT_FOUND', '代表码无效或已被使用', [
        { path: 'body.code', code: 'not_found', message: '代表码无效或已被使用' },
      ]);
    const next: StoredAppraisal = {
      ...s,
      version: s.version + 1,
      seats: s.seats.map((x) => (x === seat ? { code: x.code, userId } : x)),
    };
    await deps.appraisals.put(next, s.version);
  }
  return getAppraisal(deps, principal, allowed, t);
}

export async function putSheet(
  deps: AppraisalsPorts,
  principal: Principal,
  allowed: readonly Role[],
  t: Target & { branchId: string },
  body: AppraisalSheetBody,
) {
  const s = await sessionOf(deps, t);
  const scorer = scorerOf(deps, principal, allowed, s);
  const current = (await deps.appraisals.sheets(t.townshipId, t.quarter)).find(
    (x) => x.branchId === t.branchId && x.scorerId === principal.user.id,
  );
  if (!(current && isSheetRetry(current, body))) {
    const next = submitSheet(s, current, scorer, t.branchId, body, deps.clock.now().toISOString());
    await deps.appraisals.putSheet(next, body.version);
  }
  return getAppraisal(deps, principal, allowed, t);
}
