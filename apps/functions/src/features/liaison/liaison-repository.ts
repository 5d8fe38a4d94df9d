import type { StoredAssignment, StoredAssignmentEvent, StoredCandidate, StoredVisit } from './liaison';

export interface LiaisonRepository {
  getAssignment(districtId: string, leaderId: string): Promise<StoredAssignment | undefined>;
  /** One query: every leader's assignment in the district. */
  listAssignments(districtId: string): Promise<StoredAssignment[]>;
  /** One transaction, conditional on the version edited (0: none yet), with its audit event → CONFLICT otherwise. */
  putAssignment(a: StoredAssignment, expectedVersion: number, event: StoredAssignmentEvent): Promise<void>;
  /** Writes the visit once per leader and client id; a second write answers the visit stored first. */
  createVisit(v: StoredVisit): Promise<{ kind: 'created' | 'exists'; visit: StoredVisit }>;
  /** One index query: the township's latest visits, newest day first. */
  townshipVisits(townshipId: string, limit: number): Promise<StoredVisit[]>;
  getCandidate(branchId: string): Promise<StoredCandidate | undefined>;
  /** Conditional on the version edited (0: none yet) → CONFLICT otherwise. */
  putCandidate(c: StoredCandidate, expectedVersion: number): Promise<void>;
  /** One index query: the township's candidacies, active and withdrawn. */
  townshipCandidates(townshipId: string): Promise<StoredCandidate[]>;
}
