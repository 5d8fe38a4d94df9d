import type { PlanRepository } from './plan-repository';

export type { TaskLatest } from './task-progress';

/** A township's approved plans of a year (one query): the stars each branch holds and targets. */
export type ApprovedPlansReader = Pick<PlanRepository, 'listApproved'>;

/** Each key task's latest state in a township and year (one query), as the ranking reads it. */
export type TaskStateReader = Pick<PlanRepository, 'latestForTownship'>;
