import { createHash, randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from './config/config';
import type { Secrets } from './config/secrets';
import type { DynamoLimits } from './dynamodb/bounded-retry';
import { createDocumentClient } from './dynamodb/document-client';
import { type Clock, systemClock } from './kernel/clock';
import type { Kernel } from './kernel/kernel';
import { ulidIds } from './kernel/ulid-id-generator';
import type { ObjectStorage } from './storage/object-storage';

/** Only in the local stack (and the tests): where photos go when there is no S3 bucket. */
export interface LocalWiring {
  objectStorage?: ObjectStorage;
  /** The fault tests hold DynamoDB Local to the limits used in AWS. */
  dynamoLimits?: DynamoLimits;
}

/**
 * What every feature's wiring builds its adapters from, once per cold start (or per test stack). `once`
 * builds a shared adapter a single time, so two features of one process share it (the notifier, storage).
 */
export interface Wiring {
  config: AppConfig;
  secrets: Secrets;
  clock: Clock;
  local?: LocalWiring;
  doc: DynamoDBDocumentClient;
  table: string;
  kernel: Kernel;
  appSecret: () => Promise<string>;
  once<T>(key: string, build: () => T): T;
}

export function createWiring(config: AppConfig, secrets: Secrets, clock: Clock = systemClock, local?: LocalWiring): Wiring {
  const built = new Map<string, unknown>();
  return {
    config,
    secrets,
    clock,
    local,
    doc: createDocumentClient({ endpoint: config.dynamoEndpoint }, local?.dynamoLimits),
    table: config.tableName,
    kernel: {
      districtId: config.districtId,
      clock,
      ids: ulidIds,
      randomBytes: (n) => randomBytes(n),
      sha256: (text) => createHash('sha256').update(text).digest('hex'),
    },
    appSecret: async () => secrets.wechatAppSecret,
    once<T>(key: string, build: () => T): T {
      if (!built.has(key)) built.set(key, build());
      return built.get(key) as T;
    },
  };
}
