import { defineEntity, pad } from '../../platform/dynamodb/entity';
import type { StoredDistrictPlan, StoredPlanRevision, StoredTownshipPlan } from './creation-plan';

/**
 * 创建规划 in the single table. Access patterns (pk / sk):
 * - the district's and the townships' plans of a year, in one query:  CPLAN#{districtId}#{year} / DISTRICT | TWN#{townshipId}
 * - a plan's saved versions (the audit trail):                        CPLANREV#{districtId}#{year}#{scope} / V#{version}
 */
const yearPk = (districtId: string, year: number) => `CPLAN#${districtId}#${year}`;
const revisionPk = (districtId: string, year: number, scope: string) => `CPLANREV#${districtId}#${year}#${scope}`;
const PLAN_FIELDS = ['districtId', 'year', 'keyDates', 'responsibleUnits', 'version', 'updatedAt', 'updatedBy', 'updatedByName'] as const;

export const creationPlanEntities = {
  yearPk,
  revisionPk,
  districtPlan: defineEntity<StoredDistrictPlan, { districtId: string; year: number }>({
    name: 'district-creation-plan',
    key: ({ districtId, year }) => ({ pk: yearPk(districtId, year), sk: 'DISTRICT' }),
    fields: [...PLAN_FIELDS, 'townships'],
  }),
  townshipPlan: defineEntity<StoredTownshipPlan, { districtId: string; year: number; townshipId: string }>({
    name: 'township-creation-plan',
    key: ({ districtId, year, townshipId }) => ({ pk: yearPk(districtId, year), sk: `TWN#${townshipId}` }),
    fields: [...PLAN_FIELDS, 'townshipId', 'targets', 'branchTargets'],
  }),
  revision: defineEntity<StoredPlanRevision, { districtId: string; year: number; scope: string; version: number }>({
    name: 'creation-plan-revision',
    key: ({ districtId, year, scope, version }) => ({ pk: revisionPk(districtId, year, scope), sk: `V#${pad(version)}` }),
    fields: ['scope', 'version', 'at', 'by', 'byName', 'plan'],
  }),
};
