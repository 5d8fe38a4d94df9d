import { createHash, randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoUserRepository } from '../features/identity/user-repository.dynamodb';
import { DynamoOrgRepository } from '../features/org/org-repository.dynamodb';
import type { AppConfig } from '../platform/config/config';
import { createDocumentClient } from '../platform/dynamodb/document-client';
import { type Clock, systemClock } from '../platform/kernel/clock';
import type { Deps } from '../platform/kernel/deps';
import { ulidIds } from '../platform/kernel/ulid-id-generator';
import { JoseTokenService } from '../platform/tokens/jose-token-service';

export interface Secrets {
  tokenSigningKey: string;
  wechatAppSecret: string;
}

/** Wires the DynamoDB and HTTP adapters into the ports. Called once per cold start (or per test stack). */
export interface LocalWiring {
  /** The local stack's own URL, known once it listens; photos are uploaded to and served from it. */
  baseUrl: () => string;
}

/**
 * What every context composer starts from. `shared` builds a port once per wiring, so a port two contexts
 * use (the cached rules, the photo storage, the notifier, …) is one instance when all contexts run in one
 * process (the local stack, the tests), exactly as before the split.
 */
export interface Wiring {
  config: AppConfig;
  secrets: Secrets;
  clock: Clock;
  local?: LocalWiring;
  doc: DynamoDBDocumentClient;
  appSecret: () => Promise<string>;
  shared<K extends keyof Deps>(port: K, build: () => Deps[K]): Deps[K];
}

export function createWiring(config: AppConfig, secrets: Secrets, clock: Clock = systemClock, local?: LocalWiring): Wiring {
  const built = new Map<keyof Deps, unknown>();
  return {
    config,
    secrets,
    clock,
    local,
    doc: createDocumentClient({ endpoint: config.dynamoEndpoint }),
    appSecret: async () => secrets.wechatAppSecret,
    shared(port, build) {
      if (!built.has(port)) built.set(port, build());
      return built.get(port) as Deps[typeof port];
    },
  };
}

export type BasePorts = Pick<Deps, 'districtId' | 'devLogin' | 'clock' | 'ids' | 'randomBytes' | 'sha256' | 'org' | 'users' | 'tokens'>;

/** What every request needs, whatever its context: loading the principal (users, tokens) and the org. */
export function basePorts(w: Wiring): BasePorts {
  const { config, clock } = w;
  return {
    districtId: config.districtId,
    devLogin: config.devLogin,
    clock,
    ids: ulidIds,
    randomBytes: (n) => randomBytes(n),
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
    org: w.shared('org', () => new DynamoOrgRepository(w.doc, config.tableName)),
    users: w.shared('users', () => new DynamoUserRepository(w.doc, config.tableName)),
    tokens: w.shared('tokens', () => new JoseTokenService(w.secrets.tokenSigningKey, config.tokenTtlSeconds, clock)),
  };
}

/**
 * A context function's Deps: its own ports, and for every other port a loud failure instead of a silent
 * `undefined` (a use case reaching into another context's port is a wiring bug, caught by the tests of
 * test/unit/api-contexts.test.ts).
 */
export function contextDeps(context: string, ports: Partial<Deps>): Deps {
  return new Proxy(ports as Deps, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
      throw new Error(`port "${key}" is not wired in the ${context} API function`);
    },
  });
}
