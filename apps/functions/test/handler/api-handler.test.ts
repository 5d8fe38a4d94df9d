import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from '../support/fake-wechat';
import { createTestStack, DEMO, H5_ORIGIN, type TestStack } from '../support/test-stack';

describe('API Gateway v2 events through the Lambda app', () => {
  let stack: TestStack;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  beforeAll(async () => {
    wechat = await startFakeWechat({ appId: 'wx-test-app', appSecret: 'test-app-secret' });
    stack = await createTestStack({ wechatApiBase: wechat.url });
  });
  afterAll(() => wechat.stop());

  it('GET /health answers ok with JSON and no caching', async () => {
    const res = await stack.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves an OpenAPI 3.1 document generated from the contract', async () => {
    const res = await stack.call('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/v1/org/townships/{townshipId}/branches'].get.operationId).toBe('listTownshipBranches');
    expect(res.body.paths['/v1/org/townships/{townshipId}/branches'].post['x-roles']).toEqual(['district_admin', 'township_staff']);
    expect(res.body.paths['/v1/auth/wechat'].post.requestBody.content['application/json'].schema.required).toEqual(['code']);
    expect(res.body.paths['/v1/auth/dev-login'].post['x-local-only']).toBe(true);
  });

  it('CORS: the H5 origin gets its headers and a preflight answer; another origin gets none', async () => {
    const ok = await stack.call('GET', '/health', { headers: { origin: H5_ORIGIN } });
    expect(ok.headers['access-control-allow-origin']).toBe(H5_ORIGIN);
    const pre = await stack.app.handle({
      ...(await import('../support/events')).apiEvent('OPTIONS', '/v1/me', { headers: { origin: H5_ORIGIN } }),
    });
    expect(pre.statusCode).toBe(204);
    expect((pre.headers as Record<string, string>)['access-control-allow-headers']).toContain('authorization');
    const evil = await stack.call('GET', '/health', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('unknown paths → 404 ROUTE_NOT_FOUND; wrong method → 405', async () => {
    expect((await stack.call('GET', '/v1/nope')).body.code).toBe('ROUTE_NOT_FOUND');
    const res = await stack.call('PUT', '/v1/me');
    expect(res.status).toBe(405);
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('WeChat login: code2session through the configured base URL, upsert by openid, our own token, no session_key', async () => {
    wechat.issueCode('code-1', 'openid-abc');
    const first = await stack.call('POST', '/v1/auth/wechat', { body: { code: 'code-1' } });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).not.toMatch(/session_key|SECRET-SESSION-KEY|openid-abc/);
    expect(first.body.me.roles).toEqual(['resident']);
    const lastCall = wechat.calls.at(-1)!;
    expect([lastCall.get('appid'), lastCall.get('js_code'), lastCall.get('grant_type')]).toEqual([
      'wx-test-app',
      'code-1',
      'authorization_code',
    ]);
    // Same openid again: same user.
    wechat.issueCode('code-2', 'openid-abc');
    const second = await stack.call('POST', '/v1/auth/wechat', { body: { code: 'code-2' } });
    expect(second.body.me.user.id).toBe(first.body.me.user.id);
    const me = await stack.call('GET', '/v1/me', { token: second.body.token });
    expect(me.body.user.id).toBe(first.body.me.user.id);
    // Nothing stored anywhere holds the session key; the openid is kept on the profile for notifications only.
    const stored = await stack.snapshot();
    expect(JSON.stringify(stored)).not.toContain('SECRET-SESSION-KEY');
    expect(stored.find((i) => i.pk === `USER#${first.body.me.user.id}` && i.sk === 'PROFILE')?.openid).toBe('openid-abc');
    expect(JSON.stringify(me.body)).not.toContain('openid-abc');
  });

  it('WeChat login: an invalid or reused code → 401 WECHAT_LOGIN_FAILED and no user is created', async () => {
    // The one write a refused code makes is the attempt counted against its address (login-limit.test.ts).
    const isCounter = (i: Record<string, unknown>) => String(i.pk).startsWith('LIMIT#');
    const before = await stack.snapshot();
    const res = await stack.call('POST', '/v1/auth/wechat', { body: { code: 'code-1' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('WECHAT_LOGIN_FAILED');
    const after = await stack.snapshot();
    expect(after.filter((i) => !isCounter(i))).toEqual(before.filter((i) => !isCounter(i)));
    const hits = (items: Record<string, unknown>[]) => items.filter(isCounter).reduce((n, i) => n + Number(i.hits), 0);
    expect(hits(after)).toBe(hits(before) + 1);
  });

  it('dev login lists one demo user per role and issues tokens for them', async () => {
    const list = await stack.call('GET', '/v1/auth/dev-users');
    expect(list.body.users.map((u: { role: string }) => u.role).sort()).toEqual([
      'cadre',
      'discipline',
      'district_admin',
      'inspector',
      'leader',
      'resident',
      'secretary',
      'station_handler',
      'taskforce',
      'taskforce',
      'township_staff',
      'township_staff',
    ]);
    const login = await stack.call('POST', '/v1/auth/dev-login', { body: { userId: DEMO.township_staff } });
    expect(login.status).toBe(200);
    expect(login.body.me.roles).toEqual(['resident', 'township_staff']);
    expect(login.body.me.bindings[0].scopeLabel).toBe('五里堡街道');
    expect((await stack.call('POST', '/v1/auth/dev-login', { body: { userId: 'not-a-demo-user' } })).status).toBe(404);
  });

  it('base64-encoded bodies (as API Gateway may send them) are decoded', async () => {
    const res = await stack.call('POST', '/v1/auth/dev-login', { body: { userId: DEMO.resident }, base64: true });
    expect(res.status).toBe(200);
  });
});

describe('dev login is switched off outside the local stack', () => {
  it('both dev routes answer 404 as if they did not exist', async () => {
    const stack = await createTestStack({ devLogin: false });
    expect((await stack.call('GET', '/v1/auth/dev-users')).status).toBe(404);
    const res = await stack.call('POST', '/v1/auth/dev-login', { body: { userId: DEMO.district_admin } });
    expect(res.status).toBe(404);
    expect(res.body.token).toBeUndefined();
    const doc = await stack.call('GET', '/v1/openapi.json');
    expect(doc.body.paths['/v1/auth/dev-login']).toBeUndefined();
  });
});

describe('invitations end to end: create → redeem → act → revoke', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
  });

  it('binds the redeemer, grants the role at once, and a revocation takes effect on the next request', async () => {
    const staff = await stack.tokenFor(DEMO.township_staff);
    const created = await stack.call('POST', '/v1/invitations', {
      token: staff,
      body: {
        inviteeName: '新任书记',
        role: 'secretary',
        scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnanjie' },
        expiresInHours: 24,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(created.body.invitation).toMatchObject({ status: 'open', scopeLabel: '五里堡街道 · 建新南街社区' });
    expect(JSON.stringify(created.body.invitation)).not.toContain('codeHash');

    const resident = await stack.tokenFor(DEMO.resident);
    const redeemed = await stack.call('POST', '/v1/invitations/redeem', {
      token: resident,
      body: { code: created.body.code.toLowerCase() },
    });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.binding).toMatchObject({ role: 'secretary', userId: DEMO.resident, holderName: '新任书记' });

    const me = await stack.call('GET', '/v1/me', { token: resident });
    expect(me.body.roles).toEqual(['resident', 'secretary']);
    expect((await stack.call('GET', '/v1/org/branches/jianxinnanjie', { token: resident })).status).toBe(200);

    const again = await stack.call('POST', '/v1/invitations/redeem', { token: resident, body: { code: created.body.code } });
    expect([again.status, again.body.code]).toEqual([409, 'INVITATION_USED']);

    const listed = await stack.call('GET', '/v1/bindings', { token: staff });
    expect(listed.body.bindings.map((b: { userId: string }) => b.userId)).toContain(DEMO.resident);

    const bindingId = redeemed.body.binding.bindingId;
    const revoked = await stack.call('DELETE', `/v1/users/${DEMO.resident}/bindings/${bindingId}`, { token: staff });
    expect(revoked.status).toBe(200);
    expect(revoked.body.binding.revokedAt).toBeTruthy();
    // Same token, next request: the role is gone.
    expect((await stack.call('GET', '/v1/me', { token: resident })).body.roles).toEqual(['resident']);
    expect((await stack.call('GET', '/v1/org/branches/jianxinnanjie', { token: resident })).status).toBe(403);
    expect((await stack.call('DELETE', `/v1/users/${DEMO.resident}/bindings/${bindingId}`, { token: staff })).status).toBe(409);
  });

  it('an unknown code → 404 INVITATION_INVALID', async () => {
    const res = await stack.call('POST', '/v1/invitations/redeem', {
      token: await stack.tokenFor(DEMO.resident),
      body: { code: 'ZZZZ-ZZZZ' },
    });
    expect([res.status, res.body.code]).toEqual([404, 'INVITATION_INVALID']);
  });

  it('township staff may not hand out a leader role', async () => {
    const res = await stack.call('POST', '/v1/invitations', {
      token: await stack.tokenFor(DEMO.township_staff),
      body: { inviteeName: '某领导', role: 'leader', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } },
    });
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('a district admin creates and renames a branch; the tree counts follow', async () => {
    const admin = await stack.tokenFor(DEMO.district_admin);
    const before = (await stack.call('GET', '/v1/org/tree', { token: admin })).body;
    const created = await stack.call('POST', '/v1/org/townships/demo-xz1/branches', {
      token: admin,
      body: { name: '  新  村 ', type: 'rural' },
    });
    expect(created.status).toBe(201);
    expect(created.body.branch).toMatchObject({
      name: '新 村',
      type: 'rural',
      version: 1,
      stars: ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'],
    });
    const after = (await stack.call('GET', '/v1/org/tree', { token: admin })).body;
    expect(after.totals.rural).toBe(before.totals.rural + 1);
    const renamed = await stack.call('PUT', `/v1/org/branches/${created.body.branch.id}`, {
      token: admin,
      body: { name: '新兴村', version: 1 },
    });
    expect([renamed.status, renamed.body.branch.version, renamed.body.branch.name]).toEqual([200, 2, '新兴村']);
    const stale = await stack.call('PUT', `/v1/org/branches/${created.body.branch.id}`, {
      token: admin,
      body: { name: '又一村', version: 1 },
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
  });
});
