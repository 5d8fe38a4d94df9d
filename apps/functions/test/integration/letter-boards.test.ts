import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('三率, the public board and 微权说廉 on DynamoDB Local', () => {
  let stack: TestStack;
  let handler: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date('2026-11-27T02:00:00.000Z') } });
    handler = await stack.tokenFor(DEMO.station_handler);
  });

  async function loop(writer: string, n: number, rating: 'satisfied' | 'unsatisfied' | null, publish: boolean) {
    const token = await stack.tokenFor(writer);
    const w = await stack.call('POST', '/v1/letters', {
      token,
      body: {
        branchId: 'jianxinnanjie',
        category: 'suggestion',
        text: `建议增设便民座椅，联系电话13812345678（${n}）`,
        anonymous: false,
        allowPublication: publish,
        idempotencyKey: `board-key-${writer}-${n}-0123456789`,
      },
    });
    const id = w.body.letter.id;
    await stack.call('POST', `/v1/letters/cases/${id}/actions`, { token: handler, body: { action: 'accept', version: 1 } });
    await stack.call('POST', `/v1/letters/cases/${id}/actions`, {
      token: handler,
      body: { action: 'reply', version: 2, text: '已在小区广场增设座椅 4 张' },
    });
    if (rating) await stack.call('POST', `/v1/letters/mine/${id}/rating`, { token, body: { rating } });
    return id;
  }

  it('counts received, responded, replied and satisfied per community and month', async () => {
    await loop(DEMO.resident, 1, 'satisfied', true);
    await loop(DEMO.cadre, 2, 'unsatisfied', false); // reopened for review: not rated yet
    await loop(DEMO.secretary, 3, null, false);
    const staff = await stack.tokenFor(DEMO.township_staff);
    const stats = await stack.call('GET', '/v1/letters/stats', { token: staff, query: { month: '2026-11' } });
    expect(stats.status).toBe(200);
    const row = stats.body.communities.find((c: { branchId: string }) => c.branchId === 'jianxinnanjie');
    expect(row.rates).toMatchObject({
      received: 3,
      respondedInTime: 3,
      accepted: 3,
      replied: 3,
      rated: 1,
      satisfied: 1,
      responseRate: 1,
      resolutionRate: 1,
      satisfactionRate: 1,
    });
    expect(stats.body.communities).toHaveLength(9);
    const own = await stack.call('GET', '/v1/letters/stats', { token: handler, query: { month: '2026-11' } });
    expect(own.body.communities.map((c: { branchId: string }) => c.branchId)).toEqual(['jianxinnanjie']);
    expect((await stack.call('GET', '/v1/letters/stats', { token: staff, query: { townshipId: 'dehuajie' } })).status).toBe(403);
  });

  it('the public board shows counts and only published, archived letters, without phone numbers', async () => {
    const board = await stack.call('GET', '/v1/branches/jianxinnanjie/board', {
      token: await stack.tokenFor(DEMO.resident),
      query: { month: '2026-11' },
    });
    expect(board.status).toBe(200);
    expect(board.body.rates).toMatchObject({ received: 3, satisfactionRate: 1 });
    expect(board.body.letters).toHaveLength(1);
    expect(board.body.letters[0].text).toContain('138****5678');
    expect(board.body.letters[0].reply).toBe('已在小区广场增设座椅 4 张');
    expect(JSON.stringify(board.body)).not.toMatch(/13812345678|王阿姨|demo-/);
  });

  it('微权说廉: residents read, the community publishes with a version, others may not', async () => {
    const resident = await stack.tokenFor(DEMO.resident);
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/integrity', { token: resident })).body).toMatchObject({
      commitments: [],
      version: 0,
    });
    const commitments = [
      {
        position: '社区党委书记',
        name: '示例书记',
        powers: ['低保初审', '公章使用'],
        commitment: '公开办事流程，不吃拿卡要，接受居民监督',
      },
    ];
    const put = await stack.call('PUT', '/v1/branches/jianxinnanjie/integrity', { token: handler, body: { commitments, version: 0 } });
    expect([put.status, put.body.version]).toEqual([200, 1]);
    const stale = await stack.call('PUT', '/v1/branches/jianxinnanjie/integrity', {
      token: handler,
      body: { commitments: [], version: 0 },
    });
    expect(stale.status).toBe(409);
    const other = await stack.call('PUT', '/v1/branches/yingtaogou/integrity', { token: handler, body: { commitments: [], version: 0 } });
    expect(other.status).toBe(404);
    const read = await stack.call('GET', '/v1/branches/jianxinnanjie/integrity', { token: resident });
    expect(read.body).toMatchObject({ version: 1, commitments });
  });
});
