import { DEFAULT_APPRAISAL_FORM } from '@chuangxing/shared';
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

  it('比干劲 on the board: the latest closed 述职评议’s totals and ranks for the township’s people, never who scored; others refused', async () => {
    const boardAs = async (user: string, month = '2026-11', township = 'demo-gwh') =>
      call('GET', `/v1/townships/${township}/pledge-board/${month}`, user);
    expect((await boardAs(DEMO.cadre)).body.appraisal).toEqual({});

    // Q3 held and closed by 示例管委会's staff (the party committee scores two branches); Q4 opened, not closed.
    const q3 = '/v1/townships/demo-gwh/appraisals/2026-Q3';
    const setup = { date: '2026-09-25', ...DEFAULT_APPRAISAL_FORM, residentSeats: 1 };
    const step = async (url: string, to: string) =>
      expect(
        (await call('POST', `${url}/transition`, gwhStaff, { to, version: (await call('GET', url, gwhStaff)).body.version })).status,
      ).toBe(200);
    expect((await call('PUT', q3, gwhStaff, { ...setup, version: 0 })).status).toBe(200);
    await step(q3, 'open');
    await step(q3, 'scoring');
    const ids = (await call('GET', q3, gwhStaff)).body.branches.map((b: { branchId: string }) => b.branchId) as string[];
    const other = ids.find((id) => id !== 'yingtaogou') as string;
    const sheet = async (branchId: string, scores: Record<string, number>) =>
      expect((await call('PUT', `${q3}/sheets/${branchId}`, gwhStaff, { scores, version: 0 })).status).toBe(200);
    await sheet(other, { duty: 30, results: 40, conduct: 30 });
    await sheet('yingtaogou', { duty: 15, results: 20, conduct: 15 });
    await step(q3, 'closed');
    const codes = (await call('GET', q3, gwhStaff)).body.seats.map((x: { code: string }) => x.code) as string[];
    const q4 = '/v1/townships/demo-gwh/appraisals/2026-Q4';
    expect((await call('PUT', q4, gwhStaff, { ...setup, date: '2026-12-20', version: 0 })).status).toBe(200);
    await step(q4, 'open');

    // The branch's cadre cannot open the session itself, but reads the township's list on the board.
    expect((await call('GET', q3, DEMO.cadre)).status).toBe(404);
    const board = await boardAs(DEMO.cadre);
    expect(board.status).toBe(200);
    const { closed, running } = board.body.appraisal;
    expect([closed.quarter, running]).toEqual(['2026-Q3', { quarter: '2026-Q4', state: 'open' }]);
    expect(closed.results.slice(0, 2)).toEqual([
      { branchId: other, branchName: expect.any(String), score: 100, rank: 1 },
      { branchId: 'yingtaogou', branchName: '樱桃沟社区', score: 50, rank: 2 },
    ]);
    expect(closed.results.length).toBe(ids.length);
    expect(closed.results.slice(2).every((r: { score: unknown; rank: unknown }) => r.score === null && r.rank === null)).toBe(true);
    // Totals and ranks only: no group scores, no counts, no scorer and no code anywhere on the board.
    expect(new Set(closed.results.flatMap((r: object) => Object.keys(r)))).toEqual(new Set(['branchId', 'branchName', 'score', 'rank']));
    const text = JSON.stringify(board.body);
    for (const secret of [gwhStaff, ...codes]) expect(text).not.toContain(secret);

    // The same for the township's secretary, its staff and the district admin; a board of Q3 names no Q4.
    for (const user of [DEMO.secretary, gwhStaff, DEMO.district_admin])
      expect((await boardAs(user)).body.appraisal.closed.results).toEqual(closed.results);
    expect((await boardAs(DEMO.secretary, '2026-08')).body.appraisal).toEqual({ closed });
    expect((await boardAs(DEMO.secretary, '2026-05')).body.appraisal).toEqual({});

    // Another township's secretary, its staff, a leader of other townships and a resident read nothing of it.
    const wulibao = (await call('GET', '/v1/org/townships/wulibao/branches', DEMO.township_staff)).body.branches[0].id as string;
    const invited = await call('POST', '/v1/invitations', DEMO.township_staff, {
      inviteeName: '刘书记',
      role: 'secretary',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: wulibao },
    });
    expect((await call('POST', '/v1/invitations/redeem', DEMO.inspector, { code: invited.body.code })).status).toBe(200);
    for (const user of [DEMO.inspector, DEMO.township_staff, DEMO.leader, DEMO.resident]) {
      const refused = await boardAs(user);
      expect([user, refused.status, refused.body.appraisal]).toEqual([user, 403, undefined]);
    }
    expect((await boardAs(DEMO.inspector, '2026-11', 'wulibao')).body.appraisal).toEqual({});
  });
});
