import { defineEntity, pad } from '../../platform/dynamodb/entity';
import type { StoredAssignment, StoredAssignmentEvent, StoredCandidate, StoredVisit } from './liaison';

/**
 * 包联 in the single table. Access patterns (pk / sk, or index):
 * - a leader's assignment:                  LIAISON#{districtId} / ASSIGN#{leaderId} (all leaders: one query on the prefix)
 * - its audit trail:                        LIAISON#{districtId} / ASSIGNEV#{leaderId}#{version}
 * - a visit (once per leader and client id): LIAISONVISIT#{leaderId}#{clientId} / VISIT
 * - a township's visits, by day:            gsi1: TWN#{t}#LIAISONVISITS / {date}#{recordedAt}#{id}
 * - a branch's 五星 candidacy:               BR#{b} / LIAISONCAND
 * - a township's candidacies:               gsi1: TWN#{t}#LIAISONCANDS / {branchId}
 */
const districtPk = (districtId: string) => `LIAISON#${districtId}`;
const townshipVisitsPk = (townshipId: string) => `TWN#${townshipId}#LIAISONVISITS`;
const townshipCandidatesPk = (townshipId: string) => `TWN#${townshipId}#LIAISONCANDS`;

export const liaisonEntities = {
  districtPk,
  assignmentPrefix: 'ASSIGN#',
  townshipVisitsPk,
  townshipCandidatesPk,
  assignment: defineEntity<StoredAssignment, { districtId: string; leaderId: string }>({
    name: 'liaison-assignment',
    key: ({ districtId, leaderId }) => ({ pk: districtPk(districtId), sk: `ASSIGN#${leaderId}` }),
    fields: ['districtId', 'leaderId', 'leaderName', 'townshipIds', 'version', 'updatedAt', 'updatedBy', 'updatedByName'],
  }),
  assignmentEvent: defineEntity<StoredAssignmentEvent, { districtId: string; leaderId: string; version: number }>({
    name: 'liaison-assignment-event',
    key: ({ districtId, leaderId, version }) => ({ pk: districtPk(districtId), sk: `ASSIGNEV#${leaderId}#${pad(version)}` }),
    fields: ['districtId', 'leaderId', 'version', 'townshipIds', 'at', 'by', 'byName'],
  }),
  visit: defineEntity<StoredVisit, { leaderId: string; clientId: string }>({
    name: 'liaison-visit',
    key: ({ leaderId, clientId }) => ({ pk: `LIAISONVISIT#${leaderId}#${clientId}`, sk: 'VISIT' }),
    index: (v) => ({ gsi1pk: townshipVisitsPk(v.townshipId), gsi1sk: `${v.date}#${v.recordedAt}#${v.id}` }),
    fields: [
      'id',
      'clientId',
      'districtId',
      'townshipId',
      'branchId',
      'branchName',
      'kind',
      'date',
      'notes',
      'leaderId',
      'leaderName',
      'recordedAt',
    ],
  }),
  candidate: defineEntity<StoredCandidate, { branchId: string }>({
    name: 'liaison-candidate',
    key: ({ branchId }) => ({ pk: `BR#${branchId}`, sk: 'LIAISONCAND' }),
    index: (c) => ({ gsi1pk: townshipCandidatesPk(c.townshipId), gsi1sk: c.branchId }),
    fields: [
      'branchId',
      'townshipId',
      'branchName',
      'status',
      'strengths',
      'weaknesses',
      'baseline',
      'version',
      'markedBy',
      'markedByName',
      'updatedAt',
      'updatedBy',
      'updatedByName',
    ],
  }),
};
