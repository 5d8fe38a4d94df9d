import type { Role } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, type Principal } from '../../platform/kernel/principal';
import type { Branch } from './org';
import type { OrgRepository } from './org-repository';

export type { Branch, District, Township } from './org';
export { starsOf } from './org';

/** What other features read of the organisation: the district's townships and branches. */
export type OrgReader = Pick<OrgRepository, 'getDistrict' | 'listTownships' | 'getTownship' | 'listBranches' | 'getBranch'>;

/** A branch the caller may read through one of the route's roles; otherwise it does not exist for them (404). */
export async function readableBranch(
  deps: { org: Pick<OrgReader, 'getBranch'> },
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || !bindingsFor(principal, allowed).some((b) => coversBranch(b, branch))) throw notFound('支部');
  return branch;
}
