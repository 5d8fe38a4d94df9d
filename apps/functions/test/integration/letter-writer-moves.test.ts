import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const key = (n: string | number) => `writer-move-key-${n}-0123456789`;
const letter = (idempotencyKey: string) => ({
  branchId: 'jianxinnanjie',
  category: 'complaint',
  text: '楼下餐馆油烟直排，窗户都不敢开',
  anonymous: true,
  idempotencyKey,
});

type Rates = { received: number; respondedInTime: number; accepted: number };

describe('撤回 and 补充 on DynamoDB Local, racing the handler', () => {
  let stack: TestStack;
  let resident: string;
  let handler: string;
  beforeAll(async () => {
    stack = await createTestStack();
    resident = await stack.tokenFor(DEMO.resident);
    handler = await stack.tokenFor(DEMO.station_handler); // 建新南街社区
    // The races below need more than a resident's five letters a day.
    const admin = await stack.tokenFor(DEMO.district_admin);
    const rules = await stack.call('PUT', '/v1/letter-rules', {
      token: admin,
      body: { acceptWorkingDays: 2, replyWorkingDays: 15, autoArchiveDays: 7, perDayLimit: 50 },
    });
    expect(rules.status).toBe(200);
  });

  const write = async (k: string) => {
    const res = await stack.call('POST', '/v1/letters', { token: resident, body: letter(k) });
    expect(res.status).toBe(201);
    return res.body.letter as { id: string; version: number; canWithdraw: boolean; canSupplement: boolean };
  };
  const accept = (id: string, version = 1) =>
    stack.call('POST', `/v1/letters/cases/${id}/actions`, { token: handler, body: { action: 'accept', version } });
  const withdraw = (id: string, version = 1, token = resident) =>
    stack.call('POST', `/v1/letters/mine/${id}/withdrawal`, { token, body: { version } });
  const supplement = (id: string, body: Record<string, unknown>) =>
    stack.call('POST', `/v1/letters/mine/${id}/supplements`, { token: resident, body: { version: 1, ...body } });
  /** 建新南街社区's 三率 counters this month (the letters above were received now). */
  const rates = async (): Promise<Rates> => {
    const res = await stack.call('GET', '/v1/letters/stats', { token: handler });
    expect(res.status).toBe(200);
    return res.body.communities.find((c: { branchId: string }) => c.branchId === 'jianxinnanjie').rates;
  };
  const lettersOf = async () => (await stack.snapshot()).filter((i) => String(i.pk).startsWith('LETTER#'));

  it('a writer withdraws before acceptance: closed, out of `received`, and the handler can no longer accept', async () => {
    const before = await rates();
    const l = await write(key('withdraw'));
    expect([l.canWithdraw, l.canSupplement, l.version]).toEqual([true, true, 1]);
    expect((await rates()).received).toBe(before.received + 1);

    const w = await withdraw(l.id);
    expect(w.status).toBe(200);
    expect(w.body.letter).toMatchObject({ status: 'withdrawn', canWithdraw: false, canSupplement: false, version: 2 });
    expect(w.body.letter.answerBy).toBeUndefined();
    expect(w.body.letter.timeline.map((t: { kind: string }) => t.kind)).toEqual(['submitted', 'withdrawn']);
    // Never owed an answer: it counts neither as received nor as answered.
    expect(await rates()).toMatchObject({ received: before.received, respondedInTime: before.respondedInTime });

    const late = await accept(l.id, 2);
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const open = await stack.call('GET', '/v1/letters/cases', { token: handler });
    expect(open.body.letters.map((c: { id: string }) => c.id)).not.toContain(l.id);
    const closed = await stack.call('GET', '/v1/letters/cases', { token: handler, query: { status: 'closed' } });
    expect(closed.body.letters.find((c: { id: string }) => c.id === l.id)?.status).toBe('withdrawn');

    // A repeat (its answer lost) answers the withdrawn letter and changes nothing more.
    const snapshot = await stack.snapshot();
    const again = await withdraw(l.id, 1);
    expect([again.status, again.body.letter.status]).toEqual([200, 'withdrawn']);
    expect(await stack.snapshot()).toEqual(snapshot);
  });

  it('only the writer withdraws, and not once the letter is accepted', async () => {
    const l = await write(key('accepted-first'));
    expect((await withdraw(l.id, 1, await stack.tokenFor(DEMO.cadre))).status).toBe(404);
    expect((await withdraw(l.id, 1, handler)).status).toBe(404);
    expect((await accept(l.id)).status).toBe(200);
    const res = await withdraw(l.id, 2);
    expect([res.status, res.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const mine = await stack.call('GET', '/v1/letters/mine', { token: resident });
    const my = mine.body.letters.find((x: { id: string }) => x.id === l.id);
    expect(my).toMatchObject({ status: 'accepted', canWithdraw: false, canSupplement: true });
    expect(my.answerBy.kind).toBe('reply');
  });

  it('撤回 racing the handler’s accept: exactly one wins, and the counters agree with the winner', async () => {
    const before = await rates();
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const l = await write(key(`race-w-${i}`));
      const [a, w] = await Promise.all([accept(l.id), withdraw(l.id)]);
      expect([a.status, w.status].sort(), `round ${i}`).toEqual([200, 409]);
      const winner = a.status === 200 ? 'accepted' : 'withdrawn';
      outcomes.push(winner);
      const items = (await lettersOf()).filter((x) => x.pk === `LETTER#${l.id}`);
      const stored = items.find((x) => x.sk === 'LETTER');
      expect([stored?.status, stored?.version]).toEqual([winner, 2]);
      // One move, one timeline entry and one audit record beyond the submission.
      expect(items.filter((x) => String(x.sk).startsWith('TL#')).map((x) => x.kind)).toEqual(['submitted', winner]);
      expect(items.filter((x) => String(x.sk).startsWith('AUDIT#'))).toHaveLength(2);
    }
    const accepted = outcomes.filter((o) => o === 'accepted').length;
    const after = await rates();
    expect(after.received - before.received).toBe(accepted);
    expect(after.accepted - before.accepted).toBe(accepted);
    expect(after.respondedInTime - before.respondedInTime).toBe(accepted);
  });

  it('a 补充 shows on the handler’s timeline and in the writer’s; a retry adds it once', async () => {
    const l = await write(key('supplement'));
    const s = await supplement(l.id, { text: '补充：每天晚上六点到九点最严重', idempotencyKey: key('supp-1') });
    expect(s.status).toBe(200);
    expect(s.body.letter).toMatchObject({ status: 'submitted', version: 2, canWithdraw: true });
    const retry = await supplement(l.id, { text: '补充：每天晚上六点到九点最严重', idempotencyKey: key('supp-1') });
    expect([retry.status, retry.body.letter.version]).toEqual([200, 2]);

    const c = await stack.call('GET', `/v1/letters/cases/${l.id}`, { token: handler });
    const added = c.body.letter.timeline.filter((t: { kind: string }) => t.kind === 'supplemented');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ text: '补充：每天晚上六点到九点最严重', actor: '居民', internal: false });
    expect(c.body.letter.version).toBe(2);

    // The handler must have seen the 补充 to accept: the version it accepts on is the new one.
    expect((await accept(l.id, 1)).status).toBe(409);
    expect((await accept(l.id, 2)).status).toBe(200);
    const later = await supplement(l.id, { version: 3, text: '今天又排了一次油烟', idempotencyKey: key('supp-2') });
    expect([later.status, later.body.letter.status, later.body.letter.version]).toEqual([200, 'accepted', 4]);
  });

  it('补充 racing the handler’s accept: exactly one wins, and the letter holds only the winner’s move', async () => {
    for (let i = 0; i < 6; i++) {
      const l = await write(key(`race-s-${i}`));
      const [a, s] = await Promise.all([
        accept(l.id),
        supplement(l.id, { text: `第 ${i} 次补充说明`, idempotencyKey: key(`race-s-k-${i}`) }),
      ]);
      expect([a.status, s.status].sort(), `round ${i}`).toEqual([200, 409]);
      const items = (await lettersOf()).filter((x) => x.pk === `LETTER#${l.id}`);
      const stored = items.find((x) => x.sk === 'LETTER');
      const kinds = items.filter((x) => String(x.sk).startsWith('TL#')).map((x) => x.kind);
      expect(stored?.version).toBe(2);
      if (a.status === 200) {
        expect([stored?.status, stored?.supplements, kinds]).toEqual(['accepted', undefined, ['submitted', 'accepted']]);
        // The loser's idempotency marker was not kept: the writer's retry on the new version goes through.
        expect(items.some((x) => String(x.sk).startsWith('SUPP#'))).toBe(false);
      } else {
        expect([stored?.status, stored?.supplements, kinds]).toEqual(['submitted', 1, ['submitted', 'supplemented']]);
      }
    }
  });

  it('no 补充 once a letter is closed, nor past the limit; a bad body changes nothing', async () => {
    const l = await write(key('closed'));
    expect((await withdraw(l.id)).status).toBe(200);
    const res = await supplement(l.id, { version: 2, text: '撤回后再补充', idempotencyKey: key('closed-s') });
    expect([res.status, res.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    const m = await write(key('limit'));
    for (let v = 1; v <= 5; v++) {
      const ok = await supplement(m.id, { version: v, text: `第 ${v} 条补充`, idempotencyKey: key(`limit-${v}`) });
      expect(ok.status).toBe(200);
    }
    const sixth = await supplement(m.id, { version: 6, text: '第 6 条补充', idempotencyKey: key('limit-6') });
    expect([sixth.status, sixth.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    const n = await write(key('bad-input'));
    const before = await stack.snapshot();
    const bad = await supplement(n.id, { text: ' ', idempotencyKey: key('bad') });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toContain('body.text');
    const foreign = await supplement(n.id, {
      text: '附一张照片',
      photos: ['letter/wulibao-b02/2026-11-27/01JABCDEFGHJKMNPQRSTVWXYZ1.jpg'],
      idempotencyKey: key('foreign'),
    });
    expect(foreign.status).toBe(400);
    expect(await stack.snapshot()).toEqual(before);
  });
});
