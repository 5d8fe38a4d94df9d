import { beforeAll, describe, expect, it } from 'vitest';
import { identityFeature } from '../../src/features/identity/identity.feature';
import { principalLoader } from '../../src/features/identity/identity.wiring';
import { orgFeature } from '../../src/features/org/org.feature';
import { parseConfig } from '../../src/platform/config/config';
import { createRouter, type Router } from '../../src/platform/http/router';
import { silentLogger } from '../../src/platform/observability/logger';
import { createWiring } from '../../src/platform/wiring';
import { apiEvent } from '../support/events';
import { createTestStack, DEMO, TEST_SIGNING_KEY, type TestStack } from '../support/test-stack';

/**
 * The identity and org features as the router will serve them (their own ports, principalLoader as
 * `authenticate`), side by side with the legacy app on the same table: the same requests, the same answers.
 */
describe('identity and org served as features', () => {
  let stack: TestStack;
  let router: Router;
  const tokens = {} as Record<'admin' | 'staff' | 'cadre' | 'resident', string>;

  beforeAll(async () => {
    stack = await createTestStack();
    const config = parseConfig({
      CX_STAGE: 'test',
      CX_TABLE_NAME: stack.tableName,
      CX_DYNAMODB_ENDPOINT: stack.endpoint,
      CX_DEV_LOGIN: 'on',
      CX_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY,
    });
    const w = createWiring(config, { tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret: '' });
    router = createRouter({
      features: [identityFeature.bind(w), orgFeature.bind(w)],
      authenticate: principalLoader(w),
      devLogin: config.devLogin,
      corsOrigins: config.corsOrigins,
      logger: silentLogger,
    });
    tokens.admin = await stack.tokenFor(DEMO.district_admin);
    tokens.staff = await stack.tokenFor(DEMO.township_staff);
    tokens.cadre = await stack.tokenFor(DEMO.cadre);
    tokens.resident = await stack.tokenFor(DEMO.resident);
  });

  async function call(method: string, path: string, o: Parameters<typeof apiEvent>[2] = {}) {
    const res = await router.handle(apiEvent(method, path, o));
    return { status: res.statusCode!, body: res.body ? JSON.parse(res.body) : undefined };
  }

  it('answers the read routes exactly as the legacy app does', async () => {
    const reads: [string, string, keyof typeof tokens | undefined][] = [
      ['GET', '/v1/me', 'admin'],
      ['GET', '/v1/me', 'cadre'],
      ['GET', '/v1/auth/dev-users', undefined],
      ['GET', '/v1/org/tree', 'admin'],
      ['GET', '/v1/org/tree', 'staff'],
      ['GET', '/v1/directory', 'resident'],
      ['GET', '/v1/org/townships/wulibao/branches', 'staff'],
      ['GET', '/v1/org/townships/dehuajie/branches', 'staff'],
      ['GET', '/v1/org/branches/yingtaogou', 'cadre'],
      ['GET', '/v1/org/branches/jianxinnanjie', 'cadre'],
      ['GET', '/v1/invitations', 'staff'],
      ['GET', '/v1/bindings', 'admin'],
      ['GET', '/v1/bindings', 'cadre'],
    ];
    for (const [method, path, who] of reads) {
      const o = who ? { token: tokens[who] } : {};
      const legacy = await stack.call(method, path, o);
      expect(await call(method, path, o), `${method} ${path} as ${who}`).toEqual({ status: legacy.status, body: legacy.body });
    }
  });

  it('authenticates with principalLoader: no token or a forged one → 401', async () => {
    expect((await call('GET', '/v1/me')).status).toBe(401);
    expect((await call('GET', '/v1/me', { token: 'forged' })).body.code).toBe('UNAUTHENTICATED');
  });

  it('another feature’s route is not served here', async () => {
    expect((await call('GET', '/v1/catalogue', { token: tokens.admin })).body.code).toBe('NOT_FOUND');
  });

  it('creates and renames a branch, invites into it, and the invitee redeems and loses the binding again', async () => {
    const created = await call('POST', '/v1/org/townships/wulibao/branches', {
      token: tokens.staff,
      body: { name: '  新  建社区 ', type: 'community' },
    });
    expect(created.status).toBe(201);
    expect(created.body.branch).toMatchObject({ name: '新 建社区', version: 1, townshipId: 'wulibao' });
    const id = created.body.branch.id as string;
    const renamed = await call('PUT', `/v1/org/branches/${id}`, { token: tokens.staff, body: { name: '更名社区', version: 1 } });
    expect(renamed.body.branch).toMatchObject({ name: '更名社区', version: 2 });
    expect((await stack.call('GET', `/v1/org/branches/${id}`, { token: tokens.staff })).body).toEqual(renamed.body);

    const invited = await call('POST', '/v1/invitations', {
      token: tokens.staff,
      body: { inviteeName: '新干部', role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: id } },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation).not.toHaveProperty('codeHash');
    expect(invited.body.invitation.scopeLabel).toBe('五里堡街道 · 更名社区');
    expect(invited.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const redeemed = await call('POST', '/v1/invitations/redeem', { token: tokens.resident, body: { code: invited.body.code } });
    expect(redeemed.body.binding).toMatchObject({ userId: DEMO.resident, role: 'cadre', holderName: '新干部' });
    expect((await call('GET', '/v1/me', { token: tokens.resident })).body.roles).toEqual(['resident', 'cadre']);
    expect((await call('POST', '/v1/invitations/redeem', { token: tokens.resident, body: { code: invited.body.code } })).body.code).toBe(
      'INVITATION_USED',
    );

    const { bindingId } = redeemed.body.binding as { bindingId: string };
    const revoked = await call('DELETE', `/v1/users/${DEMO.resident}/bindings/${bindingId}`, { token: tokens.staff });
    expect(revoked.status).toBe(200);
    expect(revoked.body.binding.revokedAt).toBeDefined();
    // Bindings are read on every request: the revocation holds at once.
    expect((await call('GET', '/v1/me', { token: tokens.resident })).body.roles).toEqual(['resident']);
  });
});
