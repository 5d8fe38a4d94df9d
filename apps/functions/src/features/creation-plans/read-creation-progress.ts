import type { CreationProgress, Role } from '@chuangxing/shared';
import { bindingsFor, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { fourStarDouble } from './creation-plan';
import type { CreationPlansPorts } from './creation-plans.ports';
import { districtTargetsOf } from './district-plan';
import { standingsOf } from './township-standing';

/**
 * Per township the caller reads (a branch's people: their own township): branches at ≥3 / ≥4 / 5 stars at the
 * baseline and today, against the township's targets (its own plan, else the district's, else the defaults).
 * Reads: the townships, the year's plans (one query) and one held-stars query per township.
 */
export async function getCreationProgress(
  deps: CreationPlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  year: number,
): Promise<CreationProgress> {
  const reach = reachableTownships(bindingsFor(principal, allowed), deps.districtId);
  const [townships, plans] = await Promise.all([deps.org.listTownships(deps.districtId), deps.plans.plansOfYear(year)]);
  const visible = townships.filter((t) => reach === 'all' || reach.has(t.id));
  const standings = await standingsOf(deps, visible);
  return {
    year,
    asOf: shanghaiDay(deps.clock.now()),
    townships: standings.map((s) => {
      const own = plans.townships.find((p) => p.townshipId === s.township.id);
      const fromDistrict = plans.district?.townships.some((t) => t.townshipId === s.township.id);
      return {
        townshipId: s.township.id,
        name: s.township.name,
        branchCount: s.branchCount,
        baseline: s.baseline,
        current: s.current,
        targets: own?.targets ?? districtTargetsOf(plans.district, s),
        targetsFrom: own ? 'township' : fromDistrict ? 'district' : 'default',
        fourStarDouble: fourStarDouble(s.baseline),
      };
    }),
  };
}
