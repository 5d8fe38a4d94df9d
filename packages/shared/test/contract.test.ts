import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CreateBranchBody,
  CreateInvitationBody,
  ErrorBody,
  FEATURE_NAMES,
  RenameBranchBody,
  Role,
  type RouteResponse,
  type RouteSuccess,
  type Routes,
  routes,
  routesByFeature,
  Scope,
  STAR_LABELS,
  STAR_SETS,
  STARS,
  WechatLoginBody,
} from '../src';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(true);
const bad = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(false);

describe('stars', () => {
  it('both star sets have five stars, share 支部过硬 and 平安法治, and differ in the other three', () => {
    expect(STAR_SETS.rural).toHaveLength(5);
    expect(STAR_SETS.community).toHaveLength(5);
    const shared = STAR_SETS.rural.filter((s) => STAR_SETS.community.includes(s));
    expect(shared.map((s) => STAR_LABELS[s])).toEqual(['支部过硬星', '平安法治星']);
    expect(STAR_SETS.rural.map((s) => STAR_LABELS[s])).toEqual(['支部过硬星', '产业兴旺星', '生态宜居星', '平安法治星', '文明幸福星']);
    expect(STAR_SETS.community.map((s) => STAR_LABELS[s])).toEqual(['支部过硬星', '宜业兴业星', '共建共享星', '平安法治星', '幸福和谐星']);
    expect(new Set([...STAR_SETS.rural, ...STAR_SETS.community]).size).toBe(STARS.length);
  });
});

describe('contract schemas', () => {
  it('roles', () => {
    ok(Role, 'station_handler');
    bad(Role, 'superuser');
  });

  it('scopes: district, township list, branch', () => {
    ok(Scope, { level: 'district', districtId: 'erqi' });
    ok(Scope, { level: 'township', districtId: 'erqi', townshipIds: ['a', 'b'] });
    ok(Scope, { level: 'branch', districtId: 'erqi', townshipId: 't', branchId: 'b' });
    bad(Scope, { level: 'township', districtId: 'erqi', townshipIds: [] });
    bad(Scope, { level: 'branch', districtId: 'erqi', townshipId: 't' });
    bad(Scope, { level: 'planet', districtId: 'erqi' });
    bad(Scope, { level: 'district', districtId: 'erqi', extra: true });
    bad(Scope, { level: 'district', districtId: '../etc' });
  });

  it('branch bodies: trimmed names of 1–40 characters, a known type, no extra fields', () => {
    ok(CreateBranchBody, { name: ' 和平社区 ', type: 'community' });
    expect(CreateBranchBody.parse({ name: ' 和平社区 ', type: 'community' }).name).toBe('和平社区');
    bad(CreateBranchBody, { name: '', type: 'community' });
    bad(CreateBranchBody, { name: '   ', type: 'community' });
    bad(CreateBranchBody, { name: '长'.repeat(41), type: 'rural' });
    bad(CreateBranchBody, { name: '和平社区', type: 'urban' });
    bad(CreateBranchBody, { name: '和平社区', type: 'rural', id: 'x' });
    ok(RenameBranchBody, { name: '新名', version: 3 });
    bad(RenameBranchBody, { name: '新名', version: 0 });
    bad(RenameBranchBody, { name: '新名', version: 1.5 });
  });

  it('invitations: official roles only, hours within 1–720', () => {
    const base = { inviteeName: '某人', role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 't', branchId: 'b' } };
    ok(CreateInvitationBody, base);
    ok(CreateInvitationBody, { ...base, expiresInHours: 720 });
    bad(CreateInvitationBody, { ...base, role: 'resident' });
    bad(CreateInvitationBody, { ...base, expiresInHours: 0 });
    bad(CreateInvitationBody, { ...base, expiresInHours: 721 });
  });

  it('WeChat login needs a code', () => {
    ok(WechatLoginBody, { code: '0a1b2c' });
    bad(WechatLoginBody, { code: '' });
    bad(WechatLoginBody, {});
    bad(WechatLoginBody, { code: 'x'.repeat(129) });
  });

  it('error body', () => {
    ok(ErrorBody, { code: 'NOT_FOUND', message: '不存在' });
    ok(ErrorBody, { code: 'VALIDATION_FAILED', message: '有误', details: [{ path: 'body.name', code: 'too_small', message: '不能为空' }] });
    bad(ErrorBody, { code: 'SOMETHING_ELSE', message: 'x' });
  });
});

describe('route table', () => {
  it('every route has a unique method + path and declares its access', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of Object.values(routes)) expect(['public', 'roles']).toContain(r.access.kind);
  });

  it('only health, OpenAPI, WeChat login and the local-only dev routes are public', () => {
    const pub = Object.entries(routes)
      .filter(([, r]) => r.access.kind === 'public')
      .map(([n]) => n)
      .sort();
    expect(pub).toEqual(['devLogin', 'getOpenApi', 'health', 'listDevUsers', 'listOutbox', 'loginWithWechat']);
    expect(
      Object.entries(routes)
        .filter(([, r]) => 'localOnly' in r && r.localOnly)
        .map(([n]) => n)
        .sort(),
    ).toEqual(['devLogin', 'listDevUsers', 'listOutbox']);
  });

  it('path parameters match the params schema', () => {
    for (const r of Object.values(routes)) {
      const inPath = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = 'params' in r && r.params ? Object.keys((r.params as unknown as { def: { shape: object } }).def.shape).sort() : [];
      expect(declared, r.path).toEqual(inPath);
    }
  });
});

describe('features and common responses', () => {
  it('every route belongs to exactly one feature, and the table is their merge in feature order', () => {
    expect(FEATURE_NAMES).toEqual(Object.keys(routesByFeature));
    const names = FEATURE_NAMES.flatMap((f) => Object.keys(routesByFeature[f]));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(routes)).toEqual(names);
  });

  it('a role-protected route answers the common errors; a public route exactly what it declares', () => {
    for (const [name, r] of Object.entries(routes)) {
      if (r.access.kind !== 'roles') continue;
      const responses = r.responses as Record<number, unknown>;
      for (const status of [400, 401, 403, 404]) expect(responses[status], `${name} ${status}`).toBe(ErrorBody);
    }
    // A query the route does not declare is refused (400), public routes included.
    expect(Object.keys(routes.health.responses)).toEqual(['200', '400']);
    expect(Object.keys(routes.getOpenApi.responses)).toEqual(['200', '400']);
    expect(Object.keys(routes.loginWithWechat.responses)).toEqual(['200', '400', '401', '429', '502']);
    expect(Object.keys(routes.listDevUsers.responses)).toEqual(['200', '400', '404']);
    expect(Object.keys(routes.devLogin.responses)).toEqual(['200', '400', '404']);
    expect(Object.keys(routes.listOutbox.responses)).toEqual(['200', '400', '404']);
    expect(Object.keys(routes.getMe.responses)).toEqual(['200', '400', '401', '403', '404']);
    expect(Object.keys(routes.redeemInvitation.responses)).toEqual(['200', '400', '401', '403', '404', '409', '410']);
    expect(Object.keys(routes.writeLetter.responses)).toEqual(['200', '201', '400', '401', '403', '404', '429']);
  });

  it('the types see the common errors too', () => {
    expectTypeOf<RouteResponse<Routes['getMe']>['status']>().toEqualTypeOf<200 | 400 | 401 | 403 | 404>();
    expectTypeOf<RouteResponse<Routes['writeLetter']>['status']>().toEqualTypeOf<200 | 201 | 400 | 401 | 403 | 404 | 429>();
    expectTypeOf<RouteResponse<Routes['loginWithWechat']>['status']>().toEqualTypeOf<200 | 400 | 401 | 429 | 502>();
    expectTypeOf<Extract<RouteResponse<Routes['getMe']>, { status: 403 }>['body']>().toEqualTypeOf<ErrorBody>();
    expectTypeOf<RouteSuccess<Routes['submitReport']>['status']>().toEqualTypeOf<200 | 201>();
  });
});
