import { defineEntity } from '../../platform/dynamodb/entity';
import type { StoredAppraisal, StoredAppraisalReport, StoredAppraisalSheet } from './appraisals';

/**
 * 述职评议 in the single table: a session and everything of it share one partition. Access patterns:
 * - the session:                  APPR#{t}#{yyyy-Qn} / SESSION
 * - its 述职 per branch:           APPR#{t}#{yyyy-Qn} / REPORT#{branchId}
 * - its sheets per branch, scorer: APPR#{t}#{yyyy-Qn} / SHEET#{branchId}#{scorerId}
 * - the township's sessions:      gsi1: TWN#{t}#APPRAISALS / {yyyy-Qn}
 */
const partition = (townshipId: string, quarter: string) => `APPR#${townshipId}#${quarter}`;
const townshipPk = (townshipId: string) => `TWN#${townshipId}#APPRAISALS`;

export const appraisalEntities = {
  partition,
  townshipPk,
  session: defineEntity<StoredAppraisal, { townshipId: string; quarter: string }>({
    name: 'appraisal',
    key: ({ townshipId, quarter }) => ({ pk: partition(townshipId, quarter), sk: 'SESSION' }),
    index: (s) => ({ gsi1pk: townshipPk(s.townshipId), gsi1sk: s.quarter }),
    fields: [
      'townshipId',
      'quarter',
      'date',
      'state',
      'version',
      'items',
      'weights',
      'seats',
      'branches',
      'sheetRev',
      'results',
      'closedAt',
      'updatedAt',
      'updatedBy',
    ],
  }),
  report: defineEntity<StoredAppraisalReport, { townshipId: string; quarter: string; branchId: string }>({
    name: 'appraisal-report',
    key: ({ townshipId, quarter, branchId }) => ({ pk: partition(townshipId, quarter), sk: `REPORT#${branchId}` }),
    fields: ['townshipId', 'quarter', 'branchId', 'text', 'version', 'at', 'by'],
  }),
  sheet: defineEntity<StoredAppraisalSheet, { townshipId: string; quarter: string; branchId: string; scorerId: string }>({
    name: 'appraisal-sheet',
    key: ({ townshipId, quarter, branchId, scorerId }) => ({ pk: partition(townshipId, quarter), sk: `SHEET#${branchId}#${scorerId}` }),
    fields: ['townshipId', 'quarter', 'branchId', 'scorerId', 'group', 'scores', 'version', 'at'],
  }),
};
