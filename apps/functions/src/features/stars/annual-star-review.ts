import type { AnnualStarDecision, AnnualStarReview, BranchHeldStars, DecideAnnualStarReviewBody, Role, Star } from '@chuangxing/shared';
import { DomainError, forbiddenRole, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { annualOutcome, annualReviewDay, endHeldStar, type StoredAnnualDecision } from './held-star';
import { readBranchHeldStars } from './held-stars';
import { annualNotices, branchAudience } from './star-notices';
import type { StarsPorts } from './stars.ports';

type AnnualPorts = Pick<StarsPorts, 'districtId' | 'clock' | 'ids' | 'org' | 'held' | 'applications' | 'users' | 'notices'>;

const decisionOf = (d: StoredAnnualDecision): AnnualStarDecision => ({
  at: d.at,
  kept: d.kept,
  lowered: d.lowered,
  reason: d.reason,
  deciderName: d.deciderName,
});

// The 专班 of each star is not a role yet: the district admin holds the annual review as it reviews every star.
function assertDistrictReviewer(deps: Pick<StarsPorts, 'districtId'>, principal: Principal, allowed: readonly Role[]) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
}

/** Every branch holding stars now or decided this year, with its held stars and the year's decision (two index queries). */
export async function getAnnualStarReview(
  deps: AnnualPorts,
  principal: Principal,
  allowed: readonly Role[],
  year: number,
): Promise<AnnualStarReview> {
  assertDistrictReviewer(deps, principal, allowed);
  const [held, decisions, rules] = await Promise.all([
    deps.held.listHeldInDistrict(deps.districtId),
    deps.held.listAnnualDecisions(deps.districtId, year),
    deps.applications.getRules(deps.districtId),
  ]);
  const rows = new Map<string, { branchId: string; branchName: string; townshipId: string; held: Star[]; decision?: AnnualStarDecision }>();
  const row = (r: { branchId: string; branchName: string; townshipId: string }) => {
    const found = rows.get(r.branchId) ?? { branchId: r.branchId, branchName: r.branchName, townshipId: r.townshipId, held: [] };
    rows.set(r.branchId, found);
    return found;
  };
  for (const h of held) row(h).held.push(h.star);
  for (const d of decisions) row(d).decision = decisionOf(d);
  const branches = [...rows.values()].sort((a, b) => `${a.townshipId}#${a.branchId}`.localeCompare(`${b.townshipId}#${b.branchId}`));
  return { year, reviewDate: annualReviewDay(year, rules.annualReviewDate), branches };
}

/**
 * The annual 评星定级 of one branch: from the configured day of the year, the district keeps every held star
 * (confirmed) or fewer (降星: the others end today), once per branch and year, with a reason, audited. The same
 * decision again answers as before; a different one, or a race lost, is CONFLICT.
 */
export async function decideAnnualStarReview(
  deps: AnnualPorts,
  principal: Principal,
  allowed: readonly Role[],
  year: number,
  branchId: string,
  body: DecideAnnualStarReviewBody,
): Promise<BranchHeldStars> {
  assertDistrictReviewer(deps, principal, allowed);
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId) throw notFound('支部');
  const now = deps.clock.now();
  const today = shanghaiDay(now);
  const rules = await deps.applications.getRules(deps.districtId);
  const from = annualReviewDay(year, rules.annualReviewDate);
  if (today < from) throw new DomainError('ILLEGAL_TRANSITION', `${year} 年度评星定级自 ${from} 起进行`);
  const records = await deps.held.listForBranch(branch.id);
  const earlier = records.annual.find((a) => a.year === year);
  if (earlier) {
    if ([...earlier.kept].sort().join() === [...body.keep].sort().join()) return readBranchHeldStars(deps, branch.id);
    throw new DomainError('CONFLICT', `该支部 ${year} 年度的评星定级已于 ${earlier.at.slice(0, 10)} 完成，不能更改`);
  }
  const { kept, lowered } = annualOutcome(
    records.held.map((h) => h.star),
    body.keep,
  );
  const at = now.toISOString();
  const decider = { id: principal.user.id, name: principal.user.displayName };
  const review = `annual-${year}`;
  const b = { branchId: branch.id, branchName: branch.name, townshipId: branch.townshipId };
  const notices = deps.notices.stage(annualNotices(await branchAudience(deps, b), b, year, lowered, body.reason));
  await deps.held.decideAnnual(
    {
      branchId: branch.id,
      districtId: branch.districtId,
      townshipId: branch.townshipId,
      branchName: branch.name,
      year,
      kept,
      lowered,
      reason: body.reason,
      at,
      deciderId: decider.id,
      deciderName: decider.name,
    },
    records.held.filter((h) => kept.includes(h.star)),
    records.held.filter((h) => lowered.includes(h.star)).map((held) => ({ held, ended: endHeldStar(held, review, today) })),
    {
      at,
      id: deps.ids.next(),
      kind: lowered.length ? 'annual_lowered' : 'annual_confirmed',
      stars: lowered.length ? lowered : kept,
      actorId: decider.id,
      actorName: decider.name,
      sourceId: review,
      note: body.reason,
    },
    notices,
  );
  await deps.notices.dispatch(notices);
  return readBranchHeldStars(deps, branch.id);
}
