import {
  addMonths,
  type BranchObservationResults,
  type BranchScore,
  type CreateObservationBody,
  monthOf,
  type ObservationDetail,
  type ObservationList,
  type ObserverCandidates,
  type OfficialRole,
  quarterOf,
  type Role,
  type ScoreBranchBody,
  shanghaiDay,
  starSetFor,
} from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, forbiddenScope, invalid, notFound } from '../../platform/kernel/domain-error';
import {
  type Binding,
  bindingsFor,
  coversTownship,
  isDistrictAdmin,
  managesTownship,
  type Principal,
  townshipKeyOf,
} from '../../platform/kernel/principal';
import { readableBranch } from '../org/org.readers';
import { checkScoreSheet, computeResults, type StoredBranchResult, type StoredObservation, type StoredScore } from './observation';

/** Who may be assigned to score: bound officials of these roles whose scope covers the observation. */
export const OBSERVER_ROLES: readonly OfficialRole[] = ['township_staff', 'inspector', 'leader', 'district_admin'];

/** A binding that makes its holder a candidate observer for a township's observation, or a district-wide one. */
function eligibleObserver(b: Binding, districtId: string, townshipId: string | undefined): boolean {
  if (b.revokedAt || !OBSERVER_ROLES.includes(b.role)) return false;
  return townshipId ? coversTownship(b, districtId, townshipId) : b.scope.districtId === districtId;
}

/** The organiser's side: the district admin, or the staff of the organising township. */
function canManage(bindings: Binding[], districtId: string, obs: Pick<StoredObservation, 'townshipId'>): boolean {
  if (isDistrictAdmin(bindings, districtId)) return true;
  return Boolean(obs.townshipId) && bindings.some((b) => b.role === 'township_staff' && managesTownship(b, districtId, obs.townshipId!));
}

/** What the caller may see of an observation; undefined when nothing (→ 404, as if it did not exist). */
function viewOf(deps: Deps, principal: Principal, allowed: readonly Role[], obs: StoredObservation) {
  const bindings = bindingsFor(principal, allowed);
  const assigned = obs.observers.some((o) => o.userId === principal.user.id);
  const manage = canManage(bindings, deps.districtId, obs);
  // Overseers (township staff, inspectors, leaders in scope) see the branches of their townships.
  const covered = obs.branches.filter((br) => bindings.some((b) => coversTownship(b, deps.districtId, br.townshipId)));
  const branches = assigned || manage ? obs.branches : covered;
  if (!branches.length) return undefined;
  return { assigned, manage, branches, overseer: manage || covered.length > 0 };
}

async function loadVisible(deps: Deps, principal: Principal, allowed: readonly Role[], observationId: string) {
  const obs = await deps.observations.get(observationId);
  const view = obs && obs.districtId === deps.districtId ? viewOf(deps, principal, allowed, obs) : undefined;
  if (!obs || !view) throw notFound('观摩');
  return { obs, view };
}

const presentScore = (s: StoredScore): BranchScore => ({
  branchId: s.branchId,
  observerId: s.observerId,
  observerName: s.observerName,
  scores: s.scores,
  comment: s.comment,
  updatedAt: s.updatedAt,
});

const presentResult = (r: StoredBranchResult) => ({ ...r, perStar: r.perStar.map((p) => ({ ...p })), comments: [...r.comments] });

function presentDetail(
  principal: Principal,
  obs: StoredObservation,
  view: NonNullable<ReturnType<typeof viewOf>>,
  scores: StoredScore[],
): ObservationDetail {
  const ids = new Set(view.branches.map((b) => b.branchId));
  const inView = scores.filter((s) => ids.has(s.branchId));
  // No anchoring: while open, an assigned observer sees only their own sheets, even when they also organise.
  const shown =
    obs.status === 'open' && view.assigned
      ? inView.filter((s) => s.observerId === principal.user.id)
      : view.overseer || obs.status === 'closed'
        ? inView
        : [];
  return {
    id: obs.id,
    month: obs.month,
    title: obs.title,
    status: obs.status,
    organiserLabel: obs.organiserLabel,
    ...(obs.townshipId ? { townshipId: obs.townshipId } : {}),
    createdByName: obs.createdByName,
    createdAt: obs.createdAt,
    ...(obs.closedAt ? { closedAt: obs.closedAt } : {}),
    assigned: view.assigned,
    canManage: view.manage,
    branches: view.branches.map((b) => ({
      ...b,
      stars: [...starSetFor(b.type)],
      scoredBy: inView.filter((s) => s.branchId === b.branchId).length,
    })),
    observers: obs.observers,
    scores: shown.map(presentScore),
    results: obs.status === 'closed' ? (obs.results ?? []).filter((r) => ids.has(r.branchId)).map(presentResult) : [],
    version: obs.version,
  };
}

export async function listObservations(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  month?: string,
): Promise<ObservationList> {
  const m = month ?? monthOf(shanghaiDay(deps.clock.now()));
  const all = await deps.observations.listForMonth(deps.districtId, m);
  const visible = all.flatMap((obs) => {
    const view = viewOf(deps, principal, allowed, obs);
    return view ? [{ obs, view }] : [];
  });
  const observations = await Promise.all(
    visible.map(async ({ obs, view }) => {
      const mine = view.assigned
        ? (await deps.observations.scores(obs.id)).scores.filter((s) => s.observerId === principal.user.id).length
        : 0;
      return {
        id: obs.id,
        month: obs.month,
        title: obs.title,
        status: obs.status,
        organiserLabel: obs.organiserLabel,
        branchCount: obs.branches.length,
        observerCount: obs.observers.length,
        assigned: view.assigned,
        canManage: view.manage,
        myScoredCount: mine,
        createdAt: obs.createdAt,
      };
    }),
  );
  return { month: m, observations };
}

/** The township the caller organises for: the one asked for (which they must manage), else their own. */
function organisingTownship(deps: Deps, bindings: Binding[], townshipId: string | undefined): string | undefined {
  if (townshipId) {
    if (!bindings.some((b) => managesTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
    return townshipId;
  }
  if (isDistrictAdmin(bindings, deps.districtId)) return undefined;
  const own = bindings.find((b) => b.role === 'township_staff' && b.scope.level === 'township' && b.scope.districtId === deps.districtId);
  if (!own) throw forbiddenScope();
  return townshipKeyOf(own.scope);
}

const ROLE_ORDER: Record<string, number> = { township_staff: 0, inspector: 1, leader: 2, district_admin: 3 };

/**
 * Officials who may score: township staff, inspectors, leaders and district admins whose binding covers the
 * township (or, for a district-wide observation, anyone of those roles in the district). One read of the
 * district's bindings partition (bounded: the officials and branch cadres of one district).
 */
export async function listObserverCandidates(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  townshipId?: string,
): Promise<ObserverCandidates> {
  const t = organisingTownship(deps, bindingsFor(principal, allowed), townshipId);
  const bindings = (await deps.users.listBindings(deps.districtId)).filter((b) => eligibleObserver(b, deps.districtId, t));
  const byUser = new Map<string, { userId: string; name: string; roles: OfficialRole[]; labels: string[] }>();
  for (const b of bindings) {
    const c = byUser.get(b.userId) ?? { userId: b.userId, name: b.holderName ?? b.userId, roles: [], labels: [] };
    if (!c.roles.includes(b.role)) c.roles.push(b.role);
    if (!c.labels.includes(b.scopeLabel)) c.labels.push(b.scopeLabel);
    byUser.set(b.userId, c);
  }
  const rank = (c: { roles: OfficialRole[] }) => Math.min(...c.roles.map((r) => ROLE_ORDER[r]));
  return {
    candidates: [...byUser.values()]
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh'))
      .map((c) => ({ userId: c.userId, name: c.name, roles: c.roles, scopeLabel: c.labels.join('；') })),
  };
}

export async function createObservation(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  body: CreateObservationBody,
): Promise<ObservationDetail> {
  const bindings = bindingsFor(principal, allowed);
  const townshipId = organisingTownship(deps, bindings, body.townshipId);
  const current = monthOf(shanghaiDay(deps.clock.now()));
  if (body.month < addMonths(current, -1) || body.month > addMonths(current, 2))
    throw invalid('body.month', '观摩月份只能是上月、本月或之后两个月');
  const [district, township] = await Promise.all([
    deps.org.getDistrict(deps.districtId),
    townshipId ? deps.org.getTownship(deps.districtId, townshipId) : Promise.resolve(undefined),
  ]);
  if (townshipId && !township) throw invalid('body.townshipId', '乡镇（街道）不存在');

  const branches = await Promise.all(body.branchIds.map((id) => deps.org.getBranch(id)));
  const errors: { path: string; code: string; message: string }[] = [];
  branches.forEach((b, i) => {
    if (!b || b.districtId !== deps.districtId) errors.push({ path: `body.branchIds.${i}`, code: 'not_found', message: '支部不存在' });
    else if (townshipId && b.townshipId !== townshipId) {
      // Township staff may visit only their township's branches.
      if (!bindings.some((x) => managesTownship(x, deps.districtId, b.townshipId))) throw forbiddenScope();
      errors.push({ path: `body.branchIds.${i}`, code: 'other_township', message: '该支部不属于组织观摩的乡镇（街道）' });
    }
  });
  const users = await Promise.all(body.observerIds.map((id) => deps.users.getUser(id)));
  users.forEach((u, i) => {
    if (!u || !u.bindings.some((b) => eligibleObserver(b, deps.districtId, townshipId)))
      errors.push({
        path: `body.observerIds.${i}`,
        code: 'not_eligible',
        message: '不是可选的评分人员（须为辖区内的乡镇干部、督导、领导或区委组织部人员）',
      });
  });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '提交的内容有误', errors);

  const now = deps.clock.now().toISOString();
  const obs: StoredObservation = {
    id: deps.ids.next(),
    districtId: deps.districtId,
    month: body.month,
    title: body.title,
    ...(townshipId ? { townshipId } : {}),
    organiserLabel: township?.name ?? district?.name ?? deps.districtId,
    branches: branches.map((b) => ({ branchId: b!.id, name: b!.name, townshipId: b!.townshipId, type: b!.type })),
    observers: users.map((u) => ({ userId: u!.profile.id, name: u!.profile.displayName })),
    status: 'open',
    createdAt: now,
    createdBy: principal.user.id,
    createdByName: principal.user.displayName,
    version: 1,
  };
  await deps.observations.create(obs);
  return presentDetail(principal, obs, viewOf(deps, principal, allowed, obs)!, []);
}

export async function getObservation(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  observationId: string,
): Promise<ObservationDetail> {
  const { obs, view } = await loadVisible(deps, principal, allowed, observationId);
  const { scores } = await deps.observations.scores(obs.id);
  return presentDetail(principal, obs, view, scores);
}

/** Only an assigned observer, only while open (403 not assigned, 409 closed); re-scoring overwrites. */
export async function scoreBranch(
  deps: Deps,
  principal: Principal,
  observationId: string,
  branchId: string,
  body: ScoreBranchBody,
): Promise<BranchScore> {
  const obs = await deps.observations.get(observationId);
  if (!obs || obs.districtId !== deps.districtId) throw notFound('观摩');
  const me = obs.observers.find((o) => o.userId === principal.user.id);
  if (!me) throw new DomainError('FORBIDDEN_SCOPE', '您不是这次观摩的评分人员');
  if (obs.status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', '观摩已锁定，不能再评分');
  const branch = obs.branches.find((b) => b.branchId === branchId);
  if (!branch) throw notFound('观摩支部');
  const errors = checkScoreSheet(starSetFor(branch.type), body.scores);
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '评分有误', errors);
  const score: StoredScore = {
    observationId,
    branchId,
    observerId: me.userId,
    observerName: me.name,
    scores: body.scores,
    comment: body.comment,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.observations.putScore(score);
  return presentScore(score);
}

const CLOSE_ATTEMPTS = 3;

/** The organiser locks it: results are computed from the stored sheets and frozen in the same transaction. */
export async function closeObservation(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  observationId: string,
  version: number,
): Promise<ObservationDetail> {
  const { obs, view } = await loadVisible(deps, principal, allowed, observationId);
  if (!view.manage) throw new DomainError('FORBIDDEN_SCOPE', '只有组织观摩的乡镇（街道）或区委组织部可以锁定');
  if (obs.status === 'closed') throw new DomainError('ILLEGAL_TRANSITION', '观摩已锁定');
  if (obs.version !== version) throw new DomainError('CONFLICT', '观摩已被他人修改，请刷新后重试');
  for (let attempt = 1; ; attempt++) {
    const { scores, revision } = await deps.observations.scores(obs.id);
    const closedAt = deps.clock.now().toISOString();
    const closed: StoredObservation = {
      ...obs,
      status: 'closed',
      closedAt,
      closedBy: principal.user.id,
      results: computeResults(obs, starSetFor, scores, closedAt),
      version: obs.version + 1,
    };
    try {
      await deps.observations.close(closed, obs.version, revision);
      return presentDetail(principal, closed, view, scores);
    } catch (err) {
      // A score landed between reading the sheets and closing: compute again from the new sheets.
      const raced = err instanceof DomainError && err.code === 'CONFLICT' && err.details?.[0]?.path === 'scoresRevision';
      if (!raced || attempt >= CLOSE_ATTEMPTS) throw err;
    }
  }
}

/** A branch's frozen results of a quarter: its own cadres see them only after close, and never who scored. */
export async function branchObservationResults(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  quarter?: string,
): Promise<BranchObservationResults> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const q = quarter ?? quarterOf(shanghaiDay(deps.clock.now()));
  const results = await deps.observations.listResultsForBranchQuarter(branch.townshipId, branch.id, q);
  return { branchId: branch.id, quarter: q, results: results.map(presentResult) };
}
