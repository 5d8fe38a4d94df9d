import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/** 亮赛比 (亮承诺, 赛实绩 and the township board) on DynamoDB Local, through the API app Lambda runs. */
describe('亮赛比 on DynamoDB Local', () => {
  let stack: TestStack;
  const now = new Date('2026-11-20T02:00:00.000Z');
  const gwhStaff = 'demo-township-staff-gwh';
  const path = '/v1/branches/yingtaogou/pledges/2026';
  const items = [
    { id: 'PLGRID0001', star: 'safety_law', period: 'year', text: '网格化治理全覆盖，新建网格 6 个', measure: '网格 6 个' },
    { id: 'PLCHERRY01', star: 'industry', period: 'Q4', text: '樱桃冷库建成投用', measure: '冷库投用' },
  ];
  const call = async (method: string, url: string, user: string, body?: unknown) =>
    stack.call(method, url, { token: await stack.tokenFor(user), ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
  });

  it('the secretary publishes the year’s commitments; a retry answers the same; a stale edit and a foreign star change nothing', async () => {
    const first = await call('PUT', path, DEMO.secretary, { items, version: 0 });
    expect([first.status, first.body.version, first.body.publishedByName, first.body.items.length]).toEqual([
      200,
      1,
      expect.any(String),
      2,
    ]);
    // The rural star set: what the secretary may commit to.
    expect(first.body.stars).toEqual(['branch_strong', 'industry', 'ecology', 'safety_law', 'civility']);
    const retry = await call('PUT', path, DEMO.secretary, { items, version: 0 });
    expect([retry.status, retry.body.version]).toEqual([200, 1]);

    const before = await stack.snapshot();
    const stale = await call('PUT', path, DEMO.secretary, { items: [items[0]], version: 0 });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const foreign = await call('PUT', path, DEMO.secretary, { items: [{ ...items[0], star: 'business' }], version: 1 });
    expect([foreign.status, foreign.body.details[0].path]).toEqual([400, 'body.items.0.star']);
    // A cadre reports progress but does not publish; another township's staff may not either.
    expect((await call('PUT', path, DEMO.cadre, { items, version: 1 })).status).toBe(403);
    expect((await call('PUT', path, DEMO.township_staff, { items, version: 1 })).status).toBe(403);
    expect(await stack.snapshot()).toEqual(before);
  });

  it('赛实绩: the branch’s cadre reports a month; two reports on the same version → one wins; future months are refused', async () => {
    const url = (month: string, itemId: string) => `${path}/progress/${month}/${itemId}`;
    const nov = await call('PUT', url('2026-11', 'PLCHERRY01'), DEMO.cadre, { percent: 60, text: '冷库主体完工', version: 0 });
    expect([nov.status, nov.body.version, nov.body.percent]).toEqual([200, 1, 60]);
    expect(
      (await call('PUT', url('2026-11', 'PLCHERRY01'), DEMO.cadre, { percent: 60, text: '冷库主体完工', version: 0 })).body.version,
    ).toBe(1);

    const race = await Promise.all([
      call('PUT', url('2026-10', 'PLGRID0001'), DEMO.cadre, { percent: 30, text: '新建网格 2 个', version: 0 }),
      call('PUT', url('2026-10', 'PLGRID0001'), DEMO.secretary, { percent: 35, text: '新建网格 2 个，划定 1 个', version: 0 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);

    const before = await stack.snapshot();
    expect((await call('PUT', url('2026-12', 'PLGRID0001'), DEMO.cadre, { percent: 90, text: '提前填报', version: 0 })).status).toBe(400);
    expect((await call('PUT', url('2026-11', 'PLNOSUCH01'), DEMO.cadre, { percent: 90, text: '不存在', version: 0 })).status).toBe(404);
    expect((await call('PUT', url('2026-11', 'PLGRID0001'), DEMO.cadre, { percent: 101, text: '超出', version: 0 })).status).toBe(400);
    expect((await call('PUT', url('2026-11', 'PLGRID0001'), gwhStaff, { percent: 50, text: '代填', version: 0 })).status).toBe(403);
    expect(await stack.snapshot()).toEqual(before);

    const read = await call('GET', path, DEMO.cadre);
    expect(read.body.progress.map((p: { month: string; itemId: string }) => `${p.month}/${p.itemId}`)).toEqual([
      '2026-10/PLGRID0001',
      '2026-11/PLCHERRY01',
    ]);
  });

  it('the township’s 亮赛比 board: open to its branches and those above, closed to other townships', async () => {
    const board = await call('GET', '/v1/townships/demo-gwh/pledge-board/2026-11', DEMO.secretary);
    expect(board.status).toBe(200);
    const mine = board.body.branches.find((b: { branchId: string }) => b.branchId === 'yingtaogou');
    expect(mine.published).toBe(true);
    expect(
      mine.items.map((i: { id: string; latest?: { percent: number }; reportedThisMonth: boolean }) => [
        i.id,
        i.latest?.percent,
        i.reportedThisMonth,
      ]),
    ).toEqual([
      ['PLGRID0001', expect.any(Number), false],
      ['PLCHERRY01', 60, true],
    ]);
    expect(board.body.branches.filter((b: { published: boolean }) => !b.published).length).toBe(board.body.branches.length - 1);
    // October: the Q4 commitment had no report yet.
    const oct = await call('GET', '/v1/townships/demo-gwh/pledge-board/2026-10', gwhStaff);
    const octMine = oct.body.branches.find((b: { branchId: string }) => b.branchId === 'yingtaogou');
    expect(octMine.items.find((i: { id: string }) => i.id === 'PLCHERRY01').latest).toBeUndefined();
    expect((await call('GET', '/v1/townships/demo-gwh/pledge-board/2026-11', DEMO.district_admin)).status).toBe(200);
    // 五里堡's staff and a leader of other townships do not see 示例管委会; its secretary does not see 五里堡.
    expect((await call('GET', '/v1/townships/demo-gwh/pledge-board/2026-11', DEMO.township_staff)).status).toBe(403);
    expect((await call('GET', '/v1/townships/demo-gwh/pledge-board/2026-11', DEMO.leader)).status).toBe(403);
    expect((await call('GET', '/v1/townships/wulibao/pledge-board/2026-11', DEMO.secretary)).status).toBe(403);
    expect((await call('GET', path, DEMO.township_staff)).status).toBe(404);
    expect((await call('GET', path, DEMO.resident)).status).toBe(403);
  });
});
