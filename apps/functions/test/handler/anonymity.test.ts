import { beforeAll, describe, expect, it } from 'vitest';
import { officialGetRequests } from '../support/get-walk';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const WRITER_ID = 'anon-writer-7f3k';
const OPENID = 'oANONYMOUS-openid-x9';
const PHONE = '13812345678';
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

describe('anonymous means anonymous: no official route, response or log reveals the writer', () => {
  let stack: TestStack;
  const logs: string[] = [];
  const letters: { id: string; queryCode: string; callback: boolean }[] = [];

  beforeAll(async () => {
    const capture = (m: string, extra?: Record<string, unknown>) => logs.push(JSON.stringify({ m, ...extra }));
    stack = await createTestStack({ logger: { info: capture, warn: capture, error: capture } });
    await stack.deps.users.findOrCreateByOpenid(OPENID, {
      id: WRITER_ID,
      displayName: '微信用户',
      isDemo: false,
      createdAt: '2026-11-27T00:00:00.000Z',
    });
    const token = await stack.tokenFor(WRITER_ID);
    const bodies = [
      {
        branchId: 'jianxinnanjie',
        category: 'complaint',
        text: '夜间施工噪音扰民，多次反映未果',
        anonymous: true,
        idempotencyKey: 'anon-key-1-0123456789',
      },
      {
        branchId: 'jianxinnanjie',
        category: 'help',
        text: '独居老人需要上门助餐服务',
        anonymous: true,
        callbackPhone: PHONE,
        idempotencyKey: 'anon-key-2-0123456789',
      },
      {
        branchId: 'jianxinnanjie',
        category: 'integrity',
        text: '网格员收取办事好处费',
        anonymous: true,
        idempotencyKey: 'anon-key-3-0123456789',
      },
    ];
    for (const body of bodies) {
      const res = await stack.call('POST', '/v1/letters', { token, body });
      expect(res.status).toBe(201);
      letters.push({ id: res.body.letter.id, queryCode: res.body.letter.queryCode, callback: Boolean(body.callbackPhone) });
    }
    // Handlers work the letters, so action responses are walked too.
    const handler = await stack.tokenFor(DEMO.station_handler);
    const discipline = await stack.tokenFor(DEMO.discipline);
    for (const l of letters) {
      const t = l === letters[2] ? discipline : handler;
      const acted = await stack.call('POST', `/v1/letters/cases/${l.id}/actions`, { token: t, body: { action: 'accept', version: 1 } });
      expect(acted.status).toBe(200);
      logs.push(JSON.stringify(acted.body));
    }
  });

  /** Every GET route an official can reach, with real parameters for every letter. */
  const requests = () => officialGetRequests(letters);

  it.each(OFFICIALS)('as %s', async (role) => {
    const token = await stack.tokenFor(DEMO[role]);
    let reached = 0;
    for (const req of requests()) {
      const res = await stack.call('GET', req.path, { token, query: req.query });
      const text = JSON.stringify(res.body);
      expect(text, `${role} GET ${req.path}`).not.toContain(WRITER_ID);
      expect(text, `${role} GET ${req.path}`).not.toContain(OPENID);
      const isHandlerCase = role === 'station_handler' && req.path === `/v1/letters/cases/${letters[1].id}`;
      if (!isHandlerCase) expect(text, `${role} GET ${req.path}`).not.toContain(PHONE);
      if (res.status === 200 && req.path.startsWith('/v1/letters/cases/')) reached++;
    }
    // The walk really reached cases: the station handler its two, 纪检监察 the 廉情 one, overseers the two; the 督导员 none.
    const expected = { station_handler: 2, discipline: 1, township_staff: 2, district_admin: 2 } as Record<string, number>;
    expect(reached).toBe(expected[role] ?? 0);
  });

  it('the handler sees the phone only because the writer asked for a call-back', async () => {
    const res = await stack.call('GET', `/v1/letters/cases/${letters[1].id}`, { token: await stack.tokenFor(DEMO.station_handler) });
    expect(res.body.letter.callbackPhone).toBe(PHONE);
    const staff = await stack.call('GET', `/v1/letters/cases/${letters[1].id}`, { token: await stack.tokenFor(DEMO.township_staff) });
    expect(staff.body.letter.callbackPhone).toBeUndefined();
  });

  it('nothing stored in clear links the writer to a letter, and the logs never name the writer', async () => {
    const stored = JSON.stringify(
      (await stack.snapshot()).filter(
        (i) => String(i.pk).startsWith('LETTER#') || String(i.pk).startsWith('WRITER#') || String(i.pk).startsWith('LCODE#'),
      ),
    );
    expect(stored).not.toContain(WRITER_ID);
    expect(stored).not.toContain(OPENID);
    expect(stored).not.toContain(PHONE);
    expect(logs.join('\n')).not.toContain(WRITER_ID);
    expect(logs.length).toBeGreaterThan(3);
  });

  it('the writer still follows their own letters', async () => {
    const mine = await stack.call('GET', '/v1/letters/mine', { token: await stack.tokenFor(WRITER_ID) });
    expect(mine.body.letters.map((l: { id: string }) => l.id).sort()).toEqual(letters.map((l) => l.id).sort());
  });
});
