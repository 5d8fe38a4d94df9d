import { beforeAll, describe, expect, it } from 'vitest';
import { WechatSubscribeNotifier } from '../../src/platform/notify/wechat-subscribe-notifier';
import { RecordingMetrics } from '../../src/platform/observability/metrics';
import { consentTo } from '../support/consent';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

// 2026-11-27 20:00 in Shanghai: the day is open for filing, and reminders for it may go out.
const clock = { now: () => new Date('2026-11-27T12:00:00.000Z') };
const DAY = '2026-11-27';
const YESTERDAY = '2026-11-26';

describe('business metrics through the API on DynamoDB Local', () => {
  let stack: TestStack;
  const metrics = new RecordingMetrics();
  beforeAll(async () => {
    stack = await createTestStack({ clock, metrics });
  });

  it('a filed report counts once: not its replay, not its edit', async () => {
    const token = await stack.tokenFor(DEMO.cadre);
    const body = { content: { items: [{ star: 'industry', text: '走访困难党员 3 户' }] }, idempotencyKey: 'metrics-report-0123456789' };
    expect((await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, { token, body })).status).toBe(201);
    expect((await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, { token, body })).body.replayed).toBe(true);
    const edit = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, {
      token,
      body: { ...body, idempotencyKey: 'metrics-edit-0123456789ab', expectedVersion: 1 },
    });
    expect(edit.status).toBe(200);
    expect(metrics.of('ReportsFiled')).toBe(1);
  });

  it('a written letter counts once, anonymous or not, and its replay does not', async () => {
    const token = await stack.tokenFor(DEMO.resident);
    const letter = (key: string, anonymous: boolean) => ({
      branchId: 'jianxinnanjie',
      category: 'suggestion',
      text: '建议增设便民座椅',
      anonymous,
      allowPublication: false,
      idempotencyKey: key,
    });
    expect((await stack.call('POST', '/v1/letters', { token, body: letter('metrics-letter-1-0123456789', true) })).status).toBe(201);
    expect((await stack.call('POST', '/v1/letters', { token, body: letter('metrics-letter-1-0123456789', true) })).status).toBe(200);
    expect((await stack.call('POST', '/v1/letters', { token, body: letter('metrics-letter-2-0123456789', false) })).status).toBe(201);
    expect(metrics.of('LettersWritten')).toBe(2);
  });

  it('a ranking run counts when it completes', async () => {
    const admin = await stack.tokenFor(DEMO.district_admin);
    // A district-wide run may stop between shards (its time budget) and resume on the next call: it counts
    // once, when it completes, not once per call.
    for (let call = 1; ; call++) {
      const run = await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, body: {} });
      expect(run.status).toBe(200);
      if (run.body.complete) break;
      expect(metrics.of('RankingRuns')).toBe(0);
      expect(call).toBeLessThan(20);
    }
    expect(metrics.of('RankingRuns')).toBe(1);
  });

  it('reminders count as sent by the outbox; refused by WeChat, as failed', async () => {
    const staff = await stack.tokenFor('demo-township-staff-gwh');
    // The demo cadre accepted the daily reminder's template twice (one message each); the others reach the
    // 消息中心 only, which is not a WeChat send.
    await consentTo(stack, await stack.tokenFor(DEMO.cadre), ['daily_reminder'], 2);
    // Nobody filed the day before, so every cadre and secretary of 示例管委会 is reminded of it.
    const res = await stack.call('POST', '/v1/townships/demo-gwh/reminders', { token: staff, body: { day: YESTERDAY } });
    expect(res.status).toBe(200);
    expect(res.body.recipients).toBeGreaterThan(0);
    const sent = metrics.of('NotificationsSent');
    expect(sent).toBe(res.body.recipients);
    expect(metrics.of('NotificationsFailed')).toBe(0);

    // The same route with the WeChat notifier and no template configured: WeChat cannot be asked, all fail.
    stack.notifier.use(
      new WechatSubscribeNotifier({
        apiBase: 'http://127.0.0.1:9',
        // No template, so WeChat (and its token) is never asked.
        accessTokens: {
          get: async () => 'unused-token',
          replace: async () => 'unused-token',
        },
        templateId: '',
        openids: { openidsOf: async () => new Map() },
        clock,
      }),
    );
    const again = await stack.call('POST', '/v1/townships/demo-gwh/reminders', { token: staff, body: { day: YESTERDAY } });
    expect([again.status, again.body.recipients]).toEqual([200, 0]);
    expect(metrics.of('NotificationsSent')).toBe(sent);
    expect(metrics.of('NotificationsFailed')).toBe(sent);
  });
});
