import type { StoredPlan } from '../domain/plan';

export interface StoredTaskUpdate {
  id: string;
  taskId: string;
  status: 'not_started' | 'in_progress' | 'done' | 'blocked';
  percent: number;
  note: string;
  evidence: string[];
  at: string;
  by: string;
  byName: string;
}

export interface PlanRepository {
  get(branchId: string, year: number): Promise<StoredPlan | undefined>;
  /** Conditional on the version the editor saw (0: no plan yet) → CONFLICT otherwise. */
  put(plan: StoredPlan, expectedVersion: number): Promise<void>;
  /** Updates are appended, never edited. */
  addTaskUpdate(branchId: string, year: number, update: StoredTaskUpdate): Promise<void>;
  /** Newest first. */
  taskUpdates(branchId: string, year: number, taskId: string): Promise<StoredTaskUpdate[]>;
}
