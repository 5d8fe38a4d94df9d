import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const key = (n: string | number) => `letter-key-${n}-0123456789`;
const letter = (p: Record<string, unknown> = {}) => ({
  branchId: 'jianxinnanjie',
  category: 'complaint',
  text: '小区门口路灯坏了一个月，晚上出行不安全',
  anonymous: true,
  ...p,
});

describe('清风邮局 on DynamoDB Local', () => {
  let stack: TestStack;
  let resident: string;
  let handler: string;
  let inspector: string;
  let discipline: string;
  beforeAll(async () => {
    stack = await createTestStack();
    resident = await stack.tokenFor(DEMO.resident);
    handler = await stack.tokenFor(DEMO.station_handler); // 建新南街社区
    inspector = await stack.tokenFor(DEMO.inspector); // district-wide 督导员: 四不两直, not 廉情
    discipline = await stack.tokenFor(DEMO.discipline); // 五里堡街道纪工委
  });

  const write = (body: Record<string, unknown>, token = resident) => stack.call('POST', '/v1/letters', { token, body });
  const act = (id: string, body: Record<string, unknown>, token = handler) =>
    stack.call('POST', `/v1/letters/cases/${id}/actions`, { token, body });

  it('runs the whole loop: write → accept → reply → 不满意 → 复核 → reply → rate → archived', async () => {
    const w = await write(letter({ idempotencyKey: key('loop') }));
    expect(w.status).toBe(201);
    expect(w.body.letter).toMatchObject({ status: 'submitted', anonymous: true, canRate: false });
    expect(w.body.letter.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const id = w.body.letter.id;

    const queue = await stack.call('GET', '/v1/letters/cases', { token: handler });
    expect(queue.body.letters.map((l: { id: string }) => l.id)).toContain(id);

    let c = await act(id, { action: 'accept', version: 1, note: '已登记，三日内上门查看' });
    expect([c.status, c.body.letter.status, c.body.letter.writerName]).toEqual([200, 'accepted', '匿名']);
    expect(c.body.letter.actions).toEqual(['transfer', 'note', 'reply', 'schedule']);
    c = await act(id, { action: 'note', version: 2, text: '联系了物业电工', internal: true });
    c = await act(id, { action: 'reply', version: 3, text: '路灯已于今日修复，感谢监督' });
    expect(c.body.letter.status).toBe('replied');

    const mine = await stack.call('GET', '/v1/letters/mine', { token: resident });
    const my = mine.body.letters.find((l: { id: string }) => l.id === id);
    expect(my.canRate).toBe(true);
    // The internal note is not shown to the writer.
    expect(my.timeline.map((t: { kind: string }) => t.kind)).toEqual(['submitted', 'accepted', 'replied']);

    const r1 = await stack.call('POST', `/v1/letters/mine/${id}/rating`, {
      token: resident,
      body: { rating: 'unsatisfied', comment: '另一盏还没修' },
    });
    expect(r1.body.letter.status).toBe('reopened');
    c = await act(id, { action: 'reply', version: 5, text: '两盏路灯均已修复' });
    const r2 = await stack.call('POST', `/v1/letters/mine/${id}/rating`, { token: resident, body: { rating: 'unsatisfied' } });
    expect(r2.body.letter.status).toBe('archived'); // the review round is used only once
    const again = await stack.call('POST', `/v1/letters/mine/${id}/rating`, { token: resident, body: { rating: 'satisfied' } });
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    // Every state change left an audit record: who, when, from, to.
    const audit = (await stack.snapshot()).filter((i) => i.pk === `LETTER#${id}` && String(i.sk).startsWith('AUDIT#'));
    expect(audit.map((a) => `${a.action}:${a.from}->${a.to}`)).toEqual([
      'submit:->submitted',
      'accept:submitted->accepted',
      'note:accepted->accepted',
      'reply:accepted->replied',
      'rate:replied->reopened',
      'reply:reopened->replied',
      'rate:replied->archived',
    ]);
    expect(audit.filter((a) => a.actor === 'writer')).toHaveLength(3);
    expect(audit.filter((a) => a.actor === DEMO.station_handler)).toHaveLength(4);
  });

  it('two handlers acting at once: exactly one wins', async () => {
    const w = await write(letter({ idempotencyKey: key('race') }));
    const id = w.body.letter.id;
    const [a, b] = await Promise.all([
      act(id, { action: 'accept', version: 1 }),
      act(id, { action: 'decline', version: 1, reason: '重复来信' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const c = await stack.call('GET', `/v1/letters/cases/${id}`, { token: handler });
    expect(c.body.letter.version).toBe(2);
  });

  it('illegal transitions get 409 and change nothing', async () => {
    const w = await write(letter({ idempotencyKey: key('illegal') }));
    const id = w.body.letter.id;
    const before = await stack.snapshot();
    const res = await act(id, { action: 'reply', version: 1, text: '还没受理就答复' });
    expect([res.status, res.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(await stack.snapshot()).toEqual(before);
  });

  it('a retried send replays; past 5 letters a day the writer is refused', async () => {
    const other = await stack.tokenFor(DEMO.leader); // any WeChat user may write; a fresh writer here
    const first = await write(letter({ idempotencyKey: key('limit-0') }), other);
    const replay = await write(letter({ idempotencyKey: key('limit-0') }), other);
    expect([first.status, replay.status, replay.body.replayed, replay.body.letter.id]).toEqual([201, 200, true, first.body.letter.id]);
    for (let i = 1; i < 5; i++) expect((await write(letter({ idempotencyKey: key(`limit-${i}`) }), other)).status).toBe(201);
    const sixth = await write(letter({ idempotencyKey: key('limit-5') }), other);
    expect([sixth.status, sixth.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await stack.call('GET', '/v1/letters/mine', { token: other })).body.letters).toHaveLength(5);
  });

  it('the query code shows progress only: no text, no writer', async () => {
    const w = await write(letter({ idempotencyKey: key('track'), text: '楼道堆放杂物，存在消防隐患' }));
    const res = await stack.call('GET', `/v1/letters/track/${w.body.letter.queryCode}`, { token: await stack.tokenFor(DEMO.cadre) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', branchName: '建新南街社区', category: 'complaint' });
    expect(JSON.stringify(res.body)).not.toContain('消防隐患');
    expect((await stack.call('GET', '/v1/letters/track/ZZZZZZZZZZ', { token: resident })).status).toBe(404);
  });

  it('廉情 letters reach 纪检监察, never the community they name nor the 督导员', async () => {
    const w = await write(letter({ category: 'integrity', idempotencyKey: key('integrity'), text: '社区某干部收受物业好处' }));
    const id = w.body.letter.id;
    expect((await stack.call('GET', `/v1/letters/cases/${id}`, { token: handler })).status).toBe(404);
    expect((await stack.call('GET', '/v1/letters/cases', { token: handler })).body.letters.map((l: { id: string }) => l.id)).not.toContain(
      id,
    );
    const staff = await stack.tokenFor(DEMO.township_staff);
    expect((await stack.call('GET', `/v1/letters/cases/${id}`, { token: staff })).status).toBe(404);
    const seen = await stack.call('GET', `/v1/letters/cases/${id}`, { token: discipline });
    expect([seen.status, seen.body.letter.category]).toEqual([200, 'integrity']);
    expect((await stack.call('GET', '/v1/letters/cases', { token: discipline })).body.letters.map((l: { id: string }) => l.id)).toContain(
      id,
    );
    // The 督导员 (组织部's 四不两直 group) no longer reaches 廉情 letters at all.
    expect((await stack.call('GET', `/v1/letters/cases/${id}`, { token: inspector })).status).toBe(403);
    expect((await stack.call('GET', '/v1/letters/cases', { token: inspector })).status).toBe(403);
    expect((await act(id, { action: 'accept', version: 1 }, inspector)).status).toBe(403);
    expect((await act(id, { action: 'accept', version: 1 }, discipline)).status).toBe(200);
    expect((await act(id, { action: 'note', version: 2, text: '试图处理', internal: true })).status).toBe(404);
  });

  it('township staff oversee but do not act; a transfer moves the letter to the other community', async () => {
    // Another writer: the resident has used the day's five letters above.
    const w = await write(letter({ idempotencyKey: key('transfer') }), await stack.tokenFor(DEMO.secretary));
    const id = w.body.letter.id;
    const staff = await stack.tokenFor(DEMO.township_staff);
    const overseen = await stack.call('GET', `/v1/letters/cases/${id}`, { token: staff });
    expect([overseen.status, overseen.body.letter.actions]).toEqual([200, []]);
    expect((await act(id, { action: 'accept', version: 1 }, staff)).status).toBe(403);
    const t = await act(id, { action: 'transfer', version: 1, toBranchId: 'wulibao-b02', reason: '属于相邻社区管辖' });
    expect(t.body.letter).toMatchObject({ status: 'submitted', branchId: 'wulibao-b02' });
    expect((await stack.call('GET', `/v1/letters/cases/${id}`, { token: handler })).status).toBe(404);
    const tracked = await stack.call('GET', `/v1/letters/track/${w.body.letter.queryCode}`, { token: resident });
    expect(tracked.body.timeline.at(-1)).toMatchObject({ kind: 'transferred' });
  });

  it('the district admin configures the SLA and the daily limit; new letters follow at once', async () => {
    const admin = await stack.tokenFor(DEMO.district_admin);
    const rules = { acceptWorkingDays: 5, replyWorkingDays: 10, autoArchiveDays: 3, perDayLimit: 1 };
    expect((await stack.call('PUT', '/v1/letter-rules', { token: await stack.tokenFor(DEMO.township_staff), body: rules })).status).toBe(
      403,
    );
    expect((await stack.call('PUT', '/v1/letter-rules', { token: admin, body: { ...rules, perDayLimit: 0 } })).status).toBe(400);
    expect((await stack.call('PUT', '/v1/letter-rules', { token: admin, body: rules })).status).toBe(200);
    expect((await stack.call('GET', '/v1/letter-rules', { token: resident })).body).toEqual(rules);
    const writer = await stack.tokenFor(DEMO.inspector);
    const first = await write(letter({ idempotencyKey: key('rules-1') }), writer);
    const created = Date.parse(first.body.letter.createdAt);
    const c = await stack.call('GET', `/v1/letters/cases/${first.body.letter.id}`, { token: handler });
    // Five working days ahead: at least a full week of calendar time.
    expect(Date.parse(c.body.letter.acceptBy) - created).toBeGreaterThan(6 * 86_400_000);
    expect((await write(letter({ idempotencyKey: key('rules-2') }), writer)).status).toBe(429);
  });
});
