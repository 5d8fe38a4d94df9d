import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OfficialRole, Scope } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, identityEntities, profileItem } from '../../src/features/identity/identity.entities';
import { ProfileOpenidDirectory } from '../../src/features/identity/openid-directory.dynamodb';
import { DynamoReminderRunLedger } from '../../src/features/reports/reminder-run-ledger.dynamodb';
import { runScheduledReminders } from '../../src/features/reports/run-scheduled-reminders';
import { OutboxNotifier } from '../../src/platform/notify/outbox-notifier';
import { WechatSubscribeNotifier } from '../../src/platform/notify/wechat-subscribe-notifier';
import { DynamoAccessTokenStore } from '../../src/platform/wechat/access-token-store.dynamodb';
import { SharedAccessTokens } from '../../src/platform/wechat/shared-access-tokens';
import { stableTokenFetcher } from '../../src/platform/wechat/stable-token.http';
import { consentTo } from '../support/consent';
import { startFakeWechatSubscribe } from '../support/fake-wechat-subscribe';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const D = 'erqi';
const branchScope = (townshipId: string, branchId: string): Scope => ({ level: 'branch', districtId: D, townshipId, branchId });

/** A person with one binding, written as the invitation flow would leave them. */
async function addPerson(stack: TestStack, id: string, role: OfficialRole, scope: Scope, extra: Record<string, unknown> = {}) {
  const createdAt = '2026-02-01T00:00:00.000Z';
  await stack.doc.send(
    new PutCommand({ TableName: stack.tableName, Item: { ...profileItem({ id, displayName: id, isDemo: false, createdAt }), ...extra } }),
  );
  await stack.doc.send(
    new PutCommand({
      TableName: stack.tableName,
      Item: bindingItem({
        bindingId: `${id}-b1`,
        userId: id,
        role,
        scope,
        scopeLabel: id,
        holderName: `${id}的名字`,
        createdAt,
        createdBy: 'test',
      }),
    }),
  );
}

/** 五里堡街道's people: jianxinnanjie has a cadre and a secretary, b02 a cadre (who files), b03 a secretary. */
async function staffWulibao(stack: TestStack) {
  await addPerson(stack, 'jx-cadre', 'cadre', branchScope('wulibao', 'jianxinnanjie'));
  await addPerson(stack, 'jx-secretary', 'secretary', branchScope('wulibao', 'jianxinnanjie'));
  await addPerson(stack, 'b02-cadre', 'cadre', branchScope('wulibao', 'wulibao-b02'));
  await addPerson(stack, 'b03-secretary', 'secretary', branchScope('wulibao', 'wulibao-b03'));
  await addPerson(stack, 'dh-cadre', 'cadre', branchScope('dehuajie', 'dehuajie-b01'));
  await addPerson(stack, 'dh-staff', 'township_staff', { level: 'township', districtId: D, townshipIds: ['dehuajie'] });
  // The filers said yes to daily reminders on the report form (WeChat delivers only what was consented to).
  for (const user of ['jx-cadre', 'jx-secretary', 'b02-cadre', 'b03-secretary', 'dh-cadre', DEMO.cadre, DEMO.secretary])
    await consentTo(stack, await stack.tokenFor(user), ['daily_reminder'], 2);
}

const ids = (branches: { branchId: string }[]) => branches.map((b) => b.branchId).sort();
const sortBy = <T extends { branchId: string }>(branches: T[]) => [...branches].sort((a, b) => a.branchId.localeCompare(b.branchId));

const fileReport = async (stack: TestStack, userId: string, branchId: string, day: string) =>
  stack.call('PUT', `/v1/branches/${branchId}/reports/${day}`, {
    token: await stack.tokenFor(userId),
    body: { content: { items: [{ star: 'branch_strong', text: '入户走访 12 户' }] }, idempotencyKey: `idem-${branchId}-${day}-x` },
  });

describe('one-tap reminder on DynamoDB Local', () => {
  let stack: TestStack;
  // 2026-11-27 12:00 Shanghai
  const clock = { now: () => new Date('2026-11-27T04:00:00.000Z') };

  beforeAll(async () => {
    stack = await createTestStack({ clock });
    await staffWulibao(stack);
    expect((await fileReport(stack, 'b02-cadre', 'wulibao-b02', '2026-11-27')).status).toBe(201);
  });

  it('刘干事 reminds 五里堡街道: the cadres and secretaries of missing branches get outbox messages, the branch that filed none', async () => {
    const res = await stack.call('POST', '/v1/townships/wulibao/reminders', { token: await stack.tokenFor(DEMO.township_staff), body: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ day: '2026-11-27', branches: 8, recipients: 3, inboxOnly: [] });
    // It names who was reached and which missing branches have nobody bound (nobody was told there).
    expect(sortBy(res.body.reached)).toEqual([
      { branchId: 'jianxinnanjie', name: '建新南街社区', people: 2 },
      { branchId: 'wulibao-b03', name: '幸福社区', people: 1 },
    ]);
    expect(ids(res.body.unbound)).toEqual(['wulibao-b04', 'wulibao-b05', 'wulibao-b06', 'wulibao-b07', 'wulibao-b08', 'wulibao-b09']);
    expect(res.body.unbound[0]).toMatchObject({ name: expect.stringMatching(/社区$/) });

    const outbox = await stack.call('GET', '/v1/dev/outbox');
    expect(outbox.status).toBe(200);
    const messages = outbox.body.messages as {
      recipientUserId: string;
      recipientName: string;
      title: string;
      body: string;
      channel: string;
      createdAt: string;
    }[];
    expect(messages.map((m) => m.recipientUserId).sort()).toEqual(['b03-secretary', 'jx-cadre', 'jx-secretary']);
    expect(messages.find((m) => m.recipientUserId === 'jx-cadre')).toMatchObject({
      channel: 'outbox',
      recipientName: 'jx-cadre的名字',
      title: '日报提醒',
      body: '建新南街社区11月27日的日报尚未提交，请在22:00前提交',
      createdAt: '2026-11-27T04:00:00.000Z',
    });
    // the station handler of 建新南街社区 files nothing, so is not reminded; neither is 德化街街道
    expect(messages.some((m) => ['b02-cadre', DEMO.station_handler, 'dh-cadre'].includes(m.recipientUserId))).toBe(false);
  });

  it('stores each message with a 30-day TTL under OUTBOX', async () => {
    const items = (await stack.snapshot()).filter((i) => i.pk === 'OUTBOX');
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const i of items) {
      expect(i.ttl).toBe(Math.floor(Date.parse('2026-11-27T04:00:00.000Z') / 1000) + 30 * 86_400);
      expect(String(i.sk)).toMatch(/^2026-11-27T04:00:00\.000Z#/);
    }
  });

  it('staff of another township → 403; a cadre → 403; an unknown township → 404; a future day → 400', async () => {
    const other = await stack.call('POST', '/v1/townships/wulibao/reminders', { token: await stack.tokenFor('dh-staff'), body: {} });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN_SCOPE');
    const cadre = await stack.call('POST', '/v1/townships/wulibao/reminders', { token: await stack.tokenFor(DEMO.cadre), body: {} });
    expect(cadre.status).toBe(403);
    expect(cadre.body.code).toBe('FORBIDDEN_ROLE');
    expect(
      (await stack.call('POST', '/v1/townships/nowhere/reminders', { token: await stack.tokenFor(DEMO.district_admin), body: {} })).status,
    ).toBe(404);
    const future = await stack.call('POST', '/v1/townships/wulibao/reminders', {
      token: await stack.tokenFor(DEMO.township_staff),
      body: { day: '2026-11-28' },
    });
    expect(future.status).toBe(400);
    expect(future.body.details[0].path).toBe('body.day');
  });

  it('a district admin reminds 德化街街道; the outbox lists newest first', async () => {
    const admin = await stack.tokenFor(DEMO.district_admin);
    const later = new Date('2026-11-27T05:00:00.000Z');
    const saved = clock.now;
    clock.now = () => later;
    try {
      const res = await stack.call('POST', '/v1/townships/dehuajie/reminders', { token: admin, body: {} });
      expect(res.body).toMatchObject({ day: '2026-11-27', branches: 8, recipients: 1, inboxOnly: [] });
      expect(res.body.reached).toEqual([{ branchId: 'dehuajie-b01', name: '春华社区', people: 1 }]);
      expect(ids(res.body.unbound)).toEqual([
        'dehuajie-b02',
        'dehuajie-b03',
        'dehuajie-b04',
        'dehuajie-b05',
        'dehuajie-b06',
        'dehuajie-b07',
        'dehuajie-b08',
      ]);
    } finally {
      clock.now = saved;
    }
    const messages = (await stack.call('GET', '/v1/dev/outbox')).body.messages as { recipientUserId: string; createdAt: string }[];
    expect(messages[0]).toMatchObject({ recipientUserId: 'dh-cadre', createdAt: later.toISOString() });
    expect(messages.map((m) => m.createdAt)).toEqual([...messages.map((m) => m.createdAt)].sort().reverse());
  });
});

describe('scheduled reminder on DynamoDB Local', () => {
  let stack: TestStack;
  let now = '2026-11-27T11:59:00.000Z'; // 19:59 Shanghai
  const clock = { now: () => new Date(now) };
  let ledger: DynamoReminderRunLedger;
  const outboxSize = async () => ((await stack.call('GET', '/v1/dev/outbox')).body.messages as unknown[]).length;

  beforeAll(async () => {
    stack = await createTestStack({ clock });
    await staffWulibao(stack);
    now = '2026-11-27T04:00:00.000Z';
    expect((await fileReport(stack, 'b02-cadre', 'wulibao-b02', '2026-11-27')).status).toBe(201);
    ledger = new DynamoReminderRunLedger(stack.doc, stack.tableName);
  });

  it('does nothing before reminderTime', async () => {
    now = '2026-11-27T11:59:00.000Z';
    expect(await runScheduledReminders(stack.deps, ledger)).toMatchObject({ outcome: 'too_early', time: '19:59', reminderTime: '20:00' });
    expect(await outboxSize()).toBe(0);
  });

  it('sends once even when run twice at the same moment, to every missing branch of the district', async () => {
    now = '2026-11-27T12:05:00.000Z';
    const runs = await Promise.all([runScheduledReminders(stack.deps, ledger), runScheduledReminders(stack.deps, ledger)]);
    expect(runs.map((r) => r.outcome).sort()).toEqual(['already_ran', 'sent']);
    const sent = runs.find((r) => r.outcome === 'sent')!;
    // 五里堡 3 + 德化街 1 + the demo cadre and secretary of 樱桃沟社区
    expect(sent).toMatchObject({ townships: 18, recipients: 6, attempted: 6, failedTownships: [] });
    expect(await outboxSize()).toBe(6);
    const recipients = ((await stack.call('GET', '/v1/dev/outbox')).body.messages as { recipientUserId: string }[])
      .map((m) => m.recipientUserId)
      .sort();
    expect(recipients).toEqual(['b03-secretary', 'demo-cadre', 'demo-secretary', 'dh-cadre', 'jx-cadre', 'jx-secretary']);

    now = '2026-11-27T13:00:00.000Z';
    expect((await runScheduledReminders(stack.deps, ledger)).outcome).toBe('already_ran');
    expect(await outboxSize()).toBe(6);
    const run = (await stack.snapshot()).find((i) => i.pk === `DIST#${D}#REMINDRUN` && i.sk === '2026-11-27');
    expect(run).toMatchObject({ startedAt: '2026-11-27T12:05:00.000Z', summary: { recipients: 6, townships: 18 } });
  });

  it('runs again the next evening', async () => {
    now = '2026-11-28T12:01:00.000Z';
    const next = await runScheduledReminders(stack.deps, ledger);
    expect(next).toMatchObject({ outcome: 'sent', day: '2026-11-28' });
    expect(next.branches).toBe(153);
  });
});

describe('WeChat subscribe messages with openids from DynamoDB Local', () => {
  let stack: TestStack;
  let wx: Awaited<ReturnType<typeof startFakeWechatSubscribe>>;
  const clock = { now: () => new Date('2026-11-27T12:10:00.000Z') };

  beforeAll(async () => {
    // This environment's daily-reminder template is TPL-REMIND (thing1 · time2 · thing3).
    stack = await createTestStack({ clock, env: { CX_WECHAT_TEMPLATES: '{"daily_reminder":"TPL-REMIND"}' } });
    wx = await startFakeWechatSubscribe({
      appId: 'wx-test-app',
      appSecret: 'test-app-secret',
      templates: { 'TPL-REMIND': ['thing1', 'time2', 'thing3'] },
    });
    await staffWulibao(stack);
    // what a WeChat login leaves on the profile (see the note on user-repository in openid-directory.ts)
    for (const [user, openid] of [
      ['jx-cadre', 'o-jx-cadre'],
      ['jx-secretary', 'o-jx-secretary'],
    ]) {
      await stack.doc.send(
        new UpdateCommand({
          TableName: stack.tableName,
          Key: identityEntities.profile.key({ userId: user }),
          UpdateExpression: 'SET openid = :o',
          ExpressionAttributeValues: { ':o': openid },
        }),
      );
    }
    // Both said yes on the report form; WeChat holds the same consent for 李 (jx-cadre).
    for (const user of ['jx-cadre', 'jx-secretary']) await consentTo(stack, await stack.tokenFor(user), ['daily_reminder']);
    wx.grant('o-jx-cadre', 'TPL-REMIND');
  });
  afterAll(async () => wx?.stop());

  it('finds openids on the PROFILE items without a scan', async () => {
    const dir = new ProfileOpenidDirectory(stack.doc, stack.tableName);
    expect(await dir.openidOf('jx-cadre')).toBe('o-jx-cadre');
    expect(await dir.openidOf('b03-secretary')).toBeUndefined();
    const many = await dir.openidsOf(['jx-cadre', 'jx-secretary', 'nobody', ...Array.from({ length: 120 }, (_, i) => `ghost-${i}`)]);
    expect([...many.entries()].sort()).toEqual([
      ['jx-cadre', 'o-jx-cadre'],
      ['jx-secretary', 'o-jx-secretary'],
    ]);
  });

  it('a reminder reaches WeChat for users with an openid; the others are counted, not thrown', async () => {
    wx.refuse('o-jx-secretary');
    const wechat = new WechatSubscribeNotifier({
      apiBase: wx.url,
      accessTokens: new SharedAccessTokens({
        appId: 'wx-test-app',
        store: new DynamoAccessTokenStore(stack.doc, stack.tableName),
        fetch: stableTokenFetcher({ apiBase: wx.url, appId: 'wx-test-app', appSecret: async () => 'test-app-secret' }),
        clock,
      }),
      templateId: 'TPL-REMIND',
      openids: new ProfileOpenidDirectory(stack.doc, stack.tableName),
      clock,
    });
    stack.notifier.use(wechat);
    try {
      const res = await stack.call('POST', '/v1/townships/wulibao/reminders', {
        token: await stack.tokenFor(DEMO.township_staff),
        body: {},
      });
      expect(res.body).toMatchObject({ day: '2026-11-27', branches: 9, recipients: 1 });
      // Everyone else has it in the 消息中心 only: 刘 refused on WeChat, the others never logged in through WeChat.
      expect(res.body.inboxOnly.map((p: { userId: string }) => p.userId).sort()).toEqual(['b02-cadre', 'b03-secretary', 'jx-secretary']);
      expect(res.body.inboxOnly.find((p: { userId: string }) => p.userId === 'jx-secretary')).toEqual({
        userId: 'jx-secretary',
        name: 'jx-secretary的名字',
        branchId: 'jianxinnanjie',
        branchName: '建新南街社区',
      });
      expect(wx.sent.map((m) => m.body)).toEqual([
        expect.objectContaining({
          touser: 'o-jx-cadre',
          template_id: 'TPL-REMIND',
          page: 'subpackages/reports/pages/edit/index?branchId=jianxinnanjie&day=2026-11-27',
        }),
      ]);
      // when the notifier is not the outbox, the dev route lists nothing
      expect((await stack.call('GET', '/v1/dev/outbox')).body).toEqual({ messages: [] });
    } finally {
      stack.notifier.use(new OutboxNotifier(stack.doc, stack.tableName, clock));
    }
  });
});

describe('outbox route outside local mode', () => {
  it('is 404 when dev login is off', async () => {
    const stack = await createTestStack({ seed: false, devLogin: false });
    const res = await stack.call('GET', '/v1/dev/outbox');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('reminder.handler (the EventBridge Scheduler target)', () => {
  it('wires the job at cold start and returns the run summary', async () => {
    const stack = await createTestStack({ seed: false });
    Object.assign(process.env, {
      CX_STAGE: 'test',
      CX_TABLE_NAME: stack.tableName,
      CX_DYNAMODB_ENDPOINT: stack.endpoint,
      CX_TOKEN_SIGNING_KEY: 'handler-test-signing-key-0123456789abcdef',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    const { handler } = await import('../../src/handlers/reminder.handler');
    const context = {
      functionName: 'reminders',
      awsRequestId: 'req-1',
      invokedFunctionArn: 'arn:aws:lambda:cn-north-1:123456789012:function:reminders',
      memoryLimitInMB: '256',
      functionVersion: '$LATEST',
      getRemainingTimeInMillis: () => 30_000,
    };
    const summary = await handler({}, context as never);
    expect(['too_early', 'after_deadline', 'sent', 'already_ran']).toContain(summary.outcome);
    expect(summary).toMatchObject({ reminderTime: '20:00', deadline: '22:00' });
    expect(summary).not.toHaveProperty('failedTownships');
  });
});

describe('local reminder timer', () => {
  it('runs the same job at start and on demand, reporting each run, and stops cleanly', async () => {
    let now = '2026-11-27T12:00:30.000Z'; // 20:00 Shanghai
    const stack = await createTestStack({ clock: { now: () => new Date(now) } });
    await staffWulibao(stack);
    const { startReminderTimer } = await import('../../src/local/reminder-timer');
    const runs: string[] = [];
    const timer = startReminderTimer({
      wiring: stack.wiring,
      intervalMs: 3_600_000,
      onRun: (s) => runs.push(s.outcome),
    });
    const first = await timer.runNow(); // joins the run started at start-up
    expect(first).toMatchObject({ outcome: 'sent', recipients: 7 });
    now = '2026-11-27T12:01:30.000Z';
    expect((await timer.runNow())?.outcome).toBe('already_ran');
    await timer.stop();
    expect(runs).toEqual(['sent', 'already_ran']);
  });
});
