import { type BranchHeldStars, type RecordBaselineStarsBody, type Role, STAR_SETS } from '@chuangxing/shared';
import { forbiddenRole, invalid, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { Branch } from '../org/org.readers';
import { branchHeldStarsOf, checkBaseline, type StoredHeldStar } from './held-star';
import type { StarsPorts } from './stars.ports';

type HeldPorts = Pick<StarsPorts, 'districtId' | 'clock' | 'ids' | 'org' | 'held'>;

async function branchOf(deps: Pick<StarsPorts, 'districtId' | 'org'>, branchId: string): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId) throw notFound('支部');
  return branch;
}

/**
 * A branch's stars: the ones it holds (its level) and the ones it lost, with their dates. A branch's level is public
 * in the district, as its 公示 is: every signed-in person reads it (a resident chooses their community as for letters).
 */
export async function readBranchHeldStars(deps: HeldPorts, branchId: string): Promise<BranchHeldStars> {
  const branch = await branchOf(deps, branchId);
  return branchHeldStarsOf(branch, await deps.held.listForBranch(branch.id), STAR_SETS[branch.type]);
}

/**
 * The stars the branch held at the campaign start (保星's starting point and the baseline of 四星倍增), recorded by the
 * district admin once and before any award; the same stars again answer as before, other stars are refused.
 */
export async function recordBaselineStars(
  deps: HeldPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  body: RecordBaselineStarsBody,
): Promise<BranchHeldStars> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
  const branch = await branchOf(deps, branchId);
  const records = await deps.held.listForBranch(branch.id);
  const awarded = records.held.some((h) => h.basis === 'award') || records.ended.some((h) => h.basis === 'award');
  if (
    checkBaseline(body.stars, STAR_SETS[branch.type], { awarded, ...(records.baseline ? { baseline: records.baseline } : {}) }) === 'same'
  )
    return branchHeldStarsOf(branch, records, STAR_SETS[branch.type]);
  const now = deps.clock.now();
  const at = now.toISOString();
  const day = shanghaiDay(now);
  if (body.heldFrom && body.heldFrom > day) throw invalid('body.heldFrom', '持有日期不能晚于今天');
  const heldFrom = body.heldFrom ?? day;
  const actor = { id: principal.user.id, name: principal.user.displayName };
  const held: StoredHeldStar[] = body.stars.map((star) => ({
    branchId: branch.id,
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchName: branch.name,
    star,
    heldFrom,
    basis: 'baseline',
    version: 1,
    recordedAt: at,
    recordedBy: actor.id,
  }));
  await deps.held.recordBaseline(
    { branchId: branch.id, stars: body.stars, recordedOn: day, recordedAt: at, recordedBy: actor.id, recordedByName: actor.name },
    held,
    { at, id: deps.ids.next(), kind: 'baseline', stars: body.stars, actorId: actor.id, actorName: actor.name },
  );
  return readBranchHeldStars(deps, branch.id);
}
