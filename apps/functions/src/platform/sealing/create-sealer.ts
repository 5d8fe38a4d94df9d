import type { AppConfig } from '../config/config';
import { KmsSealer } from './kms-sealer';
import { LocalSealer } from './local-sealer';
import type { Sealer } from './sealer';

/** KMS in AWS; locally a key derived from the API secret. A deployed API never falls back to the local one. */
export function createSealer(config: AppConfig, secret: string): Sealer {
  if (config.sealingKeyId) return new KmsSealer(config.sealingKeyId, secret);
  if (config.stage === 'prod') throw new Error('CX_SEALING_KEY_ID is required in prod');
  return new LocalSealer(secret);
}
