import { quarterOf } from '@chuangxing/shared';
import { defineEntity, type Item } from '../../platform/dynamodb/entity';
import type { StoredBranchResult, StoredObservation, StoredScore } from './observation';

/**
 * 每月一观摩 entities:
 * - the observation:                         OBS#{id} / OBS
 *   the district's observations of a month:  gsi1: DIST#{d}#OBS#{yyyy-mm} / {createdAt}#{id}
 * - the scores' revision:                    OBS#{id} / REV  (`rev`, bumped by every score write; close checks it)
 * - one observer's sheet for one branch:     OBS#{id} / SCORE#{branchId}#{userId}  (overwritten while open)
 *   the revision and every sheet, one query: OBS#{id} / between REV and SCORE#~
 * - a frozen branch result, written once at close (the quarterly ranking reads a township's quarter):
 *                                            TWN#{t}#OBSRES#{yyyy-Qn} / {branchId}#{observationId}
 *   one branch's results of a quarter:       TWN#{t}#OBSRES#{yyyy-Qn} / begins_with {branchId}#
 */
const observationPk = (id: string) => `OBS#${id}`;
const monthPk = (districtId: string, month: string) => `DIST#${districtId}#OBS#${month}`;
const resultsPk = (townshipId: string, quarter: string) => `TWN#${townshipId}#OBSRES#${quarter}`;
const REVISION_SK = 'REV';
const SCORE_SK_PREFIX = 'SCORE#';

const OBSERVATION_FIELDS = [
  'id',
  'districtId',
  'month',
  'title',
  'townshipId',
  'organiserLabel',
  'branches',
  'observers',
  'status',
  'createdAt',
  'createdBy',
  'createdByName',
  'closedAt',
  'closedBy',
  'results',
  'version',
] as const;
const SCORE_FIELDS = ['observationId', 'branchId', 'observerId', 'observerName', 'scores', 'comment', 'updatedAt'] as const;
const RESULT_FIELDS = [
  'observationId',
  'title',
  'month',
  'branchId',
  'branchName',
  'townshipId',
  'perStar',
  'overall',
  'observerCount',
  'comments',
  'closedAt',
] as const;

export const observationsEntities = {
  observation: defineEntity<StoredObservation, { id: string }>({
    name: 'observation',
    key: ({ id }) => ({ pk: observationPk(id), sk: 'OBS' }),
    index: (o) => ({ gsi1pk: monthPk(o.districtId, o.month), gsi1sk: `${o.createdAt}#${o.id}` }),
    fields: OBSERVATION_FIELDS,
  }),
  /** gsi1: the district's observations of a month. */
  month: monthPk,

  /** Only ever written by `ADD rev :one` (so it carries no `entity` attribute); absent until the first score. */
  scoresRevision: defineEntity<{ rev: number }, { observationId: string }>({
    name: 'observation-revision',
    key: ({ observationId }) => ({ pk: observationPk(observationId), sk: REVISION_SK }),
    fields: ['rev'],
  }),
  score: defineEntity<StoredScore, { observationId: string; branchId: string; observerId: string }>({
    name: 'observation-score',
    key: ({ observationId, branchId, observerId }) => ({
      pk: observationPk(observationId),
      sk: `${SCORE_SK_PREFIX}${branchId}#${observerId}`,
    }),
    fields: SCORE_FIELDS,
  }),
  /** One query for the revision and every sheet: the sort keys from REV to SCORE#~. */
  sheets: (observationId: string) => ({ pk: observationPk(observationId), from: REVISION_SK, to: `${SCORE_SK_PREFIX}~` }),
  isRevision: (item: Item) => item.sk === REVISION_SK,
  isScore: (item: Item) => String(item.sk).startsWith(SCORE_SK_PREFIX),

  result: defineEntity<StoredBranchResult, { townshipId: string; quarter: string; branchId: string; observationId: string }>({
    name: 'observation-result',
    key: ({ townshipId, quarter, branchId, observationId }) => ({ pk: resultsPk(townshipId, quarter), sk: `${branchId}#${observationId}` }),
    fields: RESULT_FIELDS,
  }),
  /** A township's frozen results of a quarter (`2026-Q4`). */
  results: resultsPk,
  /** begins_with: one branch's results within a township's quarter. */
  branchResults: (branchId: string) => `${branchId}#`,
};

/** A frozen branch result as stored at close, filed under its township and the quarter of its month. */
export function observationResultItem(r: StoredBranchResult): Item {
  const key = { townshipId: r.townshipId, quarter: quarterOf(`${r.month}-01`), branchId: r.branchId, observationId: r.observationId };
  return observationsEntities.result.item(key, r);
}
