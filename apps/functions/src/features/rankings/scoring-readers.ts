import type { Star } from '@chuangxing/shared';
import type { InspectionRepository } from '../inspections/inspection-repository';
import type { ObservationRepository } from '../observations/observation-repository';
import type { PlanRepository } from '../plans/plan-repository';
import type { InspectionFindingsReader, KeyTaskProgressReader, ObservationResultsReader } from './scoring-inputs';

/**
 * The ranking's three readers over the features that own the data. Each is one query per township:
 * the frozen observation results, the 问题清单 index and the key tasks' latest states.
 */

/** Observers score 0–10; the ranking works in 0–100. Stars nobody scored are left out. */
export function observationResultsReader(
  observations: Pick<ObservationRepository, 'listResultsForTownshipQuarter'>,
): ObservationResultsReader {
  return {
    async listResultsForTownshipQuarter(townshipId, quarter) {
      const rows = await observations.listResultsForTownshipQuarter(townshipId, quarter);
      return rows
        .filter((r) => r.overall !== null)
        .map((r) => ({
          branchId: r.branchId,
          observationId: r.observationId,
          month: r.month,
          perStar: Object.fromEntries(
            r.perStar.filter((s) => s.value !== null).map((s) => [s.star, Math.round(s.value! * 1000) / 100]),
          ) as Partial<Record<Star, number>>,
          overall: Math.round(r.overall! * 1000) / 100,
          observerCount: r.observerCount,
        }));
    },
  };
}

export function findingsReader(inspections: Pick<InspectionRepository, 'listFindingsForTownship'>): InspectionFindingsReader {
  return { listFindingsForTownship: (townshipId) => inspections.listFindingsForTownship(townshipId) };
}

/**
 * Each task's latest state, grouped by branch. Only the latest state is kept (not the history), so a quarter
 * recomputed later sees a task as of its last update: an update after the quarter's end hides the task from it.
 */
export function taskProgressReader(plans: Pick<PlanRepository, 'latestForTownship'>): KeyTaskProgressReader {
  return {
    async listProgressForTownshipYear(townshipId, year) {
      const byBranch = new Map<
        string,
        { taskId: string; star: Star; status: 'not_started' | 'in_progress' | 'done' | 'blocked'; percent: number; at: string }[]
      >();
      for (const l of await plans.latestForTownship(townshipId, year)) {
        const list = byBranch.get(l.branchId) ?? [];
        list.push({ taskId: l.taskId, star: l.star, status: l.status, percent: l.percent, at: l.at });
        byBranch.set(l.branchId, list);
      }
      return [...byBranch].map(([branchId, tasks]) => ({ branchId, year, tasks }));
    },
  };
}
