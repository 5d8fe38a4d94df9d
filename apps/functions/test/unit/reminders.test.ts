import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remindMissing, remindTownship } from '../../src/features/reports/remind-missing';
import { runScheduledReminders } from '../../src/features/reports/run-scheduled-reminders';
import { parseConfig } from '../../src/platform/config/config';
import { createNotifier } from '../../src/platform/notify/create-notifier';
import type { Notification } from '../../src/platform/notify/notifier';
import type { OpenidDirectory } from '../../src/platform/notify/openid-directory';
import { OutboxNotifier } from '../../src/platform/notify/outbox-notifier';
import { clipThing, WechatSubscribeNotifier, wechatTime } from '../../src/platform/notify/wechat-subscribe-notifier';
import { SharedAccessTokens } from '../../src/platform/wechat/shared-access-tokens';
import { stableTokenFetcher } from '../../src/platform/wechat/stable-token.http';
import { makePrincipal } from '../support/builders';
import { startFakeWechatSubscribe } from '../support/fake-wechat-subscribe';
import { MemoryAccessTokenStore } from '../support/memory-access-token-store';
import { ALLOWED, admin, MemoryLedger, staffOf, world } from '../support/reminder-world';

describe('one-tap reminder', () => {
  it('reminds the cadres and secretaries of the missing branches only, once per person', async () => {
    const { deps, notifier } = await world();
    const result = await remindMissing(deps, staffOf('t1'), ALLOWED, 't1');
    expect(result).toEqual({
      day: '2026-11-27',
      branches: 1,
      recipients: 3,
      reached: [{ branchId: 'heping', name: '和平社区', people: 3 }],
      unbound: [],
      inboxOnly: [],
    });
    expect(notifier.sent.map((m) => m.recipientUserId).sort()).toEqual(['both', 'cadre-a', 'secretary-a']);
    expect(notifier.sent[0]).toMatchObject({
      title: '日报提醒',
      body: '和平社区11月27日的日报尚未提交，请在22:00前提交',
      page: 'subpackages/reports/pages/edit/index?branchId=heping&day=2026-11-27',
    });
  });

  it('a district admin may remind any township; staff of another township may not', async () => {
    const { deps, notifier } = await world();
    expect(await remindMissing(deps, admin, ALLOWED, 't2')).toEqual({
      day: '2026-11-27',
      branches: 1,
      recipients: 1,
      reached: [{ branchId: 'yuanfang', name: '远方社区', people: 1 }],
      unbound: [],
      inboxOnly: [],
    });
    expect(notifier.sent.map((m) => m.recipientUserId)).toEqual(['cadre-far']);
    await expect(remindMissing(deps, staffOf('t2'), ALLOWED, 't1')).rejects.toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    // an inspector covers the township but does not manage it
    const inspector = makePrincipal([{ role: 'inspector', scope: { level: 'district', districtId: 'erqi' } }]);
    await expect(remindMissing(deps, inspector, ALLOWED, 't1')).rejects.toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    await expect(remindMissing(deps, admin, ALLOWED, 'nowhere')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(notifier.sent).toHaveLength(1);
  });

  it('a past day that can still be filed says the deadline has passed; a future or closed day is refused', async () => {
    const { deps, notifier } = await world();
    const r = await remindMissing(deps, staffOf('t1'), ALLOWED, 't1', '2026-11-26');
    // yesterday nobody filed and nobody was on leave
    expect(r).toMatchObject({ day: '2026-11-26', branches: 3, recipients: 5, unbound: [], inboxOnly: [] });
    expect(r.reached.map((b) => [b.branchId, b.people]).sort()).toEqual([
      ['guangming', 1],
      ['heping', 3],
      ['xingfu', 1],
    ]);
    expect(notifier.sent.find((m) => m.recipientUserId === 'cadre-b')?.body).toBe(
      '幸福社区11月26日的日报尚未提交，已过22:00截止时间，请尽快补报',
    );
    await expect(remindMissing(deps, staffOf('t1'), ALLOWED, 't1', '2026-11-28')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.day' }],
    });
    await expect(remindMissing(deps, staffOf('t1'), ALLOWED, 't1', '2026-11-25')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.day' }],
    });
  });

  it('after the deadline today the message asks for a late report', async () => {
    const { deps, notifier } = await world('2026-11-27T14:30:00.000Z'); // 22:30 Shanghai
    await remindTownship(deps, 't1', '2026-11-27');
    expect(notifier.sent[0].body).toContain('已过22:00截止时间');
  });

  it('a district holiday exempts everyone: nothing is sent', async () => {
    const { deps, rules, notifier } = await world();
    await rules.createExemption({
      id: 'hol',
      districtId: 'erqi',
      day: '2026-11-27',
      reason: '节假日',
      createdBy: 'admin',
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    expect(await remindMissing(deps, staffOf('t1'), ALLOWED, 't1')).toEqual({
      day: '2026-11-27',
      branches: 0,
      recipients: 0,
      reached: [],
      unbound: [],
      inboxOnly: [],
    });
    expect(notifier.sent).toEqual([]);
  });

  it('recipients counts what the notifier delivered', async () => {
    const { deps, notifier } = await world();
    notifier.dropNext = 1;
    expect(await remindMissing(deps, staffOf('t1'), ALLOWED, 't1')).toMatchObject({ branches: 1, recipients: 2 });
  });
});

describe('scheduled reminder', () => {
  const at = (iso: string, deps: { clock: { now(): Date } }) => {
    deps.clock = { now: () => new Date(iso) };
  };

  it('does nothing before reminderTime or after the deadline, and sends once in between', async () => {
    const { deps, notifier } = await world();
    const ledger = new MemoryLedger();
    at('2026-11-27T11:59:00.000Z', deps); // 19:59 Shanghai; reminderTime 20:00
    expect(await runScheduledReminders(deps, ledger)).toMatchObject({ outcome: 'too_early', day: '2026-11-27', time: '19:59' });
    expect(notifier.sent).toEqual([]);
    expect(ledger.runs.size).toBe(0);

    at('2026-11-27T12:00:00.000Z', deps);
    const first = await runScheduledReminders(deps, ledger);
    expect(first).toMatchObject({ outcome: 'sent', townships: 2, branches: 2, recipients: 4, attempted: 4, failedTownships: [] });
    expect(notifier.sent.map((m) => m.recipientUserId).sort()).toEqual(['both', 'cadre-a', 'cadre-far', 'secretary-a']);
    expect(ledger.runs.get('erqi|2026-11-27')?.summary).toMatchObject({ recipients: 4, branches: 2 });

    at('2026-11-27T13:00:00.000Z', deps);
    expect(await runScheduledReminders(deps, ledger)).toMatchObject({ outcome: 'already_ran' });
    at('2026-11-27T14:00:00.000Z', deps); // 22:00: the deadline
    expect(await runScheduledReminders(deps, ledger)).toMatchObject({ outcome: 'after_deadline' });
    expect(notifier.sent).toHaveLength(4);
  });

  it('two concurrent runs send once', async () => {
    const { deps, notifier } = await world('2026-11-27T12:30:00.000Z');
    const ledger = new MemoryLedger();
    const outcomes = (await Promise.all([runScheduledReminders(deps, ledger), runScheduledReminders(deps, ledger)]))
      .map((s) => s.outcome)
      .sort();
    expect(outcomes).toEqual(['already_ran', 'sent']);
    expect(notifier.sent).toHaveLength(4);
  });

  it('follows the district’s own reminder time, and a failing township does not stop the others', async () => {
    const { deps, rules, notifier } = await world('2026-11-27T10:00:00.000Z'); // 18:00 Shanghai
    await rules.putDailyRules('erqi', { deadline: '21:00', maxBackfillDays: 1, reminderTime: '17:30' });
    const listBranches = deps.org.listBranches.bind(deps.org);
    deps.org.listBranches = async (t: string) => (t === 't2' ? Promise.reject(new Error('boom')) : listBranches(t));
    const summary = await runScheduledReminders(deps, new MemoryLedger());
    expect(summary).toMatchObject({ outcome: 'sent', townships: 1, recipients: 3, failedTownships: [{ townshipId: 't2', error: 'boom' }] });
    expect(notifier.sent[0].body).toBe('和平社区11月27日的日报尚未提交，请在21:00前提交');
  });
});

describe('WeChat subscribe notifier (fake WeChat on loopback)', () => {
  let wx: Awaited<ReturnType<typeof startFakeWechatSubscribe>>;
  let now: number;
  const clock = { now: () => new Date(now) };
  const directory: OpenidDirectory = {
    openidsOf: async (ids) => new Map(ids.filter((id) => !id.startsWith('no-openid')).map((id) => [id, `o-${id}`])),
  };
  const msg = (userId: string, body = '和平社区11月27日的日报尚未提交，请在22:00前提交'): Notification => ({
    recipientUserId: userId,
    recipientName: userId,
    title: '日报提醒',
    body,
    page: 'subpackages/reports/pages/edit/index?branchId=heping&day=2026-11-27',
  });
  /** One function's notifier: its own token memory over the shared store (the table's item, here in memory). */
  const notifier = (
    o: {
      apiBase?: string;
      appSecret?: () => Promise<string>;
      timeoutMs?: number;
      templateId?: string;
      store?: MemoryAccessTokenStore;
    } = {},
  ) => {
    const apiBase = o.apiBase ?? wx.url;
    const accessTokens = new SharedAccessTokens({
      appId: 'wx-app',
      store: o.store ?? new MemoryAccessTokenStore(),
      fetch: stableTokenFetcher({ apiBase, appId: 'wx-app', appSecret: o.appSecret ?? (async () => 'app-secret'), timeoutMs: o.timeoutMs }),
      clock,
    });
    return new WechatSubscribeNotifier({
      apiBase,
      accessTokens,
      templateId: o.templateId ?? 'TPL-1',
      openids: directory,
      clock,
      timeoutMs: o.timeoutMs,
    });
  };

  beforeEach(async () => {
    now = Date.parse('2026-11-27T12:00:00.000Z');
    wx = await startFakeWechatSubscribe({ appId: 'wx-app', appSecret: 'app-secret', tokenDelayMs: 30, now: () => now });
    // Each user said yes to the template a few times (WeChat sends nothing without it: 43101).
    for (let u = 1; u <= 6; u++) wx.grant(`o-u${u}`, 'TPL-1', 3);
  });
  afterEach(async () => wx.stop());

  it('sends WeChat’s body shape with the template data clipped to the keyword limits', async () => {
    const res = await notifier().send([msg('u1')]);
    expect(res).toEqual({ sent: 1, failed: 0, errors: {} });
    expect(wx.tokenRequests).toHaveLength(1);
    expect(wx.tokenRequests[0]).toEqual({ grant_type: 'client_credential', appid: 'wx-app', secret: 'app-secret' });
    expect(wx.legacyTokenRequests).toEqual([]);
    expect(wx.sent[0]).toEqual({
      accessToken: 'tok-1',
      body: {
        touser: 'o-u1',
        template_id: 'TPL-1',
        page: 'subpackages/reports/pages/edit/index?branchId=heping&day=2026-11-27',
        lang: 'zh_CN',
        data: {
          thing1: { value: '日报提醒' },
          time2: { value: '2026年11月27日 20:00' },
          thing3: { value: '和平社区11月27日的日报尚未提交，请…' },
        },
      },
    });
    expect(Array.from(wx.sent[0].body.data.thing3.value)).toHaveLength(20);
  });

  it('shares one token fetch between concurrent sends and caches it until 5 minutes before expiry', async () => {
    const n = notifier();
    await Promise.all([n.send([msg('u1'), msg('u2')]), n.send([msg('u3')]), n.send([msg('u4')])]);
    expect(wx.tokenRequests).toHaveLength(1);
    expect(wx.sent).toHaveLength(4);
    now += (7200 - 301) * 1000;
    await n.send([msg('u5')]);
    expect(wx.tokenRequests).toHaveLength(1);
    now += 2000; // now inside the 5-minute margin
    await n.send([msg('u6')]);
    expect(wx.tokenRequests).toHaveLength(2);
    expect(wx.sent.at(-1)?.accessToken).toBe('tok-2');
  });

  it('counts refusals (43101) and users without an openid instead of throwing', async () => {
    wx.refuse('o-u2');
    const res = await notifier().send([msg('u1'), msg('u2'), msg('no-openid-1'), msg('u3')]);
    expect(res).toEqual({ sent: 2, failed: 2, errors: { '43101': 1, no_openid: 1 } });
    expect(wx.sent.map((m) => m.body.touser).sort()).toEqual(['o-u1', 'o-u3']);
  });

  it('a refused token (40001, after someone force-refreshed it) is replaced once and the message retried', async () => {
    const n = notifier();
    await n.send([msg('u1')]);
    wx.forceRefresh();
    expect(await n.send([msg('u2')])).toEqual({ sent: 1, failed: 0, errors: {} });
    expect(wx.tokenRequests).toHaveLength(2);
    expect(wx.sent.at(-1)).toMatchObject({ accessToken: 'tok-2', body: { touser: 'o-u2' } });
  });

  it('a wrong AppSecret, an unreachable WeChat or a missing template id fail the batch by count, not by exception', async () => {
    expect(await notifier({ appSecret: async () => 'wrong' }).send([msg('u1'), msg('u2')])).toEqual({
      sent: 0,
      failed: 2,
      errors: { token: 2 },
    });
    expect(await notifier({ templateId: '' }).send([msg('u1')])).toEqual({ sent: 0, failed: 1, errors: { no_template: 1 } });
    const down = notifier({ apiBase: 'http://127.0.0.1:9', timeoutMs: 500 });
    expect(await down.send([msg('u1')])).toEqual({ sent: 0, failed: 1, errors: { token: 1 } });
    expect(wx.sent).toEqual([]);
  });

  it('helpers: thing values are at most 20 characters, time values are Shanghai time', () => {
    expect(clipThing('短')).toBe('短');
    expect(clipThing('一二三四五六七八九十一二三四五六七八九十')).toHaveLength(20);
    expect(Array.from(clipThing('一二三四五六七八九十一二三四五六七八九十一'))).toHaveLength(20);
    expect(wechatTime(new Date('2026-01-04T16:05:00.000Z'))).toBe('2026年1月5日 00:05');
  });
});

describe('createNotifier', () => {
  const base = { CX_TABLE_NAME: 'table', CX_TOKEN_SIGNING_KEY: 'k'.repeat(32) };
  const ctx = {
    doc: {} as never,
    clock: { now: () => new Date() },
    appSecret: async () => '',
    openids: { openidsOf: async () => new Map() },
  };
  it('is the outbox locally and WeChat subscribe messages in production', () => {
    expect(createNotifier(parseConfig({ ...base, CX_STAGE: 'local' }), ctx)).toBeInstanceOf(OutboxNotifier);
    expect(createNotifier(parseConfig({ ...base, CX_STAGE: 'prod', CX_SECRETS_ARN: 'arn:x' }), ctx)).toBeInstanceOf(
      WechatSubscribeNotifier,
    );
    expect(createNotifier(parseConfig({ ...base, CX_STAGE: 'local', CX_NOTIFIER: 'wechat' }), ctx)).toBeInstanceOf(WechatSubscribeNotifier);
  });
});
