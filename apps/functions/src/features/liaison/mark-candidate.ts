import type { FiveStarCandidate, PutFiveStarCandidateBody } from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import { candidateView, markCandidate, withdrawCandidate } from './liaison';
import type { LiaisonPorts } from './liaison.ports';
import { actorOf, assignedBranch } from './liaison-access';

type CandidatePorts = Pick<LiaisonPorts, 'districtId' | 'clock' | 'org' | 'liaison'>;

/** "逐村过、逐级筛": a leader marks (or re-assesses) a branch of an assigned township as a 五星 candidate. */
export async function markFiveStarCandidate(
  deps: CandidatePorts,
  principal: Principal,
  branchId: string,
  body: PutFiveStarCandidateBody,
): Promise<FiveStarCandidate> {
  const branch = await assignedBranch(deps, principal, branchId);
  const current = await deps.liaison.getCandidate(branch.id);
  const next = markCandidate(current, body, branch, actorOf(deps, principal));
  if (next !== current) await deps.liaison.putCandidate(next, body.version);
  return candidateView(next);
}

/** Withdraws the branch's candidacy; it stays on record as withdrawn. */
export async function withdrawFiveStarCandidate(
  deps: CandidatePorts,
  principal: Principal,
  branchId: string,
  version: number,
): Promise<FiveStarCandidate> {
  const branch = await assignedBranch(deps, principal, branchId);
  const current = await deps.liaison.getCandidate(branch.id);
  const next = withdrawCandidate(current, version, actorOf(deps, principal));
  if (next !== current) await deps.liaison.putCandidate(next, version);
  return candidateView(next);
}
