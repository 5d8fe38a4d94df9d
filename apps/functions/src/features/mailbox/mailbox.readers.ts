export type { LetterCounters } from './letter';
export { ratesOf } from './letter';
