import type { Wiring } from '../../platform/wiring';
import { orgReader } from '../org/org.wiring';
import type { AppraisalRepository } from './appraisal-repository';
import { DynamoAppraisalRepository } from './appraisal-repository.dynamodb';
import { townshipStandings } from './appraisals';
import type { AppraisalsPorts } from './appraisals.ports';
import type { AppraisalResultsReader, AppraisalStandingsReader } from './appraisals.readers';

const appraisalRepository = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): AppraisalRepository =>
  w.once('appraisals', () => new DynamoAppraisalRepository(w.doc, w.table));

export const appraisalsPorts = (w: Wiring): AppraisalsPorts => ({
  ...w.kernel,
  appraisals: appraisalRepository(w),
  org: orgReader(w),
});

/** What the ranking reads: only closed sessions, only the score per branch. */
export const appraisalResultsReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): AppraisalResultsReader => ({
  async closedResults(townshipId, quarter) {
    const s = await appraisalRepository(w).get(townshipId, quarter);
    if (s?.state !== 'closed' || !s.results) return undefined;
    return s.results.map((r) => ({ branchId: r.branchId, score: r.score, sheetCount: r.sheetCount }));
  },
});

/** What the 亮赛比 board reads (one index query): the latest closed totals and ranks, and a session under way. */
export const appraisalStandingsReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): AppraisalStandingsReader => ({
  async standingsOf(townshipId, upToQuarter) {
    return townshipStandings(await appraisalRepository(w).listOfTownship(townshipId), upToQuarter);
  },
});
