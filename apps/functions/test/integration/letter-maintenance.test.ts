import { beforeAll, describe, expect, it } from 'vitest';
import { runLetterMaintenance } from '../../src/features/mailbox/run-letter-maintenance';
import { consentTo } from '../support/consent';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('the letters’ clock on DynamoDB Local', () => {
  let stack: TestStack;
  let now = new Date('2026-11-27T02:00:00.000Z'); // Friday
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    // 刘干事 agreed on the dashboard to hear about 督办.
    await consentTo(stack, await stack.tokenFor(DEMO.township_staff), ['letter_overdue']);
  });

  it('flags an overdue letter to the township once, and archives a reply left unrated for 7 days', async () => {
    const resident = await stack.tokenFor(DEMO.resident);
    const handler = await stack.tokenFor(DEMO.station_handler);
    const write = (n: number) =>
      stack.call('POST', '/v1/letters', {
        token: resident,
        body: {
          branchId: 'jianxinnanjie',
          category: 'help',
          text: `需要帮助的事项第${n}件`,
          anonymous: true,
          idempotencyKey: `maint-key-${n}-0123456789`,
        },
      });
    const late = (await write(1)).body.letter.id;
    const answered = (await write(2)).body.letter.id;
    await stack.call('POST', `/v1/letters/cases/${answered}/actions`, { token: handler, body: { action: 'accept', version: 1 } });
    await stack.call('POST', `/v1/letters/cases/${answered}/actions`, {
      token: handler,
      body: { action: 'reply', version: 2, text: '已安排志愿者上门' },
    });

    expect(await runLetterMaintenance(stack.deps)).toEqual({ archived: 0, flagged: 0, notified: 0 });

    now = new Date('2026-12-02T02:00:00.000Z'); // past the 2-working-day acceptance deadline (Tue 1 Dec 23:59)
    const first = await runLetterMaintenance(stack.deps);
    expect(first).toMatchObject({ flagged: 1, archived: 0 });
    expect(first.notified).toBeGreaterThanOrEqual(1); // 刘干事, township staff of 五里堡街道
    expect(await runLetterMaintenance(stack.deps)).toMatchObject({ flagged: 0 }); // told once
    const staffCase = await stack.call('GET', `/v1/letters/cases/${late}`, { token: await stack.tokenFor(DEMO.township_staff) });
    expect(staffCase.body.letter.timeline.at(-1)).toMatchObject({ internal: true, text: '已超过办理时限，提请督办' });
    // Tokens last two hours of the (moved) clock: take fresh ones.
    const queue = await stack.call('GET', '/v1/letters/cases', { token: await stack.tokenFor(DEMO.station_handler) });
    expect(queue.body.letters.find((l: { id: string }) => l.id === late).overdue).toBe(true);
    // The writer never sees the internal flag.
    const mine = await stack.call('GET', '/v1/letters/mine', { token: await stack.tokenFor(DEMO.resident) });
    expect(mine.body.letters).toHaveLength(2);
    expect(JSON.stringify(mine.body)).not.toContain('督办');

    now = new Date('2026-12-05T03:00:00.000Z'); // more than 7 days after the reply
    expect(await runLetterMaintenance(stack.deps)).toMatchObject({ archived: 1 });
    const archived = (await stack.call('GET', '/v1/letters/mine', { token: await stack.tokenFor(DEMO.resident) })).body.letters.find(
      (l: { id: string }) => l.id === answered,
    );
    expect([archived.status, archived.canRate, archived.timeline.at(-1).text]).toEqual(['archived', false, '答复后 7 天未评价，自动归档']);
  });
});
