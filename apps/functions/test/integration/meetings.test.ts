import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('社区半月谈 on DynamoDB Local', () => {
  let stack: TestStack;
  let handler: string;
  let resident: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date('2026-11-27T02:00:00.000Z') } });
    handler = await stack.tokenFor(DEMO.station_handler);
    resident = await stack.tokenFor(DEMO.resident);
  });

  it('a handler accepts a letter, schedules it for 半月谈, records the minutes and replies; the writer sees each step', async () => {
    const w = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: 'jianxinnanjie',
        category: 'suggestion',
        text: '希望在社区开办老年人智能手机课堂',
        anonymous: true,
        idempotencyKey: 'meeting-key-0123456789ab',
      },
    });
    const id = w.body.letter.id;
    await stack.call('POST', `/v1/letters/cases/${id}/actions`, { token: handler, body: { action: 'accept', version: 1 } });

    const m = await stack.call('POST', '/v1/branches/jianxinnanjie/meetings', { token: handler, body: { date: '2026-12-03' } });
    expect([m.status, m.body.status]).toEqual([201, 'planned']);
    expect((await stack.call('POST', '/v1/branches/jianxinnanjie/meetings', { token: handler, body: { date: '2026-11-01' } })).status).toBe(
      400,
    );

    const stale = await stack.call('POST', `/v1/meetings/${m.body.id}/agenda`, {
      token: handler,
      body: { letterId: id, letterVersion: 1 },
    });
    expect(stale.status).toBe(409);
    const added = await stack.call('POST', `/v1/meetings/${m.body.id}/agenda`, {
      token: handler,
      body: { letterId: id, letterVersion: 2 },
    });
    expect(added.body.agenda.map((a: { letterId: string }) => a.letterId)).toEqual([id]);
    expect(JSON.stringify(added.body)).not.toContain('demo-resident');
    const dup = await stack.call('POST', `/v1/meetings/${m.body.id}/agenda`, { token: handler, body: { letterId: id, letterVersion: 3 } });
    expect(dup.status).toBe(409);

    const minutes = await stack.call('PUT', `/v1/meetings/${m.body.id}/minutes`, {
      token: handler,
      body: { minutes: '居民代表与社区两委协商，决定每周三下午开课', version: 2 },
    });
    expect([minutes.status, minutes.body.status]).toEqual([200, 'held']);
    expect(
      (
        await stack.call('PUT', `/v1/meetings/${m.body.id}/minutes`, {
          token: handler,
          body: { minutes: '再记一次纪要内容内容', version: 3 },
        })
      ).status,
    ).toBe(409);

    const reply = await stack.call('POST', `/v1/letters/cases/${id}/actions`, {
      token: handler,
      body: { action: 'reply', version: 3, text: '每周三下午在党群服务中心开课，欢迎参加' },
    });
    expect(reply.body.letter.status).toBe('replied');
    const mine = await stack.call('GET', '/v1/letters/mine', { token: resident });
    const texts = mine.body.letters
      .find((l: { id: string }) => l.id === id)
      .timeline.map((t: { text?: string; kind: string }) => t.text ?? t.kind);
    expect(texts).toEqual([
      'submitted',
      'accepted',
      '已列入 2026-12-03 社区半月谈议程',
      '已在 2026-12-03 社区半月谈上协商讨论',
      '每周三下午在党群服务中心开课，欢迎参加',
    ]);

    const list = await stack.call('GET', '/v1/branches/jianxinnanjie/meetings', { token: await stack.tokenFor(DEMO.township_staff) });
    expect(list.body.meetings).toHaveLength(1);
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/meetings', { token: await stack.tokenFor(DEMO.cadre) })).status).toBe(403);
  });

  it('a 廉情 letter cannot go on a community meeting', async () => {
    const w = await stack.call('POST', '/v1/letters', {
      token: await stack.tokenFor(DEMO.secretary),
      body: {
        branchId: 'jianxinnanjie',
        category: 'integrity',
        text: '有干部违规收取费用问题',
        anonymous: true,
        idempotencyKey: 'meeting-key-integrity-01',
      },
    });
    const m = await stack.call('POST', '/v1/branches/jianxinnanjie/meetings', { token: handler, body: { date: '2026-12-10' } });
    const res = await stack.call('POST', `/v1/meetings/${m.body.id}/agenda`, {
      token: handler,
      body: { letterId: w.body.letter.id, letterVersion: 1 },
    });
    expect(res.status).toBe(404);
  });
});
