import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config/config';
import { createDocumentClient } from '../../src/platform/dynamodb/document-client';
import { createNotifier } from '../../src/platform/notify/create-notifier';
import type { Notification } from '../../src/platform/notify/notifier';
import type { OpenidDirectory } from '../../src/platform/notify/openid-directory';
import { WechatSubscribeNotifier } from '../../src/platform/notify/wechat-subscribe-notifier';
import { DynamoAccessTokenStore } from '../../src/platform/wechat/access-token-store.dynamodb';
import { SharedAccessTokens } from '../../src/platform/wechat/shared-access-tokens';
import { stableTokenFetcher } from '../../src/platform/wechat/stable-token.http';
import { wechatEntities } from '../../src/platform/wechat/wechat.entities';
import { startFakeWechatSubscribe } from '../support/fake-wechat-subscribe';
import { createTestStack, type TestStack } from '../support/test-stack';

const APP = 'wx-test-app';
const SECRET = 'test-app-secret';
const HOUR = 3_600_000;

/**
 * Several function containers (each its own DynamoDB client and token memory) against one table on DynamoDB
 * Local and one fake WeChat with stable_token's real semantics. They share one access_token, refresh it
 * without invalidating each other's, and never touch the old /cgi-bin/token.
 */
describe('one WeChat access_token shared by every function through DynamoDB', () => {
  let stack: TestStack;
  let wx: Awaited<ReturnType<typeof startFakeWechatSubscribe>>;
  let now = Date.parse('2026-11-27T12:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const directory: OpenidDirectory = { openidsOf: async (ids) => new Map(ids.map((id) => [id, `o-${id}`])) };
  const msg = (userId: string): Notification => ({ recipientUserId: userId, recipientName: userId, title: '日报提醒', body: '请提交日报' });

  /** A cold container: a DynamoDB client of its own, an empty token memory. */
  const container = (appSecret: () => Promise<string> = async () => SECRET) => {
    const store = new DynamoAccessTokenStore(createDocumentClient({ endpoint: stack.endpoint }), stack.tableName);
    const accessTokens = new SharedAccessTokens({
      appId: APP,
      store,
      fetch: stableTokenFetcher({ apiBase: wx.url, appId: APP, appSecret }),
      clock,
    });
    return {
      store,
      accessTokens,
      notifier: new WechatSubscribeNotifier({ apiBase: wx.url, accessTokens, templateId: 'TPL', openids: directory, clock }),
    };
  };
  const stored = async () =>
    (await stack.doc.send(new GetCommand({ TableName: stack.tableName, Key: wechatEntities.accessToken.key({ appId: APP }) }))).Item;

  beforeAll(async () => {
    stack = await createTestStack({ seed: false, clock });
  });
  beforeEach(async () => {
    await wx?.stop();
    wx = await startFakeWechatSubscribe({ appId: APP, appSecret: SECRET, tokenDelayMs: 20, now: () => now });
    // Every user accepted both templates a few times: WeChat sends nothing without consent (43101).
    for (const user of ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'r0', 'r1', 'r2', 'r3'])
      for (const t of ['TPL', 'TPL-REMIND']) wx.grant(`o-${user}`, t, 3);
    now += 24 * HOUR; // a new day, and any token stored by an earlier test has expired
  });
  afterAll(async () => wx?.stop());

  it('containers started together agree on one token; a cold one later reads it from the table, not from WeChat', async () => {
    const [a, b] = [container(), container()];
    const [ra, rb] = await Promise.all([a.notifier.send([msg('u1'), msg('u2'), msg('u3')]), b.notifier.send([msg('u4'), msg('u5')])]);
    expect([ra, rb]).toEqual([
      { sent: 3, failed: 0, errors: {} },
      { sent: 2, failed: 0, errors: {} },
    ]);
    expect(new Set(wx.sent.map((m) => m.accessToken))).toEqual(new Set(['tok-1']));
    expect(wx.tokenRequests.length).toBeGreaterThanOrEqual(1);
    expect(wx.tokenRequests.length).toBeLessThanOrEqual(2); // both may find the table empty; WeChat answers both tok-1
    expect(await stored()).toMatchObject({ entity: 'wechat-access-token', appId: APP, token: 'tok-1', expiresAt: now + 2 * HOUR });

    const before = wx.tokenRequests.length;
    expect(await container().notifier.send([msg('u6')])).toEqual({ sent: 1, failed: 0, errors: {} });
    expect(wx.tokenRequests.length).toBe(before);
    expect(wx.rejected).toEqual([]);
    expect(wx.legacyTokenRequests).toEqual([]);
    expect(wx.forceRefreshes).toBe(0);
  });

  it('near expiry every container moves to the successor without a refused message; one refresh serves them all', async () => {
    const [a, b, c] = [container(), container(), container()];
    await a.notifier.send([msg('u1')]);
    await Promise.all([b.notifier.send([msg('u2')]), c.notifier.send([msg('u3')])]); // warm: each has tok-1 in memory
    const requests = wx.tokenRequests.length;

    now += 2 * HOUR - 4 * 60_000; // 4 minutes left: WeChat hands out the successor, tok-1 still valid
    expect(await a.notifier.send([msg('u4')])).toEqual({ sent: 1, failed: 0, errors: {} });
    expect(wx.sent.at(-1)?.accessToken).toBe('tok-2');
    expect(wx.tokenRequests.length).toBe(requests + 1);
    // b and c find tok-2 in the table: no call to WeChat, and nobody's token was invalidated.
    await Promise.all([b.notifier.send([msg('u5')]), c.notifier.send([msg('u6')])]);
    expect(wx.sent.slice(-2).map((m) => m.accessToken)).toEqual(['tok-2', 'tok-2']);
    expect(wx.tokenRequests.length).toBe(requests + 1);
    expect(wx.rejected).toEqual([]);
    expect(wx.forceRefreshes).toBe(0);
  });

  it('containers refreshing at the same moment all get the successor from WeChat and store it once', async () => {
    const all = [container(), container(), container(), container()];
    await all[0].notifier.send([msg('u0')]);
    now += 2 * HOUR - 60_000;
    const reports = await Promise.all(all.map((c, i) => c.notifier.send([msg(`r${i}`)])));
    expect(reports.every((r) => r.sent === 1 && r.failed === 0)).toBe(true);
    expect(new Set(wx.sent.slice(-4).map((m) => m.accessToken))).toEqual(new Set(['tok-2']));
    expect((await stored())?.token).toBe('tok-2');
    expect(wx.rejected).toEqual([]);
  });

  it('the conditional write never lets an older token overwrite a newer one', async () => {
    const { store } = container();
    const newer = { appId: APP, token: 'newer', expiresAt: now + 2 * HOUR, refreshAt: now + HOUR, fetchedAt: new Date(now).toISOString() };
    const older = { ...newer, token: 'older', expiresAt: now + HOUR };
    expect(await store.offer(newer, (await store.read(APP))?.token)).toEqual(newer);
    expect(await store.offer(older)).toEqual(newer);
    expect((await stored())?.token).toBe('newer');
    // …unless it replaces the token WeChat refused (its successor may well expire sooner).
    expect(await store.offer(older, 'newer')).toEqual(older);
    expect((await stored())?.token).toBe('older');
  });

  it('after a force refresh elsewhere, the first container to meet 40001 stores the successor and the others take it from the table', async () => {
    const [a, b] = [container(), container()];
    await a.notifier.send([msg('u1')]);
    await b.notifier.send([msg('u2')]);
    const requests = wx.tokenRequests.length;
    const leakedRotated = wx.forceRefresh(); // e.g. a leaked token rotated from WeChat's console
    expect(await a.notifier.send([msg('u3')])).toEqual({ sent: 1, failed: 0, errors: {} });
    expect(wx.tokenRequests.length).toBe(requests + 1);
    expect(await b.notifier.send([msg('u4')])).toEqual({ sent: 1, failed: 0, errors: {} });
    expect(wx.tokenRequests.length).toBe(requests + 1);
    expect(wx.sent.slice(-2).map((m) => m.accessToken)).toEqual([leakedRotated, leakedRotated]);
    expect(wx.rejected.map((m) => m.accessToken)).toEqual(['tok-1', 'tok-1']);
    expect(wx.forceRefreshes).toBe(1); // only the one from outside: no container ever forces
    expect(wx.tokenRequests.every((r) => r.force_refresh === undefined)).toBe(true);
  });

  it('a wrong AppSecret stores nothing and fails the batch by count', async () => {
    const { notifier } = container(async () => 'wrong');
    expect(await notifier.send([msg('u1'), msg('u2')])).toEqual({ sent: 0, failed: 2, errors: { token: 2 } });
    expect((await stored())?.expiresAt).toBeLessThan(now); // what is there is an earlier test's expired token
  });

  it('production wiring (createNotifier, CX_NOTIFIER=wechat) keeps the token in the table', async () => {
    const config = parseConfig({
      CX_STAGE: 'test',
      CX_TABLE_NAME: stack.tableName,
      CX_DYNAMODB_ENDPOINT: stack.endpoint,
      CX_TOKEN_SIGNING_KEY: 'k'.repeat(32),
      CX_NOTIFIER: 'wechat',
      CX_WECHAT_API_BASE: wx.url,
      CX_WECHAT_APPID: APP,
      CX_WECHAT_REMINDER_TEMPLATE_ID: 'TPL-REMIND',
    });
    const notifier = createNotifier(config, { doc: stack.doc, clock, appSecret: async () => SECRET, openids: directory });
    expect(notifier).toBeInstanceOf(WechatSubscribeNotifier);
    expect(await notifier.send([msg('u1')])).toMatchObject({ sent: 1, failed: 0 });
    const item = await stored();
    expect(item).toMatchObject({ token: wx.sent.at(-1)?.accessToken, expiresAt: now + 2 * HOUR, refreshAt: now + 2 * HOUR - 5 * 60_000 });
    expect(wx.legacyTokenRequests).toEqual([]);
  });
});
