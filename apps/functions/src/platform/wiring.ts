import { createHash, randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from './config/config';
import { fixedSecrets, type SecretSource, type Secrets } from './config/secrets';
import type { DynamoLimits } from './dynamodb/bounded-retry';
import { createDocumentClient } from './dynamodb/document-client';
import { type Clock, systemClock } from './kernel/clock';
import type { Kernel } from './kernel/kernel';
import { ulidIds } from './kernel/ulid-id-generator';
import { type Metrics, noMetrics } from './observability/metrics';
import type { ObjectStorage } from './storage/object-storage';

/** Only in the local stack (and the tests): where photos go when there is no S3 bucket. */
export interface LocalWiring {
  objectStorage?: ObjectStorage;
  /** The fault tests hold DynamoDB Local to the limits used in AWS. */
  dynamoLimits?: DynamoLimits;
  /** The OpenAPI document built from the live contract, with the local-only routes when dev login is on. */
  openApiDocument?: () => Record<string, unknown>;
}

/**
 * What every feature's wiring builds its adapters from, once per cold start (or per test stack). `once`
 * builds a shared adapter a single time, so two features of one process share it (the notifier, storage).
 */
export interface Wiring {
  config: AppConfig;
  /** As first read: the token signing key stays fixed for the container's life. */
  secrets: Secrets;
  clock: Clock;
  local?: LocalWiring;
  doc: DynamoDBDocumentClient;
  table: string;
  kernel: Kernel;
  /** The WeChat AppSecret, re-read from the secret once older than its max age. */
  appSecret: () => Promise<string>;
  once<T>(key: string, build: () => T): T;
}

/** `secrets`: a source kept fresh (openSecrets) in the functions, or fixed values in tests and scripts. */
export function createWiring(
  config: AppConfig,
  secrets: Secrets | SecretSource,
  clock: Clock = systemClock,
  local?: LocalWiring,
  metrics: Metrics = noMetrics,
): Wiring {
  const built = new Map<string, unknown>();
  const source = 'get' in secrets ? secrets : fixedSecrets(secrets);
  return {
    config,
    secrets: source.initial,
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
      metrics,
    },
    appSecret: async () => (await source.get()).wechatAppSecret,
    once<T>(key: string, build: () => T): T {
      if (!built.has(key)) built.set(key, build());
      return built.get(key) as T;
    },
  };
}
