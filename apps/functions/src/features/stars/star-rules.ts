import type { PutStarRulesBody, Role, StarPublicityBoard, StarRules } from '@chuangxing/shared';
import { forbiddenRole, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { summaryOf } from './star-presenters';
import { withdrawalNotices } from './star-withdrawals';
import type { StarsPorts } from './stars.ports';

export async function getStarRules(deps: Pick<StarsPorts, 'districtId' | 'applications'>): Promise<StarRules> {
  return deps.applications.getRules(deps.districtId);
}

/** How many working days 公示 lasts (for approvals from now on) and the annual 评星定级 day, set by the district admin. */
export async function putStarRules(
  deps: Pick<StarsPorts, 'districtId' | 'applications'>,
  principal: Principal,
  allowed: readonly Role[],
  body: PutStarRulesBody,
): Promise<StarRules> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
  const current = await deps.applications.getRules(deps.districtId);
  const annualReviewDate = body.annualReviewDate ?? current.annualReviewDate;
  await deps.applications.putRules(
    deps.districtId,
    { publicityWorkingDays: body.publicityWorkingDays, annualReviewDate, version: body.version + 1 },
    body.version,
  );
  return deps.applications.getRules(deps.districtId);
}

/** 公示 board: the district's awards in 公示, as summaries (no self-assessment, evidence or reviewers' notes), and its 撤星 in 公示. */
export async function getStarPublicityBoard(
  deps: Pick<StarsPorts, 'districtId' | 'applications' | 'clock' | 'held'>,
): Promise<StarPublicityBoard> {
  const [apps, withdrawals] = await Promise.all([deps.applications.listByStatus(deps.districtId, 'publicity'), withdrawalNotices(deps)]);
  return {
    applications: apps.sort((a, b) => (a.publicityUntil ?? '').localeCompare(b.publicityUntil ?? '')).map(summaryOf),
    withdrawals,
  };
}

/** 公示 of one community, for its residents: only its awards in 公示, as summaries. */
export async function getBranchStarPublicity(
  deps: Pick<StarsPorts, 'districtId' | 'applications' | 'org' | 'clock' | 'held'>,
  branchId: string,
): Promise<StarPublicityBoard> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId) throw notFound('社区');
  const [apps, withdrawals] = await Promise.all([deps.applications.listForBranch(branch.id), withdrawalNotices(deps, branch.id)]);
  return { applications: apps.filter((a) => a.status === 'publicity').map(summaryOf), withdrawals };
}
