import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ErrorBody } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoLocal, startDynamoLocal } from '../../src/local/dynamo-local';
import { DYNAMO_LIMITS } from '../../src/platform/dynamodb/bounded-retry';
import { API_TIME_BUDGET_MS } from '../../src/platform/http/api-budget';
import type { Logger } from '../../src/platform/observability/logger';
import { startFakeWechat } from '../support/fake-wechat';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

// 2026-11-27 20:00 in Shanghai: a report for the day may be filed.
const clock = { now: () => new Date('2026-11-27T12:00:00.000Z') };
const DAY = '2026-11-27';

/**
 * A DynamoDB Local of this file's own (the shared one must never be frozen), with its data on disk so it
 * can be killed and started again. The app under test is built once and never restarted.
 */
describe('DynamoDB frozen (SIGSTOP) or killed: 503 within the budget, then recovery without a restart', () => {
  let dataDir: string;
  let dynamo: DynamoLocal;
  let stack: TestStack;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  const logs: { level: string; message: string; extra?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: () => {},
    warn: (message, extra) => logs.push({ level: 'warn', message, extra }),
    error: (message, extra) => logs.push({ level: 'error', message, extra }),
  };
  let token: Record<'cadre' | 'secretary' | 'admin' | 'resident' | 'leader', string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cx-outage-'));
    // A second Java process on a runner already busy with the shared one: it may take a while to answer.
    dynamo = await startDynamoLocal({ dbPath: dataDir, readyWithinMs: 90_000 });
    wechat = await startFakeWechat({ appId: 'wx-test-app', appSecret: 'test-app-secret' });
    // The limits of AWS, not DynamoDB Local's looser ones: this is the budget a deployed request keeps.
    stack = await createTestStack({
      dynamoEndpoint: dynamo.endpoint,
      dynamoLimits: DYNAMO_LIMITS,
      clock,
      logger,
      wechatApiBase: wechat.url,
    });
    token = {
      cadre: await stack.tokenFor(DEMO.cadre),
      secretary: await stack.tokenFor(DEMO.secretary),
      admin: await stack.tokenFor(DEMO.district_admin),
      resident: await stack.tokenFor(DEMO.resident),
      leader: await stack.tokenFor(DEMO.leader),
    };
  }, 180_000);

  afterAll(async () => {
    await wechat?.stop();
    if (!dynamo) return;
    try {
      process.kill(dynamo.pid, 'SIGCONT'); // a stopped process would hold SIGTERM until continued
    } catch {
      // already gone
    }
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Reads of several features, public and authenticated: each touches the table first thing. */
  const reads = () =>
    [
      ['GET', '/v1/me', token.cadre],
      ['POST', '/v1/auth/dev-login', undefined, { userId: DEMO.leader }],
      ['GET', '/v1/org/tree', token.admin],
      ['GET', `/v1/branches/yingtaogou/reports/${DAY}`, token.secretary],
      ['GET', '/v1/letters/mine', token.resident],
      ['GET', '/v1/board/2026', token.admin],
      ['GET', '/v1/news', token.leader],
    ] as const;
  /** An edit of the day's report, based on `version`; the same key every time it is sent. */
  const edit = (version: number) => ({
    content: { items: [{ star: 'industry', text: `第 ${version + 1} 版` }] },
    idempotencyKey: `outage-edit-${version}-0123456789abcdef`,
    expectedVersion: version,
  });

  async function timed(method: string, p: string, tok?: string, body?: unknown) {
    const started = performance.now();
    const res = await stack.call(method, p, { token: tok, body });
    return { ...res, ms: performance.now() - started, what: `${method} ${p}` };
  }
  type Timed = Awaited<ReturnType<typeof timed>>;
  const sendReads = () => Promise.all(reads().map(([m, p, tok, body]) => timed(m, p, tok, body)));
  const sendEdit = (version: number) => timed('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, token.cadre, edit(version));
  /** A sign-in counts against its address in the table before WeChat is asked. */
  const sendLogin = (code: string) => timed('POST', '/v1/auth/wechat', undefined, { code });

  function expectAnswered(results: Timed[]) {
    expect(results.map((r) => [r.what, r.status])).toEqual(results.map((r) => [r.what, 200]));
  }

  function expectUnavailable(results: Timed[]) {
    for (const r of results) {
      expect([r.status, r.body.code], r.what).toEqual([503, 'UNAVAILABLE']);
      expect(ErrorBody.safeParse(r.body).success, r.what).toBe(true);
      expect(r.headers['retry-after'], r.what).toBe('5');
      expect(r.headers['x-content-type-options'], r.what).toBe('nosniff');
      expect(r.ms, r.what).toBeLessThan(API_TIME_BUDGET_MS);
    }
  }

  /**
   * Polls until every read answers again: the app itself is never rebuilt. A DynamoDB Local just started (or
   * thawed) is cold, and on a busy runner its heaviest reads may overrun AWS's limits a few times first.
   */
  async function recovered(within = 60_000) {
    const deadline = Date.now() + within;
    for (;;) {
      const results = await sendReads();
      if (results.every((r) => r.status === 200)) return;
      if (Date.now() > deadline) expectAnswered(results);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Sends again while the answer is 503, as a client does (only for requests that are safe to repeat). */
  async function untilAnswered<T extends { status: number }>(send: () => Promise<T>, within = 60_000): Promise<T> {
    const deadline = Date.now() + within;
    for (;;) {
      const res = await send();
      if (res.status !== 503 || Date.now() > deadline) return res;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** A sign-in with a fresh one-time code each try (WeChat spends a code even when our side then fails). */
  let loginTries = 0;
  const healthyLogin = () => {
    const code = `healthy-code-${++loginTries}`;
    wechat.issueCode(code, 'openid-outage');
    return sendLogin(code);
  };

  const reportNow = async () =>
    (await stack.call('GET', `/v1/branches/yingtaogou/reports/${DAY}`, { token: token.secretary })).body as {
      report: { version: number };
      revisions: unknown[];
    };

  it('healthy first: the report is filed and every read answers', async () => {
    const filed = await untilAnswered(() =>
      stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, {
        token: token.cadre,
        body: { content: { items: [{ star: 'industry', text: '第 1 版' }] }, idempotencyKey: 'outage-first-0123456789abc' },
      }),
    );
    expect([filed.status === 200 || filed.status === 201, filed.body.report.version]).toEqual([true, 1]);
    await recovered();
    expect((await untilAnswered(healthyLogin)).status).toBe(200);
  }, 180_000);

  it('frozen: every request answers 503 UNAVAILABLE with Retry-After within the budget; after SIGCONT it recovers', async () => {
    const warnings = logs.length;
    process.kill(dynamo.pid, 'SIGSTOP');
    let frozen: Timed[];
    try {
      frozen = (await Promise.all([sendReads(), sendEdit(1), sendLogin('frozen-code')])).flat();
    } finally {
      process.kill(dynamo.pid, 'SIGCONT');
    }
    expectUnavailable(frozen);
    // A stall, not a refusal: the client gave up on its own timeouts, and said so as a warning, not an error.
    const causes = logs.slice(warnings).map((l) => [l.level, l.message, (l.extra?.cause as { name?: string })?.name].join(' '));
    expect(causes).toHaveLength(frozen.length);
    expect(new Set(causes)).toEqual(new Set(['warn dependency unavailable TimeoutError']));

    await recovered();
    // The edit sent during the stall may or may not have landed after SIGCONT: sent again with its key, it counts once.
    for (const attempt of [1, 2]) {
      const res = await untilAnswered(() => sendEdit(1));
      expect([attempt, res.status, res.body.report.version]).toEqual([attempt, 200, 2]);
    }
    expect(await reportNow()).toMatchObject({ report: { version: 2 }, revisions: [{}, {}] });
  }, 180_000);

  it('killed: every request answers 503 at once; DynamoDB started again on its port and data, the same app carries on', async () => {
    const warnings = logs.length;
    process.kill(dynamo.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    const down = (await Promise.all([sendReads(), sendEdit(2), sendLogin('killed-code')])).flat();
    expectUnavailable(down);
    // Refused connections fail fast: no request waits for the timeouts.
    for (const r of down) expect(r.ms, r.what).toBeLessThan(3_000);
    const codes = logs.slice(warnings).map((l) => [l.level, (l.extra?.cause as { code?: string })?.code].join(' '));
    expect(new Set(codes)).toEqual(new Set(['warn ECONNREFUSED']));

    dynamo = await startDynamoLocal({ port: dynamo.port, dbPath: dataDir, readyWithinMs: 90_000 });
    await recovered();
    expect((await untilAnswered(() => sendEdit(2))).status).toBe(200);
    // Everything acknowledged before the kill is still there.
    expect(await reportNow()).toMatchObject({ report: { version: 3 }, revisions: [{}, {}, {}] });
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
    // WeChat was asked only while the table answered.
    const asked = wechat.calls.map((c) => c.get('js_code'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((c) => !c?.startsWith('healthy-code-'))).toEqual([]);
  }, 180_000);
});
