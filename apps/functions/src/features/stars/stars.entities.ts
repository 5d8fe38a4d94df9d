import { defineEntity, pad } from '../../platform/dynamodb/entity';
import type {
  StoredAnnualDecision,
  StoredBaseline,
  StoredEndedStar,
  StoredHeldStar,
  StoredHeldStarEvent,
  StoredStarWithdrawal,
  StoredWithdrawalEvent,
} from './held-star';
import type { StoredStarApplication, StoredStarEvent } from './star-application';
import type { StarRules, StoredStarTaskforces } from './star-application-repository';
import type { StoredStarObjection } from './star-objection';

/**
 * 创星申报 in the single table. Access patterns (pk / sk, or index):
 * - an application and its audit trail:     STARAPP#{id} / APP | EV#{version}
 * - a branch's claim on a star (one each):  STARBRANCH#{branchId} / CLAIM#{star}  → the application id and client key
 * - the district's applications by status:  gsi1: STARAPPS#{districtId} / {status}#{townshipId}#{branchId}#{id}
 * - the district's 评星定级 settings:        STARRULES#{districtId} / RULES
 * - which department is each star's 专班:   STARRULES#{districtId} / TASKFORCES
 * - a 公示 objection (beside its application): STARAPP#{applicationId} / OBJ#{id}
 * - an objector's objections (keyed hash):   STAROBJECTOR#{objectorKey} / KEY#{clientKey} → the objection
 * - a branch's stars, in one query:          STARHELD#{branchId} / HELD#{star} (held now) | ENDED#{star}#{day}#{wdId}
 *                                            | BASELINE | EV#{at}#{id} (the audit trail)
 * - the district's held stars:               gsi1: STARHELDS#{districtId} / {townshipId}#{branchId}#{star}
 * - a withdrawal and its audit trail:        STARWD#{id} / WD | EV#{version}
 * - the district's withdrawals by status:    gsi1: STARWDS#{districtId} / {status}#{openedAt}#{id}
 * - the annual 评星定级 (once a year):       STARHELD#{branchId} / ANNUAL#{year}; gsi1: STARANNUAL#{districtId}#{year} / {townshipId}#{branchId}
 * - one withdrawal per source:               STARWDSRC#{kind}#{sourceId} / SRC → the withdrawal id
 */
const applicationPk = (id: string) => `STARAPP#${id}`;
const branchPk = (branchId: string) => `STARBRANCH#${branchId}`;
const districtIndexPk = (districtId: string) => `STARAPPS#${districtId}`;

const objectorPk = (objectorKey: string) => `STAROBJECTOR#${objectorKey}`;
const heldPk = (branchId: string) => `STARHELD#${branchId}`;
const withdrawalPk = (id: string) => `STARWD#${id}`;
const HELD_FIELDS = [
  'branchId',
  'districtId',
  'townshipId',
  'branchName',
  'star',
  'heldFrom',
  'basis',
  'applicationId',
  'version',
  'recordedAt',
  'recordedBy',
] as const;

export interface StoredWithdrawalSource {
  sourceKey: string;
  withdrawalId: string;
}

export interface StoredObjectorMarker {
  objectorKey: string;
  clientKey: string;
  applicationId: string;
  objectionId: string;
}

export interface StoredStarClaim {
  branchId: string;
  star: string;
  applicationId: string;
  clientKey: string;
}

export const starEntities = {
  branchClaims: { pk: branchPk, prefix: 'CLAIM#' },
  districtIndex: districtIndexPk,
  objectionPrefix: 'OBJ#',
  objectorPk,
  heldPk,
  heldIndex: (districtId: string) => `STARHELDS#${districtId}`,
  withdrawalIndex: (districtId: string) => `STARWDS#${districtId}`,
  annualIndex: (districtId: string, year: number) => `STARANNUAL#${districtId}#${year}`,

  application: defineEntity<StoredStarApplication, { id: string }>({
    name: 'star-application',
    key: ({ id }) => ({ pk: applicationPk(id), sk: 'APP' }),
    index: (a) => ({ gsi1pk: districtIndexPk(a.districtId), gsi1sk: `${a.status}#${a.townshipId}#${a.branchId}#${a.id}` }),
    fields: [
      'id',
      'districtId',
      'townshipId',
      'branchId',
      'branchName',
      'star',
      'catalogueVersion',
      'items',
      'status',
      'version',
      'clientKey',
      'submittedAt',
      'submittedBy',
      'updatedAt',
      'publicityFrom',
      'publicityUntil',
      'awardedAt',
      'openObjections',
    ],
  }),

  event: defineEntity<StoredStarEvent, { applicationId: string; version: number }>({
    name: 'star-application-event',
    key: ({ applicationId, version }) => ({ pk: applicationPk(applicationId), sk: `EV#${pad(version)}` }),
    fields: ['at', 'version', 'kind', 'actorId', 'actorName', 'note', 'reasons'],
  }),

  claim: defineEntity<StoredStarClaim, { branchId: string; star: string }>({
    name: 'star-claim',
    key: ({ branchId, star }) => ({ pk: branchPk(branchId), sk: `CLAIM#${star}` }),
    fields: ['branchId', 'star', 'applicationId', 'clientKey'],
  }),

  objection: defineEntity<StoredStarObjection, { applicationId: string; id: string }>({
    name: 'star-objection',
    key: ({ applicationId, id }) => ({ pk: applicationPk(applicationId), sk: `OBJ#${id}` }),
    fields: [
      'id',
      'applicationId',
      'districtId',
      'branchId',
      'branchName',
      'star',
      'text',
      'anonymous',
      'objectorName',
      'objectorKey',
      'clientKey',
      'status',
      'version',
      'createdAt',
      'resolution',
    ],
  }),

  objectorMarker: defineEntity<StoredObjectorMarker, { objectorKey: string; clientKey: string }>({
    name: 'star-objector-marker',
    key: ({ objectorKey, clientKey }) => ({ pk: objectorPk(objectorKey), sk: `KEY#${clientKey}` }),
    fields: ['objectorKey', 'clientKey', 'applicationId', 'objectionId'],
  }),

  rules: defineEntity<StarRules, { districtId: string }>({
    name: 'star-rules',
    key: ({ districtId }) => ({ pk: `STARRULES#${districtId}`, sk: 'RULES' }),
    fields: ['publicityWorkingDays', 'annualReviewDate', 'version'],
  }),

  taskforces: defineEntity<StoredStarTaskforces, { districtId: string }>({
    name: 'star-taskforces',
    key: ({ districtId }) => ({ pk: `STARRULES#${districtId}`, sk: 'TASKFORCES' }),
    fields: ['departments', 'version', 'updatedAt', 'updatedBy'],
  }),

  heldStar: defineEntity<StoredHeldStar, { branchId: string; star: string }>({
    name: 'held-star',
    key: ({ branchId, star }) => ({ pk: heldPk(branchId), sk: `HELD#${star}` }),
    index: (h) => ({ gsi1pk: `STARHELDS#${h.districtId}`, gsi1sk: `${h.townshipId}#${h.branchId}#${h.star}` }),
    fields: [...HELD_FIELDS],
  }),

  endedStar: defineEntity<StoredEndedStar, { branchId: string; star: string; withdrawnOn: string; withdrawalId: string }>({
    name: 'ended-star',
    key: ({ branchId, star, withdrawnOn, withdrawalId }) => ({ pk: heldPk(branchId), sk: `ENDED#${star}#${withdrawnOn}#${withdrawalId}` }),
    // Beside the held ones in the district's index, so a township's stars as of any day are one query (the ranking).
    index: (h) => ({
      gsi1pk: `STARHELDS#${h.districtId}`,
      gsi1sk: `${h.townshipId}#${h.branchId}#${h.star}#ENDED#${h.withdrawnOn}#${h.withdrawalId}`,
    }),
    fields: [...HELD_FIELDS, 'withdrawnOn', 'withdrawalId'],
  }),

  baseline: defineEntity<StoredBaseline, { branchId: string }>({
    name: 'star-baseline',
    key: ({ branchId }) => ({ pk: heldPk(branchId), sk: 'BASELINE' }),
    fields: ['branchId', 'stars', 'recordedOn', 'recordedAt', 'recordedBy', 'recordedByName'],
  }),

  heldEvent: defineEntity<StoredHeldStarEvent, { branchId: string; at: string; id: string }>({
    name: 'held-star-event',
    key: ({ branchId, at, id }) => ({ pk: heldPk(branchId), sk: `EV#${at}#${id}` }),
    fields: ['at', 'id', 'kind', 'stars', 'actorId', 'actorName', 'sourceId', 'note'],
  }),

  withdrawal: defineEntity<StoredStarWithdrawal, { id: string }>({
    name: 'star-withdrawal',
    key: ({ id }) => ({ pk: withdrawalPk(id), sk: 'WD' }),
    index: (w) => ({ gsi1pk: `STARWDS#${w.districtId}`, gsi1sk: `${w.status}#${w.openedAt}#${w.id}` }),
    fields: [
      'id',
      'districtId',
      'townshipId',
      'branchId',
      'branchName',
      'star',
      'source',
      'status',
      'version',
      'openedAt',
      'openedBy',
      'openedByName',
      'decision',
      'publicityFrom',
      'publicityUntil',
    ],
  }),

  withdrawalEvent: defineEntity<StoredWithdrawalEvent, { withdrawalId: string; version: number }>({
    name: 'star-withdrawal-event',
    key: ({ withdrawalId, version }) => ({ pk: withdrawalPk(withdrawalId), sk: `EV#${pad(version)}` }),
    fields: ['at', 'version', 'kind', 'actorId', 'actorName', 'note'],
  }),

  withdrawalSource: defineEntity<StoredWithdrawalSource, { sourceKey: string }>({
    name: 'star-withdrawal-source',
    key: ({ sourceKey }) => ({ pk: `STARWDSRC#${sourceKey}`, sk: 'SRC' }),
    fields: ['sourceKey', 'withdrawalId'],
  }),

  annualDecision: defineEntity<StoredAnnualDecision, { branchId: string; year: number }>({
    name: 'annual-star-decision',
    key: ({ branchId, year }) => ({ pk: heldPk(branchId), sk: `ANNUAL#${year}` }),
    index: (a) => ({ gsi1pk: `STARANNUAL#${a.districtId}#${a.year}`, gsi1sk: `${a.townshipId}#${a.branchId}` }),
    fields: ['branchId', 'districtId', 'townshipId', 'branchName', 'year', 'kept', 'lowered', 'reason', 'at', 'deciderId', 'deciderName'],
  }),
};
