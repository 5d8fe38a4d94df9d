import type { Role, SaveTownshipCreationPlanBody, TownshipCreationPlan } from '@chuangxing/shared';
import { forbiddenScope, invalidFields, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, type Principal } from '../../platform/kernel/principal';
import {
  belowDistrictErrors,
  duplicateErrors,
  isSaveRetry,
  keyDateErrors,
  nextTownshipPlan,
  type StoredTownshipPlan,
  targetErrors,
} from './creation-plan';
import type { CreationPlansPorts } from './creation-plans.ports';
import { districtTargetsOf, revisionsView } from './district-plan';
import { standingsOf } from './township-standing';

/** Everything the township's plan shows: its branches and their stars, the district's targets and its own plan. */
async function readTownshipPlan(deps: CreationPlansPorts, year: number, townshipId: string) {
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  const [[standing], branches, plans, revisions] = await Promise.all([
    standingsOf(deps, [township]),
    deps.org.listBranches(townshipId),
    deps.plans.plansOfYear(year),
    deps.plans.revisions(year, townshipId),
  ]);
  const plan = plans.townships.find((p) => p.townshipId === townshipId);
  return { standing, branches, plan, districtTargets: districtTargetsOf(plans.district, standing), revisions };
}

type TownshipRead = Awaited<ReturnType<typeof readTownshipPlan>>;

function townshipPlanView(year: number, r: TownshipRead): TownshipCreationPlan {
  const { standing, plan } = r;
  return {
    year,
    townshipId: standing.township.id,
    name: standing.township.name,
    version: plan?.version ?? 0,
    districtTargets: r.districtTargets,
    baseline: standing.baseline,
    targets: plan?.targets ?? r.districtTargets,
    keyDates: plan?.keyDates ?? [],
    responsibleUnits: plan?.responsibleUnits ?? [],
    branches: r.branches.map((b) => {
      const levels = standing.levels.get(b.id) ?? { baseline: 0, current: 0 };
      const target = plan?.branchTargets.find((t) => t.branchId === b.id)?.level;
      return {
        branchId: b.id,
        name: b.name,
        baselineLevel: levels.baseline,
        currentLevel: levels.current,
        targetLevel: target ?? levels.current,
      };
    }),
    history: revisionsView(r.revisions),
  };
}

/** Read by the township's own branches and staff, and by the district's officials. */
export async function getTownshipPlan(
  deps: CreationPlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  year: number,
  townshipId: string,
) {
  if (!bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  return townshipPlanView(year, await readTownshipPlan(deps, year, townshipId));
}

/** Only the staff of that very township edit its plan (not the district's, not another township's). */
export async function saveTownshipPlan(
  deps: CreationPlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  year: number,
  townshipId: string,
  body: SaveTownshipCreationPlanBody,
) {
  const staff = bindingsFor(principal, allowed).some(
    (b) => b.role === 'township_staff' && b.scope.level === 'township' && coversTownship(b, deps.districtId, townshipId),
  );
  if (!staff) throw forbiddenScope();
  const r = await readTownshipPlan(deps, year, townshipId);
  if (!(r.plan && isSaveRetry(r.plan as StoredTownshipPlan & Record<string, unknown>, body, principal.user.id))) {
    const branchIds = new Set(r.branches.map((b) => b.id));
    const errors = [
      ...targetErrors(body.targets, r.branches.length, 'body.targets'),
      ...belowDistrictErrors(body.targets, r.districtTargets, 'body.targets'),
      ...keyDateErrors(body.keyDates, year),
      ...duplicateErrors(body.branchTargets, (t) => t.branchId, 'body.branchTargets', '支部重复'),
      ...body.branchTargets.flatMap((t, i) =>
        branchIds.has(t.branchId)
          ? []
          : [{ path: `body.branchTargets.${i}.branchId`, code: 'not_found', message: '本乡镇（街道）没有这个支部' }],
      ),
    ];
    if (errors.length) throw invalidFields('规划有误', errors);
    const actor = { userId: principal.user.id, name: principal.user.displayName, at: deps.clock.now().toISOString() };
    await deps.plans.saveTownshipPlan(nextTownshipPlan(deps.districtId, townshipId, year, r.plan, body, actor), body.version);
  }
  return getTownshipPlan(deps, principal, allowed, year, townshipId);
}
