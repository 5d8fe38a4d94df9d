import { monotonicFactory } from 'ulid';
import type { IdGenerator } from './id-generator';

const next = monotonicFactory();
export const ulidIds: IdGenerator = { next: () => next() };
