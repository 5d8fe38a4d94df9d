import type { NoticeWrites } from '../../platform/notify/notices';
import type { StoredPlan } from './branch-plan';
import type { StoredTaskUpdate, TaskLatest } from './task-progress';

export interface PlanRepository {
  get(branchId: string, year: number): Promise<StoredPlan | undefined>;
  /** Conditional on the version the editor saw (0: no plan yet) → CONFLICT otherwise; the review's notices go with it. */
  put(plan: StoredPlan, expectedVersion: number, notices?: NoticeWrites): Promise<void>;
  /** Updates are appended, never edited; the task's latest state (the board's rollup) is written in the same transaction. */
  addTaskUpdate(branchId: string, year: number, update: StoredTaskUpdate, latest: TaskLatest & { townshipId: string }): Promise<void>;
  latestTask(branchId: string, year: number, taskId: string): Promise<TaskLatest | undefined>;
  /** Every task's latest state in a township for a year: one query, for the board and the ranking. */
  latestForTownship(townshipId: string, year: number): Promise<TaskLatest[]>;
  /** The branch's own tasks' latest states. */
  latestForBranch(branchId: string, year: number): Promise<TaskLatest[]>;
  /** The township's approved plans of a year: one query on the status prefix. */
  listApproved(townshipId: string, year: number): Promise<StoredPlan[]>;
  /** Every plan of a township for a year, whatever its status: one query. */
  listForTownship(townshipId: string, year: number): Promise<StoredPlan[]>;
  /** Newest first. */
  taskUpdates(branchId: string, year: number, taskId: string): Promise<StoredTaskUpdate[]>;
}
