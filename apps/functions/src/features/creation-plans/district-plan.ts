import type { DistrictCreationPlan, Role, SaveDistrictCreationPlanBody } from '@chuangxing/shared';
import { forbiddenScope, invalidFields } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import {
  defaultTargets,
  duplicateErrors,
  isSaveRetry,
  keyDateErrors,
  nextDistrictPlan,
  type StoredDistrictPlan,
  type StoredPlanRevision,
  targetErrors,
} from './creation-plan';
import type { CreationPlansPorts } from './creation-plans.ports';
import { standingsOf, type TownshipStanding } from './township-standing';

export const revisionsView = (revisions: StoredPlanRevision[]) =>
  revisions.map((r) => ({ version: r.version, at: r.at, byName: r.byName }));

/** The targets the district sets for a township: saved, or the default from its baseline. */
export const districtTargetsOf = (plan: StoredDistrictPlan | undefined, s: TownshipStanding) =>
  plan?.townships.find((t) => t.townshipId === s.township.id)?.targets ?? defaultTargets(s.baseline, s.branchCount);

function districtPlanView(
  year: number,
  plan: StoredDistrictPlan | undefined,
  standings: TownshipStanding[],
  revisions: StoredPlanRevision[],
): DistrictCreationPlan {
  return {
    year,
    version: plan?.version ?? 0,
    townships: standings.map((s) => ({
      townshipId: s.township.id,
      name: s.township.name,
      branchCount: s.branchCount,
      baseline: s.baseline,
      targets: districtTargetsOf(plan, s),
    })),
    keyDates: plan?.keyDates ?? [],
    responsibleUnits: plan?.responsibleUnits ?? [],
    history: revisionsView(revisions),
  };
}

async function readDistrictPlan(deps: CreationPlansPorts, year: number) {
  const [townships, plans, revisions] = await Promise.all([
    deps.org.listTownships(deps.districtId),
    deps.plans.plansOfYear(year),
    deps.plans.revisions(year, 'district'),
  ]);
  return { plan: plans.district, standings: await standingsOf(deps, townships), revisions };
}

/** The district plan is read by the district's officials above the branches. */
export async function getDistrictPlan(deps: CreationPlansPorts, principal: Principal, allowed: readonly Role[], year: number) {
  if (!bindingsFor(principal, allowed).some((b) => b.scope.districtId === deps.districtId)) throw forbiddenScope();
  const { plan, standings, revisions } = await readDistrictPlan(deps, year);
  return districtPlanView(year, plan, standings, revisions);
}

export async function saveDistrictPlan(
  deps: CreationPlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  year: number,
  body: SaveDistrictCreationPlanBody,
) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
  const { plan, standings } = await readDistrictPlan(deps, year);
  if (!(plan && isSaveRetry(plan as StoredDistrictPlan & Record<string, unknown>, body, principal.user.id))) {
    const errors = [
      ...duplicateErrors(body.townships, (t) => t.townshipId, 'body.townships', '乡镇（街道）重复'),
      ...body.townships.flatMap((t, i) => {
        const s = standings.find((x) => x.township.id === t.townshipId);
        if (!s) return [{ path: `body.townships.${i}.townshipId`, code: 'not_found', message: '没有这个乡镇（街道）' }];
        return targetErrors(t.targets, s.branchCount, `body.townships.${i}.targets`);
      }),
      ...keyDateErrors(body.keyDates, year),
    ];
    if (errors.length) throw invalidFields('规划有误', errors);
    const actor = { userId: principal.user.id, name: principal.user.displayName, at: deps.clock.now().toISOString() };
    await deps.plans.saveDistrictPlan(nextDistrictPlan(deps.districtId, year, plan, body, actor), body.version);
  }
  return getDistrictPlan(deps, principal, allowed, year);
}
