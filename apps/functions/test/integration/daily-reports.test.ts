import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportsEntities } from '../../src/features/reports/reports.entities';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

// 2026-11-27 20:00 in Shanghai: before the 22:00 deadline.
const clock = { now: () => new Date('2026-11-27T12:00:00.000Z') };
const DAY = '2026-11-27';
const content = (text = '走访困难党员 3 户') => ({
  items: [{ star: 'industry', text }],
  counts: { householdsVisited: 3 },
  problems: '雨天道路泥泞',
  tomorrowPlan: '组织支部学习',
});

describe('daily reports on DynamoDB Local', () => {
  let stack: TestStack;
  let cadre: string;
  let secretary: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock });
    cadre = await stack.tokenFor(DEMO.cadre); // 樱桃沟社区 (yingtaogou), township demo-gwh
    secretary = await stack.tokenFor(DEMO.secretary);
  });

  const counters = async () => {
    const get = async (key: { pk: string; sk: string }) =>
      (await stack.doc.send(new GetCommand({ TableName: stack.tableName, Key: key, ConsistentRead: true }))).Item;
    const pick = (i?: Record<string, unknown>) => (i ? { submitted: i.submitted, onTime: i.onTime, late: i.late } : undefined);
    return {
      month: pick(await get(reportsEntities.monthStats.key({ branchId: 'yingtaogou', month: '2026-11' }))),
      quarter: pick(await get(reportsEntities.quarterStats.key({ branchId: 'yingtaogou', quarter: '2026-Q4' }))),
      township: pick(await get(reportsEntities.townshipDayRollup.key({ districtId: 'erqi', day: DAY, townshipId: 'demo-gwh' }))),
      marker: (await get(reportsEntities.townshipDayMarker.key({ townshipId: 'demo-gwh', day: DAY, branchId: 'yingtaogou' })))?.status,
    };
  };

  it('20 concurrent identical submissions store one report and increment the counters once', async () => {
    const body = { content: content(), idempotencyKey: 'same-key-0123456789abcdef' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, { token: cadre, body })),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.body.replayed)).toHaveLength(19);
    expect(new Set(results.map((r) => r.body.report.version))).toEqual(new Set([1]));
    expect(await counters()).toEqual({
      month: { submitted: 1, onTime: 1, late: 0 },
      quarter: { submitted: 1, onTime: 1, late: 0 },
      township: { submitted: 1, onTime: 1, late: 0 },
      marker: 'on_time',
    });
    const detail = await stack.call('GET', `/v1/branches/yingtaogou/reports/${DAY}`, { token: secretary });
    expect(detail.body.report).toMatchObject({ status: 'on_time', version: 1, content: { counts: { householdsVisited: 3 }, photos: [] } });
    expect(detail.body.revisions).toHaveLength(1);
    expect(detail.body.report.lastIdempotencyKey).toBeUndefined();
  });

  it('a new first submission with another key is a conflict, not an overwrite', async () => {
    const res = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, {
      token: secretary,
      body: { content: content('覆盖？'), idempotencyKey: 'other-key-0123456789abcd' },
    });
    expect([res.status, res.body.code]).toEqual([409, 'CONFLICT']);
  });

  it('an edit carries the version; a stale edit gets 409 and the last write does not silently win', async () => {
    const first = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, {
      token: secretary,
      body: { content: content('书记补充'), idempotencyKey: 'edit-key-1-0123456789ab', expectedVersion: 1 },
    });
    expect([first.status, first.body.report.version]).toEqual([200, 2]);
    const stale = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, {
      token: cadre,
      body: { content: content('干部也改'), idempotencyKey: 'edit-key-2-0123456789ab', expectedVersion: 1 },
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    // The retried first edit replays instead of failing or applying twice.
    const replay = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, {
      token: secretary,
      body: { content: content('书记补充'), idempotencyKey: 'edit-key-1-0123456789ab', expectedVersion: 1 },
    });
    expect([replay.status, replay.body.replayed, replay.body.report.version]).toEqual([200, true, 2]);
    const detail = await stack.call('GET', `/v1/branches/yingtaogou/reports/${DAY}`, { token: cadre });
    expect(detail.body.report.content.items[0].text).toBe('书记补充');
    expect(detail.body.revisions.map((r: { version: number; editedByName: string }) => [r.version, r.editedByName])).toEqual([
      [1, '李明（村干部）'],
      [2, '张书记（支部书记）'],
    ]);
    expect((await counters()).township).toEqual({ submitted: 1, onTime: 1, late: 0 });
  });

  it('the secretary comments (批注) and the cadre sees it', async () => {
    const c = await stack.call('POST', `/v1/branches/yingtaogou/reports/${DAY}/comments`, {
      token: secretary,
      body: { text: '内容翔实，明天注意拍照留痕' },
    });
    expect(c.status).toBe(201);
    const detail = await stack.call('GET', `/v1/branches/yingtaogou/reports/${DAY}`, { token: cadre });
    expect(detail.body.comments.map((x: { text: string; authorRole: string }) => [x.text, x.authorRole])).toEqual([
      ['内容翔实，明天注意拍照留痕', '支部书记'],
    ]);
    const byCadre = await stack.call('POST', `/v1/branches/yingtaogou/reports/${DAY}/comments`, {
      token: cadre,
      body: { text: '我也批注' },
    });
    expect(byCadre.status).toBe(403);
  });

  it('the township sees branch by branch who filed, who is late and who is missing', async () => {
    const staff = await stack.tokenFor(DEMO.district_admin);
    const res = await stack.call('GET', '/v1/townships/demo-gwh/compliance', { token: staff, query: { day: DAY } });
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ branches: 8, expected: 8, onTime: 1, missing: 7, rate: 1 / 8 });
    expect(res.body.branches.find((b: { branchId: string }) => b.branchId === 'yingtaogou').status).toBe('on_time');
    expect(res.body.deadlinePassed).toBe(false);
  });

  it('the district sees each township’s rate from the rollups', async () => {
    const admin = await stack.tokenFor(DEMO.district_admin);
    const res = await stack.call('GET', '/v1/compliance', { token: admin, query: { day: DAY } });
    expect(res.body.townships).toHaveLength(18);
    const gwh = res.body.townships.find((t: { townshipId: string }) => t.townshipId === 'demo-gwh');
    expect(gwh.counts).toMatchObject({ branches: 8, onTime: 1, missing: 7 });
    expect(res.body.totals).toMatchObject({ onTime: 1, expected: 153 });
    const leader = await stack.call('GET', '/v1/compliance', { token: await stack.tokenFor(DEMO.leader), query: { day: DAY } });
    expect(leader.body.townships.map((t: { townshipId: string }) => t.townshipId)).toEqual(['wulibao', 'dehuajie']);
  });

  it('a branch on leave is exempt; a holiday exempts everyone who did not file', async () => {
    const staff = await stack.tokenFor(DEMO.township_staff); // 五里堡街道
    const leave = await stack.call('POST', '/v1/exemptions', {
      token: staff,
      body: { day: DAY, branchId: 'jianxinnanjie', reason: '社区换届' },
    });
    expect(leave.status).toBe(201);
    expect(
      (await stack.call('POST', '/v1/exemptions', { token: staff, body: { day: DAY, branchId: 'jianxinnanjie', reason: '重复' } })).status,
    ).toBe(409);
    expect(
      (await stack.call('POST', '/v1/exemptions', { token: staff, body: { day: DAY, branchId: 'yingtaogou', reason: '越权' } })).status,
    ).toBe(403);
    expect((await stack.call('POST', '/v1/exemptions', { token: staff, body: { day: DAY, reason: '节日' } })).status).toBe(403);
    const day = await stack.call('GET', '/v1/townships/wulibao/compliance', { token: staff, query: { day: DAY } });
    expect(day.body.counts).toMatchObject({ branches: 9, exempt: 1, expected: 8, missing: 8 });
    const admin = await stack.tokenFor(DEMO.district_admin);
    const district = await stack.call('GET', '/v1/compliance', { token: admin, query: { day: DAY } });
    expect(district.body.townships.find((t: { townshipId: string }) => t.townshipId === 'wulibao').counts).toMatchObject({
      exempt: 1,
      missing: 8,
    });
    const holiday = await stack.call('POST', '/v1/exemptions', { token: admin, body: { day: '2026-11-28', reason: '示例节假日' } });
    expect(holiday.status).toBe(201);
    const next = await stack.call('GET', '/v1/townships/wulibao/compliance', { token: staff, query: { day: '2026-11-28' } });
    expect(next.body.counts).toMatchObject({ exempt: 9, expected: 0, rate: 1 });
    expect((await stack.call('DELETE', `/v1/exemptions/${holiday.body.id}`, { token: staff })).status).toBe(403);
    expect((await stack.call('DELETE', `/v1/exemptions/${holiday.body.id}`, { token: admin })).status).toBe(200);
  });

  it('the branch month view colours every day', async () => {
    const res = await stack.call('GET', '/v1/branches/yingtaogou/calendar', { token: cadre, query: { month: '2026-11' } });
    expect(res.status).toBe(200);
    const byDay = Object.fromEntries(res.body.days.map((d: { day: string; status: string }) => [d.day, d.status]));
    expect(byDay[DAY]).toBe('on_time');
    expect(byDay['2026-11-26']).toBe('missing');
    expect(byDay['2026-11-28']).toBe('upcoming');
    expect(res.body.counts).toMatchObject({ onTime: 1, missing: 26, exempt: 0 });
    const list = await stack.call('GET', '/v1/branches/yingtaogou/reports', {
      token: cadre,
      query: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(list.body.reports).toEqual([
      expect.objectContaining({ day: DAY, status: 'on_time', itemCount: 1, stars: ['industry'], version: 2 }),
    ]);
  });
});

describe('daily report rules', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date('2026-11-27T15:30:00.000Z') } }); // 23:30 Shanghai
  });

  it('after the deadline a first submission is late; a day too old or in the future is refused', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre);
    const late = await stack.call('PUT', '/v1/branches/yingtaogou/reports/2026-11-27', {
      token: cadre,
      body: { content: content(), idempotencyKey: 'late-key-0123456789abcd' },
    });
    expect([late.status, late.body.report.status]).toEqual([201, 'late']);
    const yesterday = await stack.call('PUT', '/v1/branches/yingtaogou/reports/2026-11-26', {
      token: cadre,
      body: { content: content(), idempotencyKey: 'back-key-0123456789abcd' },
    });
    expect([yesterday.status, yesterday.body.report.status]).toEqual([201, 'late']);
    const old = await stack.call('PUT', '/v1/branches/yingtaogou/reports/2026-11-25', {
      token: cadre,
      body: { content: content(), idempotencyKey: 'old-key-0123456789abcde' },
    });
    expect([old.status, old.body.details[0].path]).toEqual([400, 'params.day']);
    const ahead = await stack.call('PUT', '/v1/branches/yingtaogou/reports/2026-11-28', {
      token: cadre,
      body: { content: content(), idempotencyKey: 'ahead-key-0123456789abc' },
    });
    expect([ahead.status, ahead.body.details[0].code]).toEqual([400, 'future_day']);
  });

  it('the district admin changes the rules and they apply at once', async () => {
    const admin = await stack.tokenFor(DEMO.district_admin);
    const put = await stack.call('PUT', '/v1/daily-rules', {
      token: admin,
      body: { deadline: '23:45', maxBackfillDays: 0, reminderTime: '21:00' },
    });
    expect(put.status).toBe(200);
    const secretary = await stack.tokenFor(DEMO.secretary);
    expect((await stack.call('GET', '/v1/daily-rules', { token: secretary })).body.deadline).toBe('23:45');
    const staff = await stack.tokenFor(DEMO.township_staff);
    expect(
      (await stack.call('PUT', '/v1/daily-rules', { token: staff, body: { deadline: '23:00', maxBackfillDays: 1, reminderTime: '21:00' } }))
        .status,
    ).toBe(403);
    const s2 = await stack.call('PUT', '/v1/branches/jianxinnanjie/reports/2026-11-26', {
      token: secretary,
      body: { content: content(), idempotencyKey: 'nope-key-0123456789abcd' },
    });
    expect(s2.status).toBe(404); // not their branch
  });
});
