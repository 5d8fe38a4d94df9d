import { ROLES, type Role, type RouteDef, routes } from '@chuangxing/shared';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_SAMPLES as SAMPLE } from '../support/route-samples';
import { createTestStack, DEMO, TEST_SIGNING_KEY, type TestStack } from '../support/test-stack';

const protectedRoutes = Object.entries(routes as Record<string, RouteDef>).filter(([, r]) => r.access.kind !== 'public');

describe('authentication', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
  });

  it('has a sample request for every protected route', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual(protectedRoutes.map(([n]) => n).sort());
  });

  it.each(protectedRoutes)('%s without a token → 401', async (name, route) => {
    const res = await stack.call(route.method, SAMPLE[name].path.split('?')[0], { body: SAMPLE[name].body });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('a forged token (signed with another key) → 401', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO.district_admin)
      .setIssuer('chuangxing')
      .setAudience('chuangxing-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-another-key-another-key-42'));
    expect((await stack.call('GET', '/v1/me', { token: forged })).status).toBe(401);
  });

  it('an expired token → 401', async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO.district_admin)
      .setIssuer('chuangxing')
      .setAudience('chuangxing-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_SIGNING_KEY));
    expect((await stack.call('GET', '/v1/me', { token: expired })).status).toBe(401);
  });

  it('a tampered token (payload swapped, signature kept) → 401', async () => {
    const good = await stack.tokenFor(DEMO.resident);
    const [h, , s] = good.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: DEMO.district_admin, iss: 'chuangxing', aud: 'chuangxing-api', exp: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString('base64url');
    expect((await stack.call('GET', '/v1/me', { token: `${h}.${payload}.${s}` })).status).toBe(401);
    expect((await stack.call('GET', '/v1/me', { token: good })).status).toBe(200);
  });

  it('an alg=none token → 401', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: DEMO.district_admin, iss: 'chuangxing', aud: 'chuangxing-api', exp: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString('base64url');
    expect((await stack.call('GET', '/v1/me', { token: `${header}.${payload}.` })).status).toBe(401);
  });

  it('a valid token for a user that does not exist → 401', async () => {
    expect((await stack.call('GET', '/v1/me', { token: await stack.tokenFor('ghost') })).status).toBe(401);
  });
});

describe('authorization: every route, every role outside its list → 403, and nothing changes', () => {
  let stack: TestStack;
  const tokens: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    stack = await createTestStack();
    for (const role of ROLES) tokens[role] = await stack.tokenFor(DEMO[role]);
  });

  const cases = protectedRoutes.flatMap(([name, route]) =>
    route.access.kind === 'roles'
      ? ROLES.filter((r) => !(route.access as { roles: readonly Role[] }).roles.includes(r)).map((role) => [name, role] as const)
      : [],
  );

  it('covers at least one forbidden role for every admin route', () => {
    const names = new Set(cases.map(([n]) => n));
    for (const n of ['createBranch', 'renameBranch', 'createInvitation', 'listInvitations', 'listBindings', 'revokeBinding', 'getOrgTree'])
      expect(names.has(n)).toBe(true);
  });

  it.each(cases)('%s as %s → 403 FORBIDDEN_ROLE', async (name, role) => {
    const route = (routes as Record<string, RouteDef>)[name];
    const before = await stack.snapshot();
    const [path, qs] = SAMPLE[name].path.split('?');
    const res = await stack.call(route.method, path, {
      token: tokens[role],
      body: SAMPLE[name].body,
      query: qs ? Object.fromEntries(new URLSearchParams(qs)) : undefined,
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN_ROLE', message: expect.any(String) });
    expect(await stack.snapshot()).toEqual(before);
  });
});

describe('scope: outside the caller’s scope → 403 or 404 and no data', () => {
  let stack: TestStack;
  let staff: string;
  let cadre: string;
  let leader: string;
  beforeAll(async () => {
    stack = await createTestStack();
    staff = await stack.tokenFor(DEMO.township_staff); // 五里堡街道
    cadre = await stack.tokenFor(DEMO.cadre); // 樱桃沟社区 in 示例管委会
    leader = await stack.tokenFor(DEMO.leader); // 五里堡 + 德化街
  });

  it('township staff see only their township in the tree', async () => {
    const res = await stack.call('GET', '/v1/org/tree', { token: staff });
    expect(res.status).toBe(200);
    expect(res.body.townships.map((t: { id: string }) => t.id)).toEqual(['wulibao']);
    expect(res.body.totals.total).toBe(res.body.townships[0].counts.total);
  });

  it('a leader sees exactly the assigned townships', async () => {
    const res = await stack.call('GET', '/v1/org/tree', { token: leader });
    expect(res.body.townships.map((t: { id: string }) => t.id)).toEqual(['wulibao', 'dehuajie']);
  });

  it('another township’s branches → 403 with no branch data', async () => {
    const res = await stack.call('GET', '/v1/org/townships/dehuajie/branches', { token: staff });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN_SCOPE', message: expect.any(String) });
  });

  it('a branch outside scope → 404, as if it did not exist', async () => {
    const res = await stack.call('GET', '/v1/org/branches/yingtaogou', { token: staff });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('樱桃沟');
  });

  it('a cadre lists their township but sees only their own branch', async () => {
    const res = await stack.call('GET', '/v1/org/townships/demo-gwh/branches', { token: cadre });
    expect(res.status).toBe(200);
    expect(res.body.branches.map((b: { id: string }) => b.id)).toEqual(['yingtaogou']);
    expect((await stack.call('GET', '/v1/org/branches/demo-gwh-b02', { token: cadre })).status).toBe(404);
  });

  it('daily reports: a cadre gets 404 for another branch; staff get 403 for another township’s dashboard', async () => {
    const other = await stack.call('GET', '/v1/branches/jianxinnanjie/reports/2026-11-27', { token: cadre });
    expect([other.status, JSON.stringify(other.body)]).toEqual([404, expect.not.stringContaining('建新南街')]);
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/calendar', { token: cadre })).status).toBe(404);
    const before = await stack.snapshot();
    const file = await stack.call('PUT', '/v1/branches/jianxinnanjie/reports/2026-11-27', {
      token: cadre,
      body: { content: { items: [{ star: 'industry', text: '越权' }] }, idempotencyKey: 'scope-test-key-012345' },
    });
    expect(file.status).toBe(404);
    expect(await stack.snapshot()).toEqual(before);
    expect((await stack.call('GET', '/v1/townships/dehuajie/compliance', { token: staff })).status).toBe(403);
    const district = await stack.call('GET', '/v1/compliance', { token: leader });
    expect(district.body.townships.map((t: { townshipId: string }) => t.townshipId)).toEqual(['wulibao', 'dehuajie']);
  });

  it('township staff cannot create a branch, invite or revoke in another township, and nothing is written', async () => {
    const before = await stack.snapshot();
    const create = await stack.call('POST', '/v1/org/townships/dehuajie/branches', {
      token: staff,
      body: { name: '越权社区', type: 'community' },
    });
    expect(create.status).toBe(403);
    const invite = await stack.call('POST', '/v1/invitations', {
      token: staff,
      body: {
        inviteeName: '某人',
        role: 'cadre',
        scope: { level: 'branch', districtId: 'erqi', townshipId: 'demo-gwh', branchId: 'yingtaogou' },
      },
    });
    expect(invite.status).toBe(403);
    const revoke = await stack.call('DELETE', '/v1/users/demo-cadre/bindings/demo-cadre-b1', { token: staff });
    expect(revoke.status).toBe(404);
    const list = await stack.call('GET', '/v1/bindings', { token: staff, query: { townshipId: 'dehuajie' } });
    expect(list.status).toBe(403);
    expect(list.body.bindings).toBeUndefined();
    expect(await stack.snapshot()).toEqual(before);
  });

  it('学讲评: another branch’s cadre and another township’s staff → 403, and nothing is written', async () => {
    const before = await stack.snapshot();
    const other = await stack.call('GET', '/v1/branches/jianxinnanjie/reviews/2026-11', { token: cadre });
    expect([other.status, other.body.code, JSON.stringify(other.body)]).toEqual([
      403,
      'FORBIDDEN_SCOPE',
      expect.not.stringContaining('建新南街'),
    ]);
    const add = await stack.call('POST', '/v1/branches/jianxinnanjie/reviews/2026-11/items', {
      token: cadre,
      body: { id: '01KREVIEWSCOPE00000000001', list: 'problem', text: '越权', owner: '李明' },
    });
    expect([add.status, add.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await stack.call('GET', '/v1/branches/yingtaogou/reviews/2026-11', { token: staff })).status).toBe(403);
    const summary = await stack.call('GET', '/v1/townships/demo-gwh/reviews/2026-11', { token: staff });
    expect([summary.status, summary.body.branches]).toEqual([403, undefined]);
    expect(await stack.snapshot()).toEqual(before);
  });
});
