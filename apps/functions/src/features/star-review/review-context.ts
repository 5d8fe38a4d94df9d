import type { Star, StarReviewContext } from '@chuangxing/shared';
import { addDays, addMonths, monthOf, quarterOf } from '@chuangxing/shared';
import { ratesOf } from '../mailbox/mailbox.readers';
import type { Branch } from '../org/org.readers';
import type { StarReviewPorts } from './star-review.ports';

/** How far back reviewers see daily-report items, and how many. */
const REPORT_DAYS = 90;
const REPORT_ITEMS = 30;

type ContextPorts = Pick<StarReviewPorts, 'observations' | 'findings' | 'reports' | 'letters'>;

/**
 * What the product already knows of the branch and the star, read through the owning features' readers: the
 * observation scores of this and the last quarter, the 问题清单 of the star with its veto hits, the daily-report
 * items tagged with it and the letters' 三率 over the same six months.
 */
export async function reviewContext(deps: ContextPorts, star: Star, branch: Branch, today: string): Promise<StarReviewContext> {
  const month = monthOf(today);
  // Three months back always falls in the last quarter; the months run from its first to this one.
  const quarters = [quarterOf(`${addMonths(month, -3)}-01`), quarterOf(today)];
  const first = `${quarters[0].slice(0, 4)}-${String((Number(quarters[0].slice(6)) - 1) * 3 + 1).padStart(2, '0')}`;
  const months: string[] = [];
  for (let m = first; m <= month; m = addMonths(m, 1)) months.push(m);
  const [results, findings, reports, letters] = await Promise.all([
    Promise.all(quarters.map((q) => deps.observations.listResultsForTownshipQuarter(branch.townshipId, q))),
    deps.findings.listBranchFindings(branch.townshipId, branch.id),
    deps.reports.listRange(branch.id, addDays(today, -(REPORT_DAYS - 1)), today),
    deps.letters.countersForMonths(branch.townshipId, months),
  ]);
  const observations = results
    .flat()
    .filter((r) => r.branchId === branch.id)
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((r) => ({
      observationId: r.observationId,
      title: r.title,
      month: r.month,
      value: r.perStar.find((s) => s.star === star)?.value ?? null,
    }));
  const ofStar = findings.filter((f) => f.star === star);
  const open = ofStar.filter((f) => f.status !== 'closed');
  const reportItems = [...reports]
    .sort((a, b) => b.day.localeCompare(a.day))
    .flatMap((r) =>
      r.content.items.filter((i) => i.star === star).map((i) => ({ day: r.day, text: i.text, ...(i.taskId ? { taskId: i.taskId } : {}) })),
    )
    .slice(0, REPORT_ITEMS);
  const counters = letters[branch.id];
  const rates = counters ? ratesOf(counters) : undefined;
  return {
    observations,
    findings: { open: open.length, overdue: open.filter((f) => f.deadline < today).length, closed: ofStar.length - open.length },
    vetoHits: ofStar
      .filter((f) => f.vetoItemId)
      .map((f) => ({
        findingId: f.id,
        vetoItemId: f.vetoItemId as string,
        vetoText: f.vetoText ?? '',
        status: f.status,
        createdAt: f.createdAt,
      })),
    reportItems,
    ...(rates && rates.received > 0
      ? {
          letters: {
            received: rates.received,
            responseRate: rates.responseRate,
            resolutionRate: rates.resolutionRate,
            satisfactionRate: rates.satisfactionRate,
          },
        }
      : {}),
  };
}
