import { defineEntity, type Item, pick } from '../../platform/dynamodb/entity';
import type { StoredPlan } from './branch-plan';
import type { StoredTaskUpdate, TaskLatest } from './task-progress';

/**
 * 创星计划 entities, all under the branch's partition (`BR#{b}`, shared with the branch and its reports):
 * - a branch's plan for a year:                 BR#{b} / PLAN#{year}
 *   a township's plans for a year, one query:   gsi1: TWN#{t}#PLANS#{year} / {status}#{b}
 * - a key task's updates, appended:             BR#{b} / PLAN#{year}#TASK#{taskId}#U#{at}#{id}  (newest first: sk descending)
 * - a key task's latest state (board rollup):   BR#{b} / PLAN#{year}#LATEST#{taskId}
 *   a branch's latest states:                   BR#{b} / begins_with PLAN#{year}#LATEST#
 *   a township's latest states (board, ranking): gsi1: TWN#{t}#PROG#{year} / {b}#{taskId}
 * The board reads a township with these two gsi1 queries, never the updates.
 */
const branchPk = (branchId: string) => `BR#${branchId}`;
const taskUpdatePrefix = (year: number, taskId: string) => `PLAN#${year}#TASK#${taskId}#U#`;
const taskLatestPrefix = (year: number) => `PLAN#${year}#LATEST#`;
const townshipPlansPk = (townshipId: string, year: number) => `TWN#${townshipId}#PLANS#${year}`;
const townshipProgressPk = (townshipId: string, year: number) => `TWN#${townshipId}#PROG#${year}`;

const PLAN_FIELDS = [
  'branchId',
  'branchName',
  'townshipId',
  'districtId',
  'year',
  'catalogueVersion',
  'content',
  'status',
  'reviewNote',
  'version',
  'updatedAt',
  'updatedBy',
] as const;
const TASK_UPDATE_FIELDS = ['id', 'taskId', 'status', 'percent', 'note', 'evidence', 'at', 'by', 'byName'] as const;
const TASK_LATEST_FIELDS = ['branchId', 'taskId', 'star', 'status', 'percent', 'at', 'doneAt'] as const;

/** A latest state with what its index keys need: its township and year are in the keys only, not stored as fields. */
export type IndexedTaskLatest = TaskLatest & { townshipId: string; year: number };

const taskLatest = defineEntity<IndexedTaskLatest, { branchId: string; year: number; taskId: string }>({
  name: 'task-latest',
  key: ({ branchId, year, taskId }) => ({ pk: branchPk(branchId), sk: `${taskLatestPrefix(year)}${taskId}` }),
  index: (l) => ({ gsi1pk: townshipProgressPk(l.townshipId, l.year), gsi1sk: `${l.branchId}#${l.taskId}` }),
  fields: TASK_LATEST_FIELDS,
});

export const plansEntities = {
  plan: defineEntity<StoredPlan, { branchId: string; year: number }>({
    name: 'plan',
    key: ({ branchId, year }) => ({ pk: branchPk(branchId), sk: `PLAN#${year}` }),
    index: (p) => ({ gsi1pk: townshipPlansPk(p.townshipId, p.year), gsi1sk: `${p.status}#${p.branchId}` }),
    fields: PLAN_FIELDS,
  }),
  /** gsi1: every plan of a township for a year, whatever its status. */
  townshipPlans: townshipPlansPk,

  taskUpdate: defineEntity<StoredTaskUpdate, { branchId: string; year: number; taskId: string; at: string; id: string }>({
    name: 'task-update',
    key: ({ branchId, year, taskId, at, id }) => ({ pk: branchPk(branchId), sk: `${taskUpdatePrefix(year, taskId)}${at}#${id}` }),
    fields: TASK_UPDATE_FIELDS,
  }),
  /** begins_with: one task's updates. */
  taskUpdates: (branchId: string, year: number, taskId: string) => ({ pk: branchPk(branchId), skPrefix: taskUpdatePrefix(year, taskId) }),

  taskLatest: { ...taskLatest, parse: (item: Item): TaskLatest => pick<TaskLatest>(item, TASK_LATEST_FIELDS) },
  /** begins_with: a branch's latest states of a year. */
  branchTaskLatest: (branchId: string, year: number) => ({ pk: branchPk(branchId), skPrefix: taskLatestPrefix(year) }),
  /** gsi1: every latest state of a township for a year. */
  townshipTaskLatest: townshipProgressPk,
};
