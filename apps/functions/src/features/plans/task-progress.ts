import type { Star, TaskStatus } from '@chuangxing/shared';

/** One progress report on a key task: appended, never edited (evidence photos already uploaded). */
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

/** The latest reported state of one key task (the rollup written with each update). */
export interface TaskLatest {
  branchId: string;
  taskId: string;
  star: Star;
  status: TaskStatus;
  percent: number;
  at: string;
  /** When the task last became done (kept while it stays done): the 双过半 check reads it. */
  doneAt?: string;
}

/** A task reported done is at 100 %, whatever percentage came with it. */
export function reportedPercent(status: TaskStatus, percent: number): number {
  return status === 'done' ? 100 : percent;
}

/**
 * When the task became done, after an update at `at`: unset unless it is done; kept from the previous state
 * while it stays done (so a later "done" does not move it), else `at`.
 */
export function doneAtAfter(
  previous: Pick<TaskLatest, 'status' | 'doneAt'> | undefined,
  status: TaskStatus,
  at: string,
): string | undefined {
  if (status !== 'done') return undefined;
  return previous?.status === 'done' && previous.doneAt ? previous.doneAt : at;
}
