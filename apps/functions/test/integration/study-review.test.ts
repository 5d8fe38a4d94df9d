import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/** 学讲评 lists on DynamoDB Local, through the API app Lambda runs; the clock moves from February into March. */
describe('学讲评 lists on DynamoDB Local', () => {
  let stack: TestStack;
  let now = new Date('2026-02-10T02:00:00.000Z');
  // Tokens are issued on the moving clock, so each call gets a fresh one (a February token has expired in March).
  const cadre: string = DEMO.cadre;
  const secretary: string = DEMO.secretary;
  const gwhStaff: string = 'demo-township-staff-gwh';
  const as = async (user: string) => stack.tokenFor(user);
  const board = async (month: string, token = cadre) =>
    stack.call('GET', `/v1/branches/yingtaogou/reviews/${month}`, { token: await as(token) });
  const add = async (month: string, body: Record<string, unknown>, token = cadre) =>
    stack.call('POST', `/v1/branches/yingtaogou/reviews/${month}/items`, { token: await as(token), body });
  const act = async (id: string, body: Record<string, unknown>, token = cadre) =>
    stack.call('POST', `/v1/branches/yingtaogou/review-items/${id}/actions`, { token: await as(token), body });

  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
  });

  it('a month’s four lists: add, progress, done with a note; open items carry over as 往期 until done', async () => {
    // February: a difficulty with a due day, a problem solved within the month, a measure left open.
    const difficulty = await add('2026-02', {
      id: '01KREVIEWDIFF000000000001',
      list: 'difficulty',
      text: '樱桃冷库用电不稳',
      owner: '李明',
      due: '2026-02-28',
    });
    expect([difficulty.status, difficulty.body]).toEqual([
      201,
      expect.objectContaining({ period: '2026-02', status: 'open', version: 1, carried: false, overdue: false }),
    ]);
    const problem = await add('2026-02', { id: '01KREVIEWPROB000000000001', list: 'problem', text: '党员会议到会率低', owner: '张书记' });
    const measure = await add(
      '2026-02',
      { id: '01KREVIEWMEAS000000000001', list: 'measure', text: '每周二集中学习', owner: '张书记' },
      secretary,
    );
    expect(measure.body.history[0].byName).toContain('张书记');

    const started = await act(problem.body.id, { action: 'start', version: 1, note: '逐户通知' });
    expect([started.status, started.body.status, started.body.version]).toEqual([200, 'in_progress', 2]);
    const done = await act(problem.body.id, { action: 'done', version: 2, note: '改为晚上开会，到会率 92%' }, secretary);
    expect(done.body).toMatchObject({ status: 'done', doneNote: '改为晚上开会，到会率 92%', doneDay: '2026-02-10', version: 3 });

    const feb = await board('2026-02');
    expect(feb.body.items.map((i: { list: string; status: string }) => [i.list, i.status])).toEqual([
      ['difficulty', 'open'],
      ['problem', 'done'],
      ['measure', 'open'],
    ]);

    // March: the open February items show as 往期 (the difficulty overdue), the solved problem is gone.
    now = new Date('2026-03-03T02:00:00.000Z');
    await add('2026-03', { id: '01KREVIEWSOLU000000000001', list: 'solution', text: '申请专用变压器', owner: '李明', due: '2026-03-31' });
    const mar = await board('2026-03', gwhStaff);
    expect(mar.status).toBe(200);
    expect(mar.body).toMatchObject({ branchId: 'yingtaogou', branchName: '樱桃沟社区', townshipId: 'demo-gwh', month: '2026-03' });
    expect(
      mar.body.items.map((i: { list: string; period: string; carried: boolean; overdue: boolean }) => [
        i.list,
        i.period,
        i.carried,
        i.overdue,
      ]),
    ).toEqual([
      ['difficulty', '2026-02', true, true],
      ['solution', '2026-03', false, false],
      ['measure', '2026-02', true, false],
    ]);
    // February still shows what it had; January nothing.
    expect((await board('2026-02')).body.items).toHaveLength(3);
    expect((await board('2026-01')).body.items).toEqual([]);

    // Done in March: still on March (done), gone from April; reopened with a reason: back on April.
    const fixed = await act(difficulty.body.id, { action: 'done', version: 1, note: '专用变压器已接通' });
    expect(fixed.body).toMatchObject({ status: 'done', doneDay: '2026-03-03', carried: true });
    expect((await board('2026-03')).body.items.find((i: { id: string }) => i.id === difficulty.body.id)).toMatchObject({
      status: 'done',
      carried: true,
      overdue: false,
    });
    now = new Date('2026-04-02T02:00:00.000Z');
    expect((await board('2026-04')).body.items.map((i: { id: string }) => i.id)).toEqual([`01KREVIEWSOLU000000000001`, measure.body.id]);
    const reopened = await act(difficulty.body.id, { action: 'reopen', version: 2, note: '又跳闸了' });
    expect(reopened.body).toMatchObject({ status: 'open', version: 3 });
    expect(reopened.body.doneDay).toBeUndefined();
    expect(reopened.body.history.map((h: { action: string }) => h.action)).toEqual(['created', 'done', 'reopened']);
    expect((await board('2026-04')).body.items[0]).toMatchObject({ id: difficulty.body.id, carried: true, overdue: true });
  });

  it('a retried add answers the same item; another add under that id, a stale version or a future month are refused', async () => {
    now = new Date('2026-04-02T02:00:00.000Z');
    const body = { id: '01KREVIEWRETRY00000000001', list: 'problem', text: '道路照明不足', owner: '李明', due: '2026-04-30' };
    const first = await add('2026-04', body);
    const before = await stack.snapshot();
    const again = await add('2026-04', body);
    expect([again.status, again.body]).toEqual([201, first.body]);
    const other = await add('2026-04', { ...body, text: '别的问题' });
    expect([other.status, other.body.code]).toEqual([409, 'CONFLICT']);
    expect(await stack.snapshot()).toEqual(before);

    await act(body.id, { action: 'edit', version: 1, text: '主干道照明不足', owner: '王委员', due: null });
    // The edit retried after a lost answer: the same item back, no new version.
    const retried = await act(body.id, { action: 'edit', version: 1, text: '主干道照明不足', owner: '王委员', due: null });
    expect([retried.status, retried.body.version]).toEqual([200, 2]);
    const stale = await act(body.id, { action: 'start', version: 1 }, secretary);
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const illegal = await act(body.id, { action: 'reopen', version: 2, note: '原因' });
    expect([illegal.status, illegal.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const item = (await board('2026-04')).body.items.find((i: { id: string }) => i.id === body.id);
    expect(item).toMatchObject({ text: '主干道照明不足', owner: '王委员', version: 2 });
    expect(item.due).toBeUndefined();

    const future = await add('2026-05', { ...body, id: '01KREVIEWFUTURE0000000001' });
    expect([future.status, future.body.details[0].path]).toEqual([400, 'params.month']);
    expect((await act('01KREVIEWNOSUCH0000000001', { action: 'start', version: 1 })).status).toBe(404);
  });

  it('the township summary: per branch open and done per list, and overdue open items', async () => {
    now = new Date('2026-04-02T02:00:00.000Z');
    const res = await stack.call('GET', '/v1/townships/demo-gwh/reviews/2026-04', { token: await as(gwhStaff) });
    expect(res.status).toBe(200);
    expect(res.body.township).toEqual({ id: 'demo-gwh', name: '示例管委会' });
    const ytg = res.body.branches.find((b: { branchId: string }) => b.branchId === 'yingtaogou');
    expect(ytg.lists).toEqual({
      difficulty: { open: 1, done: 0 },
      problem: { open: 1, done: 0 },
      solution: { open: 1, done: 0 },
      measure: { open: 1, done: 0 },
    });
    expect(ytg.overdue).toEqual([
      { id: '01KREVIEWDIFF000000000001', list: 'difficulty', text: '樱桃冷库用电不稳', owner: '李明', due: '2026-02-28' },
      { id: '01KREVIEWSOLU000000000001', list: 'solution', text: '申请专用变压器', owner: '李明', due: '2026-03-31' },
    ]);
    expect(res.body.branches).toHaveLength(8);
    const quiet = res.body.branches.find((b: { branchId: string }) => b.branchId !== 'yingtaogou');
    expect(quiet.lists.problem).toEqual({ open: 0, done: 0 });
    const march = await stack.call('GET', '/v1/townships/demo-gwh/reviews/2026-03', { token: await stack.tokenFor(DEMO.inspector) });
    expect(march.body.branches.find((b: { branchId: string }) => b.branchId === 'yingtaogou').lists.difficulty).toEqual({
      open: 1,
      done: 0,
    });
  });

  it('scope: another branch’s lists, another township’s staff or leader → 403; nothing is written', async () => {
    const before = await stack.snapshot();
    const staff: string = DEMO.township_staff; // 五里堡街道
    const leader: string = DEMO.leader; // 五里堡 + 德化街
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/reviews/2026-04', { token: await as(cadre) })).status).toBe(403);
    const write = await stack.call('POST', '/v1/branches/jianxinnanjie/reviews/2026-04/items', {
      token: await as(cadre),
      body: { id: '01KREVIEWOTHER00000000001', list: 'problem', text: '越权', owner: '李明' },
    });
    expect([write.status, write.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect(
      (
        await stack.call('POST', '/v1/branches/jianxinnanjie/review-items/01KREVIEWDIFF000000000001/actions', {
          token: await as(cadre),
          body: { action: 'start', version: 1 },
        })
      ).status,
    ).toBe(403);
    expect((await board('2026-04', staff)).status).toBe(403);
    expect((await board('2026-04', leader)).status).toBe(403);
    expect((await stack.call('GET', '/v1/townships/demo-gwh/reviews/2026-04', { token: await as(staff) })).status).toBe(403);
    expect((await stack.call('GET', '/v1/townships/demo-gwh/reviews/2026-04', { token: await as(leader) })).status).toBe(403);
    expect((await stack.call('GET', '/v1/townships/nowhere/reviews/2026-04', { token: await as(staff) })).status).toBe(403);
    expect(
      (await stack.call('GET', '/v1/townships/nowhere/reviews/2026-04', { token: await stack.tokenFor(DEMO.district_admin) })).status,
    ).toBe(404);
    expect((await stack.call('GET', '/v1/branches/nowhere/reviews/2026-04', { token: await as(cadre) })).status).toBe(403);
    const staffWrite = await act('01KREVIEWDIFF000000000001', { action: 'start', version: 3 }, gwhStaff);
    expect([staffWrite.status, staffWrite.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(await stack.snapshot()).toEqual(before);
    // Readers within scope: the leader reads a branch of 五里堡, the district admin reads 樱桃沟.
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/reviews/2026-04', { token: await as(leader) })).status).toBe(200);
    expect((await board('2026-04', DEMO.district_admin)).body.items.length).toBeGreaterThan(0);
  });
});
