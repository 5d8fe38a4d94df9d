import type { StarTargets } from '@chuangxing/shared';
import type { Township } from '../org/org.readers';
import { branchLevels, countLevels } from './creation-plan';
import type { CreationPlansPorts } from './creation-plans.ports';

/** A township's branches at the baseline and today, from one index query of its held stars. */
export interface TownshipStanding {
  township: Township;
  branchCount: number;
  baseline: StarTargets;
  current: StarTargets;
  levels: Map<string, { baseline: number; current: number }>;
}

export const branchCountOf = (t: Township) => t.counts.rural + t.counts.community;

/** One held-stars query per township, in parallel: the whole read is bounded by the district's townships. */
export function standingsOf(
  deps: Pick<CreationPlansPorts, 'districtId' | 'heldStars'>,
  townships: Township[],
): Promise<TownshipStanding[]> {
  return Promise.all(
    townships.map(async (township) => {
      const levels = branchLevels(await deps.heldStars.holdingsOfTownship(deps.districtId, township.id));
      const all = [...levels.values()];
      return {
        township,
        branchCount: branchCountOf(township),
        baseline: countLevels(all.map((l) => l.baseline)),
        current: countLevels(all.map((l) => l.current)),
        levels,
      };
    }),
  );
}
