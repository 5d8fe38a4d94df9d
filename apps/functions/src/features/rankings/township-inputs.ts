import type { Star } from '@chuangxing/shared';
import type { AppraisalResultsReader } from '../appraisals/appraisals.readers';
import type { FindingsReader } from '../inspections/inspections.readers';
import type { LetterCountersReader } from '../mailbox/mailbox.readers';
import type { ObservationResultsReader } from '../observations/observations.readers';
import type { OrgReader } from '../org/org.readers';
import type { ApprovedPlansReader, TaskStateReader } from '../plans/plans.readers';
import type { HolidayReader, QuarterStatsReader } from '../reports/reports.readers';
import type { HeldStarsReader } from '../stars/stars.readers';
import { quarterRange } from './ranking';
import type { KeyTaskProgressEntry, ObservationResultRow, ScoringInputs, TownshipQuarterInputs } from './scoring-inputs';

/** The features the ranking reads, each through its own reader (one query or one batch per township). */
export interface ScoringReaders {
  org: Pick<OrgReader, 'listTownships' | 'listBranches'>;
  reportStats: QuarterStatsReader;
  holidays: HolidayReader;
  letterCounters: LetterCountersReader;
  approvedPlans: ApprovedPlansReader;
  taskStates: TaskStateReader;
  observationResults: ObservationResultsReader;
  findings: Pick<FindingsReader, 'listFindingsForTownship'>;
  heldStars: HeldStarsReader;
  appraisals: AppraisalResultsReader;
}

/** Observers score 0–10; the ranking works in 0–100. Stars nobody scored are left out. */
const toHundred = (v: number) => Math.round(v * 1000) / 100;

/**
 * The ranking job's inputs, per township shard and quarter, from rollups and summaries only (never a raw
 * report): the branches, their quarter report counters, the 三率 counters, the approved plans, the frozen
 * observation results, the 问题清单, each key task's latest state and the branches' awarded stars. The district's holidays and leave are
 * read once per quarter.
 */
export class TownshipInputs implements ScoringInputs {
  private readonly exemptionCache = new Map<string, Promise<{ day: string; branchId?: string }[]>>();

  constructor(private readonly readers: ScoringReaders) {}

  async listTownships(districtId: string) {
    const townships = await this.readers.org.listTownships(districtId);
    return [...townships].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).map(({ id, name }) => ({ id, name }));
  }

  private exemptions(districtId: string, quarter: string) {
    const key = `${districtId}|${quarter}`;
    let cached = this.exemptionCache.get(key);
    if (!cached) {
      cached = Promise.all(quarterRange(quarter).months.map((m) => this.readers.holidays.listExemptions(districtId, m))).then((lists) =>
        lists.flat().map((e) => ({ day: e.day, ...(e.branchId ? { branchId: e.branchId } : {}) })),
      );
      cached.catch(() => this.exemptionCache.delete(key));
      this.exemptionCache.set(key, cached);
    }
    return cached;
  }

  private async observations(townshipId: string, quarter: string): Promise<ObservationResultRow[]> {
    const rows = await this.readers.observationResults.listResultsForTownshipQuarter(townshipId, quarter);
    return rows.flatMap((r) =>
      r.overall === null
        ? []
        : [
            {
              branchId: r.branchId,
              observationId: r.observationId,
              month: r.month,
              perStar: Object.fromEntries(r.perStar.flatMap((s) => (s.value === null ? [] : [[s.star, toHundred(s.value)]]))) as Partial<
                Record<Star, number>
              >,
              overall: toHundred(r.overall),
              observerCount: r.observerCount,
            },
          ],
    );
  }

  /** Each task's latest state, grouped by branch (an update after the quarter's end hides the task from it). */
  private async taskProgress(townshipId: string, year: number) {
    const byBranch = new Map<string, KeyTaskProgressEntry[]>();
    for (const l of await this.readers.taskStates.latestForTownship(townshipId, year)) {
      const entry = { taskId: l.taskId, star: l.star, status: l.status, percent: l.percent, at: l.at };
      const list = byBranch.get(l.branchId);
      if (list) list.push(entry);
      else byBranch.set(l.branchId, [entry]);
    }
    return [...byBranch].map(([branchId, tasks]) => ({ branchId, year, tasks }));
  }

  async loadTownship(districtId: string, township: { id: string; name: string }, quarter: string): Promise<TownshipQuarterInputs> {
    const { year, months } = quarterRange(quarter);
    const branches = (await this.readers.org.listBranches(township.id))
      .map((b) => ({ id: b.id, name: b.name, type: b.type, createdAt: b.createdAt }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const [reportCounters, exemptions, letterCounters, plans, observations, findings, taskProgress, holdings, appraisal] =
      await Promise.all([
        this.readers.reportStats.quarterStatsOf(
          branches.map((b) => b.id),
          quarter,
        ),
        this.exemptions(districtId, quarter),
        this.readers.letterCounters.countersForMonths(township.id, months),
        this.readers.approvedPlans.listApproved(township.id, year),
        this.observations(township.id, quarter),
        this.readers.findings.listFindingsForTownship(township.id),
        this.taskProgress(township.id, year),
        this.readers.heldStars.holdingsOfTownship(districtId, township.id),
        this.readers.appraisals.closedResults(township.id, quarter),
      ]);
    return {
      township,
      branches,
      reportCounters,
      exemptions,
      letterCounters,
      plans: plans.map((p) => ({ branchId: p.branchId, heldStars: p.content.heldStars ?? [], targetStars: p.content.targetStars ?? [] })),
      observations,
      findings,
      taskProgress,
      holdings,
      ...(appraisal ? { appraisal } : {}),
    };
  }
}
