import type { Wiring } from '../wiring';
import { LocalSealer } from './local-sealer';
import type { Sealer } from './sealer';

/**
 * Only the keyed hash of the sealer (the same HMAC key the KMS sealer derives), for features that look people up
 * by it but never seal: it keeps the KMS client out of their bundles.
 */
export const keyedHasher = (w: Pick<Wiring, 'secrets' | 'once'>): Pick<Sealer, 'keyedHash'> =>
  w.once('keyed-hasher', () => new LocalSealer(w.secrets.tokenSigningKey));
