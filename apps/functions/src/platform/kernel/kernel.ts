import type { Metrics } from '../observability/metrics';
import type { Clock } from './clock';
import type { IdGenerator } from './id-generator';

/**
 * What every feature's use cases may rely on, besides their own ports: the district, time, ids, hashing and
 * the business-metric counts (a port; Powertools in Lambda).
 */
export interface Kernel {
  districtId: string;
  clock: Clock;
  ids: IdGenerator;
  randomBytes: (n: number) => Uint8Array;
  sha256: (text: string) => string;
  metrics: Metrics;
}
