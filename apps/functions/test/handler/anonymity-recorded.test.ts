import { formatQueryCode } from '@chuangxing/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { officialGetRequests } from '../support/get-walk';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const NAME = '王秀兰';
const PHONE = '13987654321';
const OFFICIALS = [
  'cadre',
  'secretary',
  'township_staff',
  'inspector',
  'discipline',
  'station_handler',
  'leader',
  'district_admin',
] as const;

const recorded = (p: Record<string, unknown>) => ({
  branchId: 'jianxinnanjie',
  channel: 'paper',
  category: 'help',
  text: '独居老人家中水管漏水，需要帮忙联系维修',
  residentName: NAME,
  residentPhone: PHONE,
  ...p,
});

/** 代录: the station records a letter for a resident; the resident's name and phone reach only its handler. */
describe('代录 letters keep the resident sealed like an online writer', () => {
  let stack: TestStack;
  let handler: string;
  const logs: string[] = [];
  const letters: { id: string; queryCode: string }[] = [];

  beforeAll(async () => {
    const capture = (m: string, extra?: Record<string, unknown>) => logs.push(JSON.stringify({ m, ...extra }));
    stack = await createTestStack({ logger: { info: capture, warn: capture, error: capture } });
    handler = await stack.tokenFor(DEMO.station_handler);
    for (const body of [
      recorded({ idempotencyKey: 'recorded-key-1-0123456789' }),
      recorded({ category: 'integrity', channel: 'visit', text: '反映网格员办事收取好处费', idempotencyKey: 'recorded-key-2-0123456789' }),
    ]) {
      const res = await stack.call('POST', '/v1/letters/recorded', { token: handler, body });
      expect(res.status).toBe(201);
      // The slip carries what the resident needs to follow the letter, nothing about who they are.
      expect(JSON.stringify(res.body)).not.toContain(NAME);
      expect(JSON.stringify(res.body)).not.toContain(PHONE);
      logs.push(JSON.stringify(res.body));
      const code: string = res.body.slip.queryCode;
      const track = await stack.call('GET', `/v1/letters/track/${code}`, { token: handler });
      const queue = await stack.call('GET', '/v1/letters/cases', {
        token: body.category === 'integrity' ? await stack.tokenFor(DEMO.discipline) : handler,
      });
      const id = queue.body.letters.find((l: { queryCode: string }) => l.queryCode === code)?.id;
      expect([track.status, typeof id]).toEqual([200, 'string']);
      letters.push({ id, queryCode: code });
    }
    // The handler works it (a 代录 letter has no writer account to notify; the accept must still go through).
    const acted = await stack.call('POST', `/v1/letters/cases/${letters[0].id}/actions`, {
      token: handler,
      body: { action: 'accept', version: 1 },
    });
    expect(acted.status).toBe(200);
  });

  it.each(OFFICIALS)('as %s: no GET shows the resident, except the case to its own handler', async (role) => {
    const token = await stack.tokenFor(DEMO[role]);
    let reached = 0;
    for (const req of officialGetRequests(letters)) {
      const res = await stack.call('GET', req.path, { token, query: req.query });
      const text = JSON.stringify(res.body);
      const ownCase =
        (role === 'station_handler' && req.path === `/v1/letters/cases/${letters[0].id}`) ||
        (role === 'discipline' && req.path === `/v1/letters/cases/${letters[1].id}`);
      if (!ownCase) {
        expect(text, `${role} GET ${req.path}`).not.toContain(NAME);
        expect(text, `${role} GET ${req.path}`).not.toContain(PHONE);
      }
      if (res.status === 200 && req.path.startsWith('/v1/letters/cases/')) reached++;
    }
    // 纪检监察 reach the 廉情 one; the 督导员 no longer does.
    const expected = { station_handler: 1, discipline: 1, township_staff: 1, district_admin: 1 } as Record<string, number>;
    expect(reached).toBe(expected[role] ?? 0);
  });

  it('the handler sees the channel, the name and the number; overseers see 代录来信 only', async () => {
    const own = await stack.call('GET', `/v1/letters/cases/${letters[0].id}`, { token: handler });
    expect(own.body.letter).toMatchObject({ channel: 'paper', residentName: NAME, callbackPhone: PHONE, writerName: NAME });
    const staff = await stack.call('GET', `/v1/letters/cases/${letters[0].id}`, { token: await stack.tokenFor(DEMO.township_staff) });
    expect(staff.body.letter).toMatchObject({ channel: 'paper', writerName: '代录来信' });
    expect(staff.body.letter.residentName).toBeUndefined();
    expect(staff.body.letter.callbackPhone).toBeUndefined();
    // A 廉情 letter recorded at the station goes to 纪检监察 and leaves the station's reach.
    expect((await stack.call('GET', `/v1/letters/cases/${letters[1].id}`, { token: handler })).status).toBe(404);
    const timeline = own.body.letter.timeline.map((t: { kind: string; text?: string }) => `${t.kind}:${t.text ?? ''}`);
    expect(timeline[0]).toBe('submitted:居民纸质信件反映，由民情气象站代录');
  });

  it('nothing stored or logged holds the resident’s name or number in clear', async () => {
    const stored = JSON.stringify(
      (await stack.snapshot()).filter(
        (i) => String(i.pk).startsWith('LETTER#') || String(i.pk).startsWith('WRITER#') || String(i.pk).startsWith('LCODE#'),
      ),
    );
    expect(stored).not.toContain(NAME);
    expect(stored).not.toContain(PHONE);
    expect(logs.join('\n')).not.toContain(NAME);
    expect(logs.join('\n')).not.toContain(PHONE);
  });

  it('the resident follows it by the code as written on the slip: grouped, any case', async () => {
    const grouped = formatQueryCode(letters[0].queryCode).toLowerCase();
    expect(grouped).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/);
    const res = await stack.call('GET', `/v1/letters/track/${grouped}`, { token: await stack.tokenFor(DEMO.resident) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ queryCode: letters[0].queryCode, status: 'accepted', category: 'help' });
    expect(res.body.answerBy.kind).toBe('reply');
    expect(res.body.timeline.map((t: { kind: string }) => t.kind)).toEqual(['submitted', 'accepted']);
    expect(JSON.stringify(res.body)).not.toContain(NAME);
  });

  it('counts like any letter, replays a retry, and only the community’s own station records', async () => {
    const stats = await stack.call('GET', '/v1/letters/stats', { token: handler });
    const row = stats.body.communities.find((c: { branchId: string }) => c.branchId === 'jianxinnanjie');
    // The help letter is in the community's 三率; the 廉情 one is not (the supervisors' tally only).
    expect([row.rates.received, row.rates.accepted]).toEqual([1, 1]);
    const tally = await stack.call('GET', '/v1/letters/integrity-stats', { token: await stack.tokenFor(DEMO.discipline) });
    expect(tally.body.communities.find((c: { branchId: string }) => c.branchId === 'jianxinnanjie').rates.received).toBe(1);
    expect((await stack.call('GET', '/v1/letters/integrity-stats', { token: await stack.tokenFor(DEMO.inspector) })).status).toBe(403);

    const retry = await stack.call('POST', '/v1/letters/recorded', {
      token: handler,
      body: recorded({ idempotencyKey: 'recorded-key-1-0123456789' }),
    });
    expect([retry.status, retry.body.replayed, retry.body.slip.queryCode]).toEqual([200, true, letters[0].queryCode]);

    const before = await stack.snapshot();
    const elsewhere = await stack.call('POST', '/v1/letters/recorded', {
      token: handler,
      body: recorded({ branchId: 'wulibao-b02', idempotencyKey: 'recorded-key-3-0123456789' }),
    });
    expect(elsewhere.status).toBe(403);
    const cadre = await stack.call('POST', '/v1/letters/recorded', {
      token: await stack.tokenFor(DEMO.cadre),
      body: recorded({ idempotencyKey: 'recorded-key-4-0123456789' }),
    });
    expect(cadre.status).toBe(403);
    const bad = await stack.call('POST', '/v1/letters/recorded', {
      token: handler,
      body: recorded({ channel: 'email', residentPhone: '12345', idempotencyKey: 'recorded-key-5-0123456789' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.channel', 'body.residentPhone']);
    expect(await stack.snapshot()).toEqual(before);
  });
});
