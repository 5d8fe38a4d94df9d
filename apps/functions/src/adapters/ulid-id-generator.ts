import { monotonicFactory } from 'ulid';
import type { IdGenerator } from '../ports/id-generator';

const next = monotonicFactory();
export const ulidIds: IdGenerator = { next: () => next() };
