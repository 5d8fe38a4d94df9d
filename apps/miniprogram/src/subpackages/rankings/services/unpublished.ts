import { expectStatus } from '../../../services/api-failure';

/**
 * A quarter-level read (ranking, star map, honours): 404 means nothing is published for the quarter yet
 * (or, for a district admin's named version, that it does not exist): `null`, shown as an empty state.
 */
export function orUnpublished<R extends { status: number; body: unknown }>(res: R): Extract<R, { status: 200 }>['body'] | null {
  if (res.status === 404) return null;
  return expectStatus(res, 200 as R['status']) as Extract<R, { status: 200 }>['body'];
}

export const UNPUBLISHED_TEXT = '本季度排名尚未发布';
