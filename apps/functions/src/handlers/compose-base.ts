import { DynamoUserRepository } from '../features/identity/user-repository.dynamodb';
import { DynamoOrgRepository } from '../features/org/org-repository.dynamodb';
import type { Deps } from '../platform/kernel/deps';
import { JoseTokenService } from '../platform/tokens/jose-token-service';

import type { Wiring } from '../platform/wiring';

export type { Secrets } from '../platform/config/secrets';
export { createWiring, type LocalWiring, type Wiring } from '../platform/wiring';

export type BasePorts = Pick<Deps, 'districtId' | 'devLogin' | 'clock' | 'ids' | 'randomBytes' | 'sha256' | 'org' | 'users' | 'tokens'>;

/** What every request needs, whatever its context: loading the principal (users, tokens) and the org. */
export function basePorts(w: Wiring): BasePorts {
  const { config, clock } = w;
  return {
    ...w.kernel,
    devLogin: config.devLogin,
    org: w.once('org', () => new DynamoOrgRepository(w.doc, config.tableName)),
    users: w.once('users', () => new DynamoUserRepository(w.doc, config.tableName)),
    tokens: w.once('tokens', () => new JoseTokenService(w.secrets.tokenSigningKey, config.tokenTtlSeconds, clock)),
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
