import { defineEntity, pad } from '../../platform/dynamodb/entity';
import type { StoredStarApplication, StoredStarEvent } from './star-application';
import type { StarRules } from './star-application-repository';
import type { StoredStarObjection } from './star-objection';

/**
 * 创星申报 in the single table. Access patterns (pk / sk, or index):
 * - an application and its audit trail:     STARAPP#{id} / APP | EV#{version}
 * - a branch's claim on a star (one each):  STARBRANCH#{branchId} / CLAIM#{star}  → the application id and client key
 * - the district's applications by status:  gsi1: STARAPPS#{districtId} / {status}#{townshipId}#{branchId}#{id}
 * - the district's 评星定级 settings:        STARRULES#{districtId} / RULES
 * - a 公示 objection (beside its application): STARAPP#{applicationId} / OBJ#{id}
 * - an objector's objections (keyed hash):   STAROBJECTOR#{objectorKey} / KEY#{clientKey} → the objection
 */
const applicationPk = (id: string) => `STARAPP#${id}`;
const branchPk = (branchId: string) => `STARBRANCH#${branchId}`;
const districtIndexPk = (districtId: string) => `STARAPPS#${districtId}`;

const objectorPk = (objectorKey: string) => `STAROBJECTOR#${objectorKey}`;

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
    fields: ['publicityWorkingDays', 'version'],
  }),
};
