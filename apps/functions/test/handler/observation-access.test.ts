import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const GWH_STAFF = 'demo-township-staff-gwh'; // 王干事, 示例管委会

/**
 * Who sees and does what in 每月一观摩, through the real API app: observers score only what they are assigned to
 * and only while open; no anchoring while open; overseers see their townships' branches; branches see only their
 * own frozen aggregate, without names.
 */
describe('每月一观摩 access', () => {
  let stack: TestStack;
  const t: Record<string, string> = {};
  let district: string; // 二七区-wide: 樱桃沟社区 (示例管委会) + 建新南街社区 (五里堡); observers 赵督导, 王干事
  let township: string; // 示例管委会's own: 樱桃沟社区; observers 王干事, 赵督导
  const rural = [{ star: 'industry', score: 8 }];
  const community = [{ star: 'harmony', score: 6 }];

  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date('2026-11-15T02:00:00.000Z') } });
    for (const [k, id] of Object.entries({ ...DEMO, gwh: GWH_STAFF })) t[k] = await stack.tokenFor(id);
    const a = await stack.call('POST', '/v1/observations', {
      token: t.district_admin,
      body: { month: '2026-11', title: '全区观摩', branchIds: ['yingtaogou', 'jianxinnanjie'], observerIds: [DEMO.inspector, GWH_STAFF] },
    });
    const b = await stack.call('POST', '/v1/observations', {
      token: t.gwh,
      body: {
        month: '2026-11',
        title: '管委会观摩',
        townshipId: 'demo-gwh',
        branchIds: ['yingtaogou'],
        observerIds: [GWH_STAFF, DEMO.inspector],
      },
    });
    [district, township] = [a.body.id, b.body.id];
    await stack.call('PUT', `/v1/observations/${district}/scores/jianxinnanjie`, {
      token: t.inspector,
      body: { scores: community, comment: '赵的意见' },
    });
    await stack.call('PUT', `/v1/observations/${district}/scores/jianxinnanjie`, {
      token: t.gwh,
      body: { scores: community, comment: '王的意见' },
    });
    await stack.call('PUT', `/v1/observations/${township}/scores/yingtaogou`, { token: t.inspector, body: { scores: rural } });
  });

  const ids = (list: { branchId?: string; observerId?: string; id?: string }[], k: 'branchId' | 'observerId' | 'id') =>
    list.map((x) => x[k]);

  it('only assigned observers score: others get 403 and nothing is written', async () => {
    const before = await stack.snapshot();
    for (const who of ['township_staff', 'leader', 'district_admin'] as const) {
      const res = await stack.call('PUT', `/v1/observations/${district}/scores/jianxinnanjie`, {
        token: t[who],
        body: { scores: community },
      });
      expect([who, res.status, res.body.code]).toEqual([who, 403, 'FORBIDDEN_SCOPE']);
    }
    // Cadres and residents are refused by the route's roles.
    expect(
      (await stack.call('PUT', `/v1/observations/${township}/scores/yingtaogou`, { token: t.cadre, body: { scores: rural } })).status,
    ).toBe(403);
    // A branch the observation does not visit → 404; a star of the other set → 400.
    expect(
      (await stack.call('PUT', `/v1/observations/${township}/scores/demo-gwh-b02`, { token: t.gwh, body: { scores: rural } })).status,
    ).toBe(404);
    const wrongStar = await stack.call('PUT', `/v1/observations/${township}/scores/yingtaogou`, {
      token: t.gwh,
      body: { scores: community },
    });
    expect([wrongStar.status, wrongStar.body.details[0].path]).toEqual([400, 'body.scores.0.star']);
    expect(await stack.snapshot()).toEqual(before);
  });

  it('while open an observer sees only their own sheets (no anchoring)', async () => {
    const asGwh = await stack.call('GET', `/v1/observations/${district}`, { token: t.gwh });
    expect(ids(asGwh.body.scores, 'observerId')).toEqual([GWH_STAFF]);
    expect(asGwh.body.results).toEqual([]);
    // …but sees how many have scored each branch, not the values.
    expect(asGwh.body.branches.find((b: { branchId: string }) => b.branchId === 'jianxinnanjie').scoredBy).toBe(2);
    const asInspector = await stack.call('GET', `/v1/observations/${district}`, { token: t.inspector });
    expect(ids(asInspector.body.scores, 'observerId')).toEqual([DEMO.inspector]);
  });

  it('organisers and overseers who are not observers see every sheet of the branches in their scope', async () => {
    const admin = await stack.call('GET', `/v1/observations/${district}`, { token: t.district_admin });
    expect(admin.body.canManage).toBe(true);
    expect(ids(admin.body.scores, 'observerId').sort()).toEqual([DEMO.inspector, GWH_STAFF].sort());
    // 周领导 covers 五里堡 + 德化街: sees 建新南街社区 only, with all its sheets; the 示例管委会 observation not at all.
    const leader = await stack.call('GET', `/v1/observations/${district}`, { token: t.leader });
    expect([leader.status, ids(leader.body.branches, 'branchId'), leader.body.canManage]).toEqual([200, ['jianxinnanjie'], false]);
    expect(leader.body.scores).toHaveLength(2);
    expect(JSON.stringify(leader.body)).not.toContain('樱桃沟');
    expect((await stack.call('GET', `/v1/observations/${township}`, { token: t.leader })).status).toBe(404);
    const list = await stack.call('GET', '/v1/observations', { token: t.leader, query: { month: '2026-11' } });
    expect(ids(list.body.observations, 'id')).toEqual([district]);
    // 刘干事 (五里堡) oversees 建新南街社区 in the district's observation, but does not organise it.
    const staff = await stack.call('GET', `/v1/observations/${district}`, { token: t.township_staff });
    expect([ids(staff.body.branches, 'branchId'), staff.body.canManage]).toEqual([['jianxinnanjie'], false]);
    expect((await stack.call('GET', `/v1/observations/${township}`, { token: t.township_staff })).status).toBe(404);
    // Cadres do not read observations at all (the route's roles).
    expect((await stack.call('GET', `/v1/observations/${township}`, { token: t.cadre })).status).toBe(403);
  });

  it('the list splits 待我评分 and 我组织的 by flags, with my progress', async () => {
    const list = await stack.call('GET', '/v1/observations', { token: t.gwh, query: { month: '2026-11' } });
    const byId = Object.fromEntries(list.body.observations.map((o: { id: string }) => [o.id, o]));
    expect(byId[township]).toMatchObject({
      assigned: true,
      canManage: true,
      myScoredCount: 0,
      status: 'open',
      branchCount: 1,
      observerCount: 2,
    });
    expect(byId[district]).toMatchObject({ assigned: true, canManage: false, myScoredCount: 1 });
    expect((await stack.call('GET', '/v1/observations', { token: t.gwh, query: { month: '2026-10' } })).body.observations).toEqual([]);
  });

  it('only the organiser’s side closes; then scores are 409 and the branch sees its aggregate without names', async () => {
    // Inspectors are refused by the route; 刘干事 sees it but does not organise it; 周领导 cannot close at all.
    expect((await stack.call('POST', `/v1/observations/${district}/close`, { token: t.inspector, body: { version: 1 } })).status).toBe(403);
    const staff = await stack.call('POST', `/v1/observations/${district}/close`, { token: t.township_staff, body: { version: 1 } });
    expect([staff.status, staff.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await stack.call('POST', `/v1/observations/${township}/close`, { token: t.township_staff, body: { version: 1 } })).status).toBe(
      404,
    );
    // 王干事 organises the township's own observation but not the district's.
    expect((await stack.call('POST', `/v1/observations/${district}/close`, { token: t.gwh, body: { version: 1 } })).status).toBe(403);

    // Before the close the branch sees nothing; a station handler never reads results (the route's roles).
    expect((await stack.call('GET', '/v1/branches/yingtaogou/observation-results', { token: t.cadre })).body.results).toEqual([]);
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/observation-results', { token: t.station_handler })).status).toBe(403);
    const closed = await stack.call('POST', `/v1/observations/${district}/close`, { token: t.district_admin, body: { version: 1 } });
    expect(closed.status).toBe(200);
    const late = await stack.call('PUT', `/v1/observations/${district}/scores/jianxinnanjie`, {
      token: t.gwh,
      body: { scores: community },
    });
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    // After close, an observer sees every sheet; the leader sees the result of their branch only.
    expect((await stack.call('GET', `/v1/observations/${district}`, { token: t.gwh })).body.scores).toHaveLength(2);
    const leader = await stack.call('GET', `/v1/observations/${district}`, { token: t.leader });
    expect(ids(leader.body.results, 'branchId')).toEqual(['jianxinnanjie']);

    // 樱桃沟社区's cadre: the district observation's result for the branch (nothing scored), no names anywhere.
    const own = await stack.call('GET', '/v1/branches/yingtaogou/observation-results', { token: t.cadre, query: { quarter: '2026-Q4' } });
    expect(own.status).toBe(200);
    expect(own.body.results.map((r: { observationId: string; observerCount: number }) => [r.observationId, r.observerCount])).toEqual([
      [district, 0],
    ]);
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/observation-results', { token: t.cadre })).status).toBe(404);
    // A leader in scope reads 建新南街社区's results: comments, but never who wrote them.
    const wulibao = await stack.call('GET', '/v1/branches/jianxinnanjie/observation-results', {
      token: t.leader,
      query: { quarter: '2026-Q4' },
    });
    expect(wulibao.body.results[0].comments).toEqual(['王的意见', '赵的意见']);
    expect(JSON.stringify(wulibao.body)).not.toMatch(/赵督导|王干事|demo-inspector|demo-township-staff/);
    // The township's own observation is still open: it is not among the branch's results.
    expect(JSON.stringify(own.body)).not.toContain(township);
  });
});
