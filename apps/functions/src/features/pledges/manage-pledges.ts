import {
  type BranchPledges,
  type PledgeBoard,
  type PledgeProgress,
  type PublishPledgesBody,
  quarterOf,
  type ReportPledgeProgressBody,
  type Role,
} from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { type Branch, starsOf } from '../org/org.readers';
import {
  isProgressRetry,
  isPublishRetry,
  type PledgeActor,
  pledgeBoard,
  publishPledges,
  reportProgress,
  type StoredPledgeProgress,
  type StoredPledges,
} from './pledges';
import type { PledgesPorts } from './pledges.ports';

function actorOf(deps: PledgesPorts, principal: Principal): PledgeActor {
  const now = deps.clock.now();
  return { userId: principal.user.id, name: principal.user.displayName, at: now.toISOString(), today: shanghaiDay(now) };
}

/** A township the caller reads: its own branches' people (亮赛比 is open within the township) and those above. */
const readsTownship = (deps: PledgesPorts, principal: Principal, allowed: readonly Role[], townshipId: string) =>
  bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId));

/** A branch whose commitments the caller reads; anyone else learns nothing of it (404). */
async function readableBranch(deps: PledgesPorts, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId || !readsTownship(deps, principal, allowed, branch.townshipId))
    throw notFound('支部');
  return branch;
}

/** Only the branch's own secretary (publish) or its secretary and cadres (progress) write. */
async function ownBranch(deps: PledgesPorts, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  if (!filerBindingFor(principal, allowed, deps.districtId, branchId)) throw forbiddenScope();
  const branch = await deps.org.getBranch(branchId);
  if (!branch) throw notFound('支部');
  return branch;
}

const progressView = (p: StoredPledgeProgress): PledgeProgress => ({
  itemId: p.itemId,
  month: p.month,
  percent: p.percent,
  text: p.text,
  version: p.version,
  at: p.at,
  byName: p.byName,
});

function pledgesView(branch: Branch, year: number, doc: StoredPledges | undefined, progress: StoredPledgeProgress[]): BranchPledges {
  return {
    branchId: branch.id,
    branchName: branch.name,
    townshipId: branch.townshipId,
    stars: starsOf(branch),
    year,
    version: doc?.version ?? 0,
    ...(doc ? { publishedAt: doc.publishedAt, publishedByName: doc.publishedByName } : {}),
    items: doc?.items ?? [],
    progress: progress
      .filter((p) => doc?.items.some((i) => i.id === p.itemId))
      .sort((a, b) => a.month.localeCompare(b.month) || a.itemId.localeCompare(b.itemId))
      .map(progressView),
  };
}

export async function getBranchPledges(deps: PledgesPorts, principal: Principal, allowed: readonly Role[], branchId: string, year: number) {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const [doc, progress] = await Promise.all([deps.pledges.get(branchId, year), deps.pledges.progressOf(branchId, year)]);
  return pledgesView(branch, year, doc, progress);
}

export async function publishBranchPledges(
  deps: PledgesPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  year: number,
  body: PublishPledgesBody,
) {
  const branch = await ownBranch(deps, principal, allowed, branchId);
  const current = await deps.pledges.get(branchId, year);
  // A retry of the publication that already went through answers what it made.
  if (!(current && isPublishRetry(current, body, principal.user.id))) {
    const next = publishPledges(current, body, { ...branch, stars: starsOf(branch) }, year, actorOf(deps, principal));
    await deps.pledges.put(next, body.version);
  }
  return getBranchPledges(deps, principal, allowed, branchId, year);
}

export async function reportBranchProgress(
  deps: PledgesPorts,
  principal: Principal,
  allowed: readonly Role[],
  target: { branchId: string; year: number; month: string; itemId: string },
  body: ReportPledgeProgressBody,
): Promise<PledgeProgress> {
  await ownBranch(deps, principal, allowed, target.branchId);
  const [doc, current] = await Promise.all([
    deps.pledges.get(target.branchId, target.year),
    deps.pledges.getProgress(target.branchId, target.year, target.month, target.itemId),
  ]);
  if (current && isProgressRetry(current, body, principal.user.id)) return progressView(current);
  const next = reportProgress(doc, current, target, body, actorOf(deps, principal));
  await deps.pledges.putProgress(next, body.version);
  return progressView(next);
}

export async function getPledgeBoard(
  deps: PledgesPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  month: string,
): Promise<PledgeBoard> {
  if (!readsTownship(deps, principal, allowed, townshipId)) throw forbiddenScope();
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  const year = Number(month.slice(0, 4));
  const [branches, docs, progress, appraisal] = await Promise.all([
    deps.org.listBranches(townshipId),
    deps.pledges.townshipPledges(townshipId, year),
    deps.pledges.townshipProgress(townshipId, year, month),
    deps.appraisals.standingsOf(townshipId, quarterOf(month)),
  ]);
  return { ...pledgeBoard({ id: township.id, name: township.name }, month, branches, docs, progress), appraisal };
}
