import { defineEntity, pad } from '../../platform/dynamodb/entity';
import type { StoredFinding, StoredFindingEvent, StoredInspection, StoredInspectionDraft } from './inspection';
import type { RecordedSummary } from './inspection-repository';

/**
 * 四不两直 and its 问题清单 in the single table. Access patterns (pk / sk, or index):
 * - an inspector's own drafts and recorded visits: INSPECTOR#{u} / DRAFT#{id} | REC#{recordedAt}#{id}  (only the author's id reaches them)
 * - a recorded 四不两直 visit:                     INSP#{id} / INSP
 * - a 问题清单 item and its history:               FINDING#{id} / FINDING | EV#{at}#{version}
 * - a township's (or one branch's) findings:       gsi1: TWN#{t}#FINDINGS / {branchId}#{findingId}
 * A draft carries no gsi1 key and sits under its author: no branch-facing query can return it.
 */
const inspectorPk = (authorId: string) => `INSPECTOR#${authorId}`;
const findingPk = (findingId: string) => `FINDING#${findingId}`;
const townshipFindingsPk = (townshipId: string) => `TWN#${townshipId}#FINDINGS`;

export const inspectionEntities = {
  /** The author's partition, and the sort-key prefixes of their drafts and their recorded visits. */
  inspector: { pk: inspectorPk, drafts: 'DRAFT#', recorded: 'REC#' },
  /** The 问题清单 index of a township; a branch's items are those whose sort key starts with `{branchId}#`. */
  townshipFindings: townshipFindingsPk,

  draft: defineEntity<StoredInspectionDraft, { authorId: string; id: string }>({
    name: 'inspection-draft',
    key: ({ authorId, id }) => ({ pk: inspectorPk(authorId), sk: `DRAFT#${id}` }),
    fields: ['id', 'authorId', 'content', 'branchName', 'townshipId', 'version', 'createdAt', 'updatedAt'],
  }),

  /** The author's list row of a visit they recorded (newest first by `recordedAt`). */
  recorded: defineEntity<RecordedSummary, { authorId: string; recordedAt: string; id: string }>({
    name: 'inspection-recorded',
    key: ({ authorId, recordedAt, id }) => ({ pk: inspectorPk(authorId), sk: `REC#${recordedAt}#${id}` }),
    fields: ['id', 'branchId', 'branchName', 'visitedAt', 'findings', 'recordedAt'],
  }),

  inspection: defineEntity<StoredInspection, { id: string }>({
    name: 'inspection',
    key: ({ id }) => ({ pk: `INSP#${id}`, sk: 'INSP' }),
    fields: [
      'id',
      'districtId',
      'townshipId',
      'branchId',
      'branchName',
      'visitedAt',
      'location',
      'photos',
      'summary',
      'inspectorId',
      'inspectorName',
      'recordedAt',
      'findingIds',
    ],
  }),

  finding: defineEntity<StoredFinding, { id: string }>({
    name: 'finding',
    key: ({ id }) => ({ pk: findingPk(id), sk: 'FINDING' }),
    index: (f) => ({ gsi1pk: townshipFindingsPk(f.townshipId), gsi1sk: `${f.branchId}#${f.id}` }),
    fields: [
      'id',
      'inspectionId',
      'inspectorId',
      'districtId',
      'townshipId',
      'branchId',
      'branchName',
      'star',
      'description',
      'owner',
      'deadline',
      'vetoItemId',
      'vetoText',
      'status',
      'version',
      'createdAt',
      'updatedAt',
      'closedAt',
      'fix',
    ],
  }),

  /** A step of a finding's history, in its partition; `version` orders steps of the same millisecond. */
  event: defineEntity<StoredFindingEvent, { findingId: string; at: string; version: number }>({
    name: 'finding-event',
    key: ({ findingId, at, version }) => ({ pk: findingPk(findingId), sk: `EV#${at}#${pad(version)}` }),
    fields: ['at', 'version', 'kind', 'actorId', 'actorName', 'text', 'photos'],
  }),
};
