import type { StoredPlan } from '../domain/plan';

export interface PlanRepository {
  get(branchId: string, year: number): Promise<StoredPlan | undefined>;
  /** Conditional on the version the editor saw (0: no plan yet) → CONFLICT otherwise. */
  put(plan: StoredPlan, expectedVersion: number): Promise<void>;
}
