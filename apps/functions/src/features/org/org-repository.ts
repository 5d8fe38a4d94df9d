import type { Branch, District, Township } from './org';

export interface OrgRepository {
  getDistrict(districtId: string): Promise<District | undefined>;
  listTownships(districtId: string): Promise<Township[]>;
  getTownship(districtId: string, townshipId: string): Promise<Township | undefined>;
  listBranches(townshipId: string): Promise<Branch[]>;
  getBranch(branchId: string): Promise<Branch | undefined>;
  /** Atomic with the township's counters; a duplicate id or name in the township → CONFLICT. */
  createBranch(branch: Branch): Promise<void>;
  /** Conditional on `expectedVersion`; a stale version or a taken name → CONFLICT. */
  renameBranch(branch: Branch, newName: string, expectedVersion: number, now: string): Promise<Branch>;
}
