import { describe, expect, it } from 'vitest';
import { identityFeature } from '../../src/features/identity/identity.feature';
import { bindingReader, identityPorts, principalLoader } from '../../src/features/identity/identity.wiring';
import { orgFeature } from '../../src/features/org/org.feature';
import { orgPorts, orgReader } from '../../src/features/org/org.wiring';
import { parseConfig } from '../../src/platform/config/config';
import { createWiring, type Wiring } from '../../src/platform/wiring';
import { makeBinding, makeUser } from '../support/builders';
import { MemoryUserRepository } from '../support/memory-repositories';

const SIGNING_KEY = 'unit-signing-key-0123456789-abcdefghijklmnop';

/** The real wiring (its DynamoDB client never sends here), with the user adapter swapped for the in-memory one. */
function wiring(): { w: Wiring; users: MemoryUserRepository } {
  const config = parseConfig({ CX_STAGE: 'test', CX_TABLE_NAME: 'unused', CX_TOKEN_SIGNING_KEY: SIGNING_KEY });
  const w = createWiring(config, { tokenSigningKey: SIGNING_KEY, wechatAppSecret: '' });
  const users = new MemoryUserRepository();
  w.once('users', () => users);
  users.profiles.set('u1', makeUser({ id: 'u1' }));
  users.bindings.set('active', makeBinding({ bindingId: 'active', userId: 'u1' }));
  users.bindings.set('revoked', makeBinding({ bindingId: 'revoked', userId: 'u1', revokedAt: '2026-01-02T00:00:00.000Z' }));
  return { w, users };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('principalLoader', () => {
  it('a valid token → the user with only the active bindings', async () => {
    const { w } = wiring();
    const { token } = await identityPorts(w).tokens.issue('u1');
    expect(await principalLoader(w)(token)).toStrictEqual({
      user: makeUser({ id: 'u1' }),
      bindings: [makeBinding({ bindingId: 'active', userId: 'u1' })],
    });
  });

  it('no token, a forged one, or an unknown user → 401', async () => {
    const { w } = wiring();
    const load = principalLoader(w);
    await expect(load(undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(await codeOf(load('not-a-token'))).toBe('UNAUTHENTICATED');
    const { token } = await identityPorts(w).tokens.issue('nobody');
    expect(await codeOf(load(token))).toBe('UNAUTHENTICATED');
  });

  it('reads the bindings on every call, so a revocation takes effect at once', async () => {
    const { w, users } = wiring();
    const load = principalLoader(w);
    const { token } = await identityPorts(w).tokens.issue('u1');
    expect((await load(token)).bindings).toHaveLength(1);
    await users.revokeBinding('u1', 'active', '2026-01-03T00:00:00.000Z');
    expect((await load(token)).bindings).toEqual([]);
  });
});

describe('identity and org wiring', () => {
  it('builds exactly the ports the use cases take, sharing one users, tokens and org adapter', () => {
    const { w, users } = wiring();
    const identity = identityPorts(w);
    const org = orgPorts(w);
    const kernel = ['districtId', 'clock', 'ids', 'randomBytes', 'sha256', 'metrics'];
    expect(Object.keys(identity).sort()).toEqual(
      [...kernel, 'devLogin', 'users', 'invitations', 'tokens', 'wechat', 'loginAttempts', 'org'].sort(),
    );
    expect(Object.keys(org).sort()).toEqual([...kernel, 'org'].sort());
    expect(identity.users).toBe(users);
    expect(bindingReader(w)).toBe(users);
    expect(identityPorts(w).tokens).toBe(identity.tokens);
    expect(identity.org).toBe(org.org);
    expect(orgReader(w)).toBe(org.org);
    expect(identity.devLogin).toBe(false);
  });

  it('the features bind their contract routes to those ports', () => {
    const { w } = wiring();
    const identity = identityFeature.bind(w);
    const org = orgFeature.bind(w);
    expect(identity.name).toBe('identity');
    expect(Object.keys(identity.implementations).sort()).toEqual(Object.keys(identity.routes).sort());
    expect(Object.keys(identity.routes)).toContain('getMe');
    expect(org.name).toBe('org');
    expect(Object.keys(org.implementations).sort()).toEqual(Object.keys(org.routes).sort());
    expect(Object.keys(org.routes)).toContain('getDirectory');
    expect((identity.deps as { org: unknown }).org).toBe((org.deps as { org: unknown }).org);
  });
});
