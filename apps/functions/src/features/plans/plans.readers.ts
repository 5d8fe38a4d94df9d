import type { PlanRepository } from './plan-repository';

export type { TaskLatest } from './task-progress';

/** Each key task's latest state in a township and year (one query), as the ranking reads it. */
export type TaskStateReader = Pick<PlanRepository, 'latestForTownship'>;
