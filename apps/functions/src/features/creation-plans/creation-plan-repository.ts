import type { StoredDistrictPlan, StoredPlanRevision, StoredTownshipPlan } from './creation-plan';

export interface CreationPlanRepository {
  /** One query: the district's plan of the year and every township plan of it. */
  plansOfYear(year: number): Promise<{ district?: StoredDistrictPlan; townships: StoredTownshipPlan[] }>;
  getTownshipPlan(year: number, townshipId: string): Promise<StoredTownshipPlan | undefined>;
  /** One transaction: the plan, conditional on the version edited (0: none yet), and its revision → CONFLICT otherwise. */
  saveDistrictPlan(plan: StoredDistrictPlan, expectedVersion: number): Promise<void>;
  saveTownshipPlan(plan: StoredTownshipPlan, expectedVersion: number): Promise<void>;
  /** A plan's saved versions, newest first (`scope`: `district` or the township id). */
  revisions(year: number, scope: string): Promise<StoredPlanRevision[]>;
}
