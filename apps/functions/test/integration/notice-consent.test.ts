import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeKind } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityEntities } from '../../src/features/identity/identity.entities';
import { ProfileOpenidDirectory } from '../../src/features/identity/openid-directory.dynamodb';
import type { NoticeDraft } from '../../src/platform/notify/notice';
import { OutboxNotifier } from '../../src/platform/notify/outbox-notifier';
import { WechatSubscribeNotifier } from '../../src/platform/notify/wechat-subscribe-notifier';
import { DynamoAccessTokenStore } from '../../src/platform/wechat/access-token-store.dynamodb';
import { SharedAccessTokens } from '../../src/platform/wechat/shared-access-tokens';
import { stableTokenFetcher } from '../../src/platform/wechat/stable-token.http';
import { consentTo } from '../support/consent';
import { startFakeWechatSubscribe } from '../support/fake-wechat-subscribe';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const inboxItems = async (stack: TestStack, userId?: string) =>
  (await stack.snapshot()).filter((i) => String(i.pk) === `INBOX#${userId}` && String(i.sk).startsWith('N#'));

const reminder = (userId: string, n = 1): NoticeDraft => ({
  kind: 'daily_reminder',
  recipientUserId: userId,
  title: '日报提醒',
  body: `樱桃沟社区日报尚未提交（第 ${n} 次）`,
  page: 'subpackages/reports/pages/edit/index?branchId=yingtaogou&day=2026-11-27',
  fields: { subject: '樱桃沟社区11月27日日报', deadline: '2026-11-27T14:00:00.000Z', note: '尚未提交，请按时填报' },
});

/** The shared access_token, as every function gets it: stable_token, kept in the table. */
const accessTokens = (stack: TestStack, apiBase: string) =>
  new SharedAccessTokens({
    appId: 'wx-test-app',
    store: new DynamoAccessTokenStore(stack.doc, stack.tableName),
    fetch: stableTokenFetcher({ apiBase, appId: 'wx-test-app', appSecret: async () => 'test-app-secret' }),
    clock: stack.deps.clock,
  });

describe('WeChat consent per kind on DynamoDB Local (fake WeChat enforcing consent and field rules)', () => {
  const TEMPLATES = {
    daily_reminder: 'TPL-DAILY',
    letter_replied: 'TPL-REPLY',
    letter_overdue: 'TPL-OVERDUE',
  };
  const WX_TEMPLATES = {
    'TPL-DAILY': ['thing1', 'time2', 'thing3'],
    'TPL-REPLY': ['character_string1', 'thing2', 'time3'],
    'TPL-OVERDUE': ['thing1', 'number2', 'time3'],
  };
  const clock = { now: () => new Date('2026-11-27T12:10:00.000Z') };
  let wx: Awaited<ReturnType<typeof startFakeWechatSubscribe>>;

  async function stackWith(longTerm: boolean) {
    const stack = await createTestStack({
      clock,
      env: { CX_WECHAT_TEMPLATES: JSON.stringify(TEMPLATES), CX_WECHAT_LONG_TERM: longTerm ? 'on' : 'off' },
    });
    // What a WeChat login leaves on the profile.
    for (const user of [DEMO.cadre, DEMO.township_staff, DEMO.resident])
      await stack.doc.send(
        new UpdateCommand({
          TableName: stack.tableName,
          Key: identityEntities.profile.key({ userId: user }),
          UpdateExpression: 'SET openid = :o',
          ExpressionAttributeValues: { ':o': `o-${user}` },
        }),
      );
    stack.notifier.use(
      new WechatSubscribeNotifier({
        apiBase: wx.url,
        accessTokens: accessTokens(stack, wx.url),
        templateId: '',
        openids: new ProfileOpenidDirectory(stack.doc, stack.tableName),
        clock,
      }),
    );
    return stack;
  }
  const subscription = async (stack: TestStack, token: string, kind: NoticeKind) =>
    ((await stack.call('GET', '/v1/notices/subscriptions', { token })).body.subscriptions as { kind: string }[]).find(
      (s) => s.kind === kind,
    );

  beforeAll(async () => {
    wx = await startFakeWechatSubscribe({ appId: 'wx-test-app', appSecret: 'test-app-secret', templates: WX_TEMPLATES });
  });
  afterAll(async () => wx?.stop());

  it('one-time consents: each accept allows one message; without one the notice stays in the inbox only', async () => {
    const stack = await stackWith(false);
    const cadre = await stack.tokenFor(DEMO.cadre);
    expect(await subscription(stack, cadre, 'daily_reminder')).toEqual({
      kind: 'daily_reminder',
      label: '日报提醒',
      templateId: 'TPL-DAILY',
      mode: 'once',
      remaining: 0,
      active: false,
    });
    expect(await subscription(stack, cadre, 'plan_approved')).toEqual({
      kind: 'plan_approved',
      label: '计划批准',
      mode: 'once',
      remaining: 0,
      active: false,
    });

    const sentBefore = wx.sent.length;
    const none = await stack.deps.notices.post([reminder(DEMO.cadre, 1)]);
    expect(none.results.map((r) => r.outcome)).toEqual(['no_consent']);
    expect(wx.sent.length).toBe(sentBefore); // WeChat was not even asked
    expect(await inboxItems(stack, DEMO.cadre)).toHaveLength(1);

    // The cadre taps 允许 on the report form; WeChat and the server both hold one consent.
    await consentTo(stack, cadre, ['daily_reminder']);
    wx.grant(`o-${DEMO.cadre}`, 'TPL-DAILY');
    expect(await subscription(stack, cadre, 'daily_reminder')).toMatchObject({ remaining: 1 });
    const one = await stack.deps.notices.post([reminder(DEMO.cadre, 2)]);
    expect(one).toMatchObject({ sent: 1, results: [{ outcome: 'sent', kind: 'daily_reminder' }] });
    expect(wx.sent.at(-1)?.body).toEqual({
      touser: `o-${DEMO.cadre}`,
      template_id: 'TPL-DAILY',
      page: 'subpackages/reports/pages/edit/index?branchId=yingtaogou&day=2026-11-27',
      lang: 'zh_CN',
      data: {
        thing1: { value: '樱桃沟社区11月27日日报' },
        time2: { value: '2026年11月27日 22:00' },
        thing3: { value: '尚未提交，请按时填报' },
      },
    });
    expect(await subscription(stack, cadre, 'daily_reminder')).toMatchObject({ remaining: 0 });
    expect(wx.consentsLeft(`o-${DEMO.cadre}`, 'TPL-DAILY')).toBe(0);

    const spent = await stack.deps.notices.post([reminder(DEMO.cadre, 3)]);
    expect(spent.results.map((r) => r.outcome)).toEqual(['no_consent']);
    expect(wx.sent.length).toBe(sentBefore + 1);
    expect(await inboxItems(stack, DEMO.cadre)).toHaveLength(3);
  });

  it('a retried answer counts once; an unknown template is refused and nothing is written', async () => {
    const stack = await stackWith(false);
    const cadre = await stack.tokenFor(DEMO.cadre);
    const body = { key: 'answer-once-0001', answers: { 'TPL-DAILY': 'accept', 'TPL-REPLY': 'reject' } };
    expect((await stack.call('POST', '/v1/notices/subscriptions', { token: cadre, body })).status).toBe(200);
    const retry = await stack.call('POST', '/v1/notices/subscriptions', { token: cadre, body });
    expect(retry.status).toBe(200);
    expect(retry.body.subscriptions.find((s: { kind: string }) => s.kind === 'daily_reminder')).toMatchObject({ remaining: 1 });
    expect(retry.body.subscriptions.find((s: { kind: string }) => s.kind === 'letter_replied')).toMatchObject({ remaining: 0 });

    const before = await stack.snapshot();
    const bad = await stack.call('POST', '/v1/notices/subscriptions', {
      token: cadre,
      body: { key: 'answer-once-0002', answers: { 'TPL-DAILY': 'accept', 'TPL-NOPE': 'accept' } },
    });
    expect([bad.status, bad.body.details]).toEqual([
      400,
      [{ path: 'body.answers.TPL-NOPE', code: 'unknown_template', message: '没有这个订阅消息模板' }],
    ]);
    const shape = await stack.call('POST', '/v1/notices/subscriptions', { token: cadre, body: { key: 'answer-once-0003', answers: {} } });
    expect(shape.status).toBe(400);
    expect(await stack.snapshot()).toEqual(before);
  });

  it('WeChat refusing a send (43101) clears the consent; a failed send gives it back', async () => {
    const stack = await stackWith(false);
    const cadre = await stack.tokenFor(DEMO.cadre);
    await consentTo(stack, cadre, ['daily_reminder'], 2);
    // The server holds two, WeChat none: the user turned the subscription off in WeChat's settings.
    const refused = await stack.deps.notices.post([reminder(DEMO.cadre)]);
    expect(refused.results.map((r) => r.outcome)).toEqual(['refused']);
    expect(wx.rejected.at(-1)).toMatchObject({ errcode: 43101, body: { template_id: 'TPL-DAILY' } });
    expect(await subscription(stack, cadre, 'daily_reminder')).toMatchObject({ remaining: 0 });

    await consentTo(stack, cadre, ['daily_reminder']);
    stack.notifier.use(
      new WechatSubscribeNotifier({
        apiBase: 'http://127.0.0.1:9',
        accessTokens: accessTokens(stack, 'http://127.0.0.1:9'),
        templateId: '',
        openids: new ProfileOpenidDirectory(stack.doc, stack.tableName),
        clock,
        timeoutMs: 300,
      }),
    );
    const down = await stack.deps.notices.post([reminder(DEMO.cadre)]);
    expect(down.results.map((r) => r.outcome)).toEqual(['failed']);
    expect(await subscription(stack, cadre, 'daily_reminder')).toMatchObject({ remaining: 1 });
    stack.notifier.use(new OutboxNotifier(stack.doc, stack.tableName, clock));
  });

  it('values WeChat would refuse are caught before a consent is spent', async () => {
    const stack = await stackWith(false);
    const resident = await stack.tokenFor(DEMO.resident);
    await consentTo(stack, resident, ['letter_replied']);
    wx.grant(`o-${DEMO.resident}`, 'TPL-REPLY');
    const sentBefore = wx.sent.length;
    const bad = await stack.deps.notices.post([
      {
        kind: 'letter_replied',
        recipientUserId: DEMO.resident,
        title: '来信已答复',
        body: '您的来信已收到答复',
        page: 'subpackages/mailbox/pages/mine/index',
        fields: { code: '查询码', summary: '已答复', at: clock.now().toISOString() },
      },
    ]);
    expect(bad.results.map((r) => r.outcome)).toEqual(['invalid_data']);
    expect(wx.sent.length).toBe(sentBefore);
    expect(await subscription(stack, resident, 'letter_replied')).toMatchObject({ remaining: 1 });
    // The same values straight to WeChat: 47003, naming the keyword.
    const direct = await new WechatSubscribeNotifier({
      apiBase: wx.url,
      accessTokens: accessTokens(stack, wx.url),
      templateId: 'TPL-REPLY',
      openids: new ProfileOpenidDirectory(stack.doc, stack.tableName),
      clock,
    }).send([
      {
        recipientUserId: DEMO.resident,
        recipientName: '',
        title: '',
        body: '',
        data: { character_string1: '查询码', thing2: '已答复', time3: '2026年11月27日 20:10' },
      },
    ]);
    expect(direct).toEqual({ sent: 0, failed: 1, errors: { '47003': 1 } });
    expect(wx.rejected.at(-1)).toMatchObject({ errcode: 47003 });
    expect(wx.consentsLeft(`o-${DEMO.resident}`, 'TPL-REPLY')).toBe(1);
  });

  it('long-term mode: the recurring kinds stop counting; the one-time kinds still count', async () => {
    const stack = await stackWith(true);
    const staff = await stack.tokenFor(DEMO.township_staff);
    expect(await subscription(stack, staff, 'letter_overdue')).toMatchObject({
      templateId: 'TPL-OVERDUE',
      mode: 'long_term',
      active: false,
    });
    expect(await subscription(stack, staff, 'letter_replied')).toMatchObject({ mode: 'once' });

    const overdue = (n: number): NoticeDraft => ({
      kind: 'letter_overdue',
      recipientUserId: DEMO.township_staff,
      title: '来信督办',
      body: `建新南街社区有一封来信超过办理时限（${n}）`,
      page: 'subpackages/mailbox/pages/cases/index',
      fields: { subject: '建新南街社区来信超时', count: '1', at: clock.now().toISOString() },
    });
    expect((await stack.deps.notices.post([overdue(0)])).results[0].outcome).toBe('no_consent');
    // 刘干事 agrees once on the dashboard (a long-term template): every later 督办 goes out.
    await consentTo(stack, staff, ['letter_overdue']);
    wx.grantLongTerm(`o-${DEMO.township_staff}`, 'TPL-OVERDUE');
    expect(await subscription(stack, staff, 'letter_overdue')).toMatchObject({ mode: 'long_term', active: true, remaining: 0 });
    const three = await stack.deps.notices.post([overdue(1), overdue(2), overdue(3)]);
    expect(three.results.map((r) => r.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(await subscription(stack, staff, 'letter_overdue')).toMatchObject({ active: true, remaining: 0 });

    // Turned off (a reject of the long-term template): inbox only again.
    const off = await stack.call('POST', '/v1/notices/subscriptions', {
      token: staff,
      body: { key: 'long-term-off-0001', answers: { 'TPL-OVERDUE': 'reject' } },
    });
    expect(off.body.subscriptions.find((s: { kind: string }) => s.kind === 'letter_overdue')).toMatchObject({ active: false });
    expect((await stack.deps.notices.post([overdue(4)])).results[0].outcome).toBe('no_consent');
    expect(await inboxItems(stack, DEMO.township_staff)).toHaveLength(5);
  });
});
