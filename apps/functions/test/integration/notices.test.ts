import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeKind } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityEntities } from '../../src/features/identity/identity.entities';
import { ProfileOpenidDirectory } from '../../src/features/identity/openid-directory.dynamodb';
import type { NoticeDraft } from '../../src/platform/notify/notice';
import { expandLeftoverFanouts } from '../../src/platform/notify/notices';
import { OutboxNotifier } from '../../src/platform/notify/outbox-notifier';
import { WechatSubscribeNotifier } from '../../src/platform/notify/wechat-subscribe-notifier';
import { consentTo } from '../support/consent';
import { startFakeWechatSubscribe } from '../support/fake-wechat-subscribe';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const YEAR_SECONDS = 365 * 86_400;
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

describe('消息中心: a notice is written in the transaction of its event', () => {
  let stack: TestStack;
  const now = new Date('2026-11-27T02:00:00.000Z');
  let resident: string;
  let handler: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    resident = await stack.tokenFor(DEMO.resident);
    handler = await stack.tokenFor(DEMO.station_handler);
  });

  const write = (text: string) =>
    stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: 'jianxinnanjie',
        category: 'help',
        text,
        anonymous: true,
        idempotencyKey: `notice-${text.length}-${text.charCodeAt(0)}-0123456789`,
      },
    });
  const act = (id: string, body: Record<string, unknown>) =>
    stack.call('POST', `/v1/letters/cases/${id}/actions`, { token: handler, body });

  it('accepting a letter writes the writer’s notice with it; the inbox keeps no trace of which letter', async () => {
    const letter = (await write('楼道灯不亮，请帮忙看看')).body.letter;
    expect((await stack.call('GET', '/v1/notices', { token: resident })).body).toEqual({ notices: [], unread: 0 });
    expect((await act(letter.id, { action: 'accept', version: 1 })).status).toBe(200);

    const page = await stack.call('GET', '/v1/notices', { token: resident });
    expect(page.body.unread).toBe(1);
    expect(page.body.notices).toEqual([
      {
        id: expect.stringMatching(new RegExp(`^${now.getTime()}-`)),
        kind: 'letter_accepted',
        title: '来信已受理',
        body: '您的来信已受理，社区将在办理时限内答复。',
        page: 'subpackages/mailbox/pages/mine/index',
        createdAt: now.toISOString(),
      },
    ]);
    const [item] = await inboxItems(stack, DEMO.resident);
    expect(item.ttl).toBe(Math.floor(now.getTime() / 1000) + YEAR_SECONDS);
    expect(item.gsi1pk).toBe(`INBOX#${DEMO.resident}#UNREAD`);
    // The writer's inbox never names the letter: no id, query code or community beside their account.
    for (const secret of [letter.id, letter.queryCode, '建新南街']) expect(JSON.stringify(item)).not.toContain(secret);
  });

  it('of two replies racing on one version one wins, and the writer hears exactly once', async () => {
    const letter = (await write('小区健身器材损坏')).body.letter;
    await act(letter.id, { action: 'accept', version: 1 });
    const before = (await inboxItems(stack, DEMO.resident)).length;
    const replies = await Promise.all([
      act(letter.id, { action: 'reply', version: 2, text: '已联系物业维修' }),
      act(letter.id, { action: 'reply', version: 2, text: '已安排维修' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const items = await inboxItems(stack, DEMO.resident);
    expect(items.length).toBe(before + 1);
    expect(items.filter((i) => i.kind === 'letter_replied')).toHaveLength(1);
    expect(items.find((i) => i.kind === 'letter_replied')?.body).toBe('您的来信已收到答复，请查看并评价（7 天内未评价将自动归档）。');
  });

  it('a move that fails writes no notice: the notice is one item of the move’s transaction', async () => {
    const letter = (await write('路面坑洼需要修补')).body.letter;
    const found = await stack.deps.letters.get(letter.id);
    const staged = stack.deps.notices.stage([
      {
        kind: 'letter_accepted',
        recipientUserId: DEMO.resident,
        title: '来信已受理',
        body: 'x',
        page: 'subpackages/mailbox/pages/mine/index',
        fields: { code: letter.queryCode, unit: '建新南街社区', at: now.toISOString() },
      },
    ]);
    expect(staged.writes).toHaveLength(1);
    const before = await stack.snapshot();
    const stale = { ...found!.letter, status: 'accepted' as const, version: 9 };
    await expect(
      stack.deps.letters.transition(
        stale,
        8,
        [],
        { at: now.toISOString(), actor: 'x', action: 'accept', from: 'submitted', to: 'accepted' },
        [],
        staged,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stack.snapshot()).toEqual(before);
  });

  it('transfer and reply reach the writer; a note does not', async () => {
    const letter = (await write('希望增设便民长椅')).body.letter;
    const count = async (kind: NoticeKind) => (await inboxItems(stack, DEMO.resident)).filter((i) => i.kind === kind).length;
    const transferredBefore = await count('letter_transferred');
    await act(letter.id, { action: 'note', version: 1, text: '内部备注', internal: true });
    expect(await count('letter_transferred')).toBe(transferredBefore);
    await act(letter.id, { action: 'transfer', version: 2, toBranchId: 'yingtaogou', reason: '属樱桃沟社区' });
    expect(await count('letter_transferred')).toBe(transferredBefore + 1);
  });
});

describe('消息中心 routes on DynamoDB Local', () => {
  let stack: TestStack;
  let now = new Date('2026-11-27T02:00:00.000Z');
  let cadre: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    cadre = await stack.tokenFor(DEMO.cadre);
    // 25 reminders, a minute apart.
    for (let n = 1; n <= 25; n++) {
      now = new Date(Date.parse('2026-11-27T02:00:00.000Z') + n * 60_000);
      await stack.deps.notices.post([reminder(DEMO.cadre, n)]);
    }
  });

  it('pages newest first with a cursor, and counts the unread', async () => {
    const first = await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '10' } });
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(25);
    expect(first.body.notices.map((n: { body: string }) => n.body)).toEqual(
      Array.from({ length: 10 }, (_, i) => `樱桃沟社区日报尚未提交（第 ${25 - i} 次）`),
    );
    const seen = [...first.body.notices];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '10', cursor } });
      seen.push(...next.body.notices);
      cursor = next.body.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect(seen.map((n) => n.createdAt)).toEqual([...seen.map((n) => n.createdAt)].sort().reverse());
    expect((await stack.call('GET', '/v1/notices/unread', { token: cadre })).body).toEqual({ unread: 25 });
    // Another person's inbox is theirs alone.
    expect((await stack.call('GET', '/v1/notices', { token: await stack.tokenFor(DEMO.secretary) })).body.notices).toEqual([]);
  });

  it('marks one read (idempotent), refuses someone else’s, then marks all', async () => {
    const [latest] = (await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '1' } })).body.notices;
    const read = await stack.call('POST', `/v1/notices/${latest.id}/read`, { token: cadre });
    expect(read.body).toEqual({ marked: 1, unread: 24 });
    expect((await stack.call('POST', `/v1/notices/${latest.id}/read`, { token: cadre })).body).toEqual({ marked: 0, unread: 24 });
    const again = (await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '1' } })).body.notices[0];
    expect(again).toMatchObject({ id: latest.id, readAt: now.toISOString() });
    const stranger = await stack.call('POST', `/v1/notices/${latest.id}/read`, { token: await stack.tokenFor(DEMO.secretary) });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'NOT_FOUND']);

    const all = await stack.call('POST', '/v1/notices/read-all', { token: cadre });
    expect(all.body).toEqual({ marked: 24, unread: 0 });
    expect((await stack.call('POST', '/v1/notices/read-all', { token: cadre })).body).toEqual({ marked: 0, unread: 0 });
    // Read notices leave the unread index: none of the cadre's items carries its keys any more.
    expect((await inboxItems(stack, DEMO.cadre)).filter((i) => i.gsi1pk)).toEqual([]);
  });

  it('bad input is refused with field errors', async () => {
    const cursor = await stack.call('GET', '/v1/notices', { token: cadre, query: { cursor: 'bm90LWEtY3Vyc29y' } });
    expect([cursor.status, cursor.body.details[0].path]).toEqual([400, 'query.cursor']);
    const id = await stack.call('POST', '/v1/notices/not-an-id/read', { token: cadre });
    expect([id.status, id.body.details[0].path]).toEqual([400, 'params.noticeId']);
    expect((await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '51' } })).status).toBe(400);
  });

  it('a notice is kept for a year: after that it is gone from the list and the count', async () => {
    await stack.deps.notices.post([reminder(DEMO.cadre, 26)]);
    const saved = now;
    now = new Date(saved.getTime() + (YEAR_SECONDS + 3600) * 1000);
    try {
      const fresh = await stack.tokenFor(DEMO.cadre);
      expect((await stack.call('GET', '/v1/notices', { token: fresh })).body).toEqual({ notices: [], unread: 0 });
    } finally {
      now = saved;
    }
  });

  it('a large audience goes through a fan-out record, expanded at once; one left behind is swept into the inboxes', async () => {
    const people = Array.from({ length: 45 }, (_, i) => `crowd-${String(i).padStart(2, '0')}`);
    const report = await stack.deps.notices.post(people.map((u) => reminder(u)));
    expect(report.results).toHaveLength(45);
    for (const u of [people[0], people[44]]) expect(await inboxItems(stack, u)).toHaveLength(1);
    expect((await stack.snapshot()).filter((i) => String(i.pk).startsWith('NOTICEFAN#'))).toEqual([]);

    // A process that stopped after its transaction: the record is there, the inboxes are not.
    const staged = stack.deps.notices.stage(people.map((u) => ({ ...reminder(u), title: '遗留的提醒' })));
    expect(staged.writes).toHaveLength(1);
    await stack.deps.inbox.commit(staged.writes);
    expect((await stack.snapshot()).filter((i) => String(i.pk).startsWith('NOTICEFAN#'))).toHaveLength(1);
    const clock = { now: () => new Date(now.getTime() + 6 * 60_000) };
    expect(await expandLeftoverFanouts({ inbox: stack.deps.inbox, clock })).toEqual({ fanouts: 1, notices: 45 });
    expect((await inboxItems(stack, people[7])).map((i) => i.title).sort()).toEqual(['日报提醒', '遗留的提醒']);
    expect((await stack.snapshot()).filter((i) => String(i.pk).startsWith('NOTICEFAN#'))).toEqual([]);
    // Swept again: nothing twice.
    expect(await expandLeftoverFanouts({ inbox: stack.deps.inbox, clock })).toEqual({ fanouts: 0, notices: 0 });
  });
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
        appId: 'wx-test-app',
        appSecret: async () => 'test-app-secret',
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
        appId: 'wx-test-app',
        appSecret: async () => 'test-app-secret',
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
      appId: 'wx-test-app',
      appSecret: async () => 'test-app-secret',
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
