import { createServer, type Socket } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_ATTEMPTS } from '../../src/features/identity/identity.wiring';
import { ALL_FEATURES } from '../../src/handlers/all-features';
import { createApiApp } from '../../src/handlers/api-app';
import type { Router } from '../../src/platform/http/router';
import { silentLogger } from '../../src/platform/observability/logger';
import { rateLimitEntities } from '../../src/platform/rate-limit/rate-limit.entities';
import { WECHAT_TIMEOUT_MS } from '../../src/platform/wechat/wechat-client.http';
import { createWiring } from '../../src/platform/wiring';
import { apiEvent } from '../support/events';
import { startFakeWechat } from '../support/fake-wechat';
import { createTestStack, type TestStack } from '../support/test-stack';

const A = '203.0.113.9';
const B = '198.51.100.7';

describe('POST /v1/auth/wechat: a per-client limit shared by every container, and a bounded WeChat call', () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let stack: TestStack;
  /** A second container: its own wiring and DynamoDB client over the same table. */
  let other: Router;
  // Mid-window: 12:00:10 UTC, so a window ends 50 s later.
  let now = Date.parse('2026-11-27T12:00:10.000Z');
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    wechat = await startFakeWechat({ appId: 'wx-test-app', appSecret: 'test-app-secret' });
    stack = await createTestStack({ wechatApiBase: wechat.url, clock, seed: false });
    other = createApiApp(createWiring(stack.wiring.config, stack.wiring.secrets, clock), { logger: silentLogger, features: ALL_FEATURES });
  });
  afterAll(() => wechat.stop());

  async function login(app: Router, code: string, ip: string) {
    const event = apiEvent('POST', '/v1/auth/wechat', { body: { code } });
    event.requestContext.http.sourceIp = ip;
    const res = await app.handle(event);
    return { status: res.statusCode, headers: (res.headers ?? {}) as Record<string, string>, body: JSON.parse(res.body ?? '{}') };
  }

  it(`${LOGIN_ATTEMPTS.limit} attempts a minute per address, good codes or bogus; then 429 with Retry-After, and WeChat is not asked`, async () => {
    expect(LOGIN_ATTEMPTS).toMatchObject({ limit: 20, windowSeconds: 60 });
    for (let i = 0; i < LOGIN_ATTEMPTS.limit; i++) {
      if (i % 2 === 0) wechat.issueCode(`good-${i}`, `openid-${i}`);
      const res = await login(stack.app, i % 2 === 0 ? `good-${i}` : `bogus-${i}`, A);
      expect([i, res.status]).toEqual([i, i % 2 === 0 ? 200 : 401]);
    }
    const asked = wechat.calls.length;
    wechat.issueCode('good-late', 'openid-late');
    const refused = await login(stack.app, 'good-late', A);
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(ErrorBody.safeParse(refused.body).success).toBe(true);
    expect(refused.headers['retry-after']).toBe('50');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(wechat.calls.length).toBe(asked);
    // Another address has its own count.
    expect((await login(stack.app, 'good-late', B)).status).toBe(200);
  });

  it('the count lives in the table under a hash of the address, with a ttl past the window', async () => {
    const windowStart = Math.floor(now / 1000) - (Math.floor(now / 1000) % 60);
    const items = (await stack.snapshot()).filter((i) => String(i.pk).startsWith('LIMIT#'));
    expect(items.map((i) => [i.sk, i.hits, i.ttl])).toEqual(expect.arrayContaining([[`W#${windowStart}`, 20, windowStart + 60 + 3600]]));
    expect(JSON.stringify(items)).not.toContain(A);
    expect(JSON.stringify(items)).not.toContain(B);
    const key = items.find((i) => i.hits === 20)!;
    const read = await stack.doc.send(new GetCommand({ TableName: stack.tableName, Key: { pk: key.pk, sk: key.sk } }));
    expect(rateLimitEntities.window.parse(read.Item!)).toEqual({ hits: 20 });
  });

  it('the next window starts afresh', async () => {
    now += 50_000;
    wechat.issueCode('good-next', 'openid-next');
    expect((await login(stack.app, 'good-next', A)).status).toBe(200);
  });

  it('two containers, 30 attempts at once: exactly the limit gets through (the counter is one conditional write)', async () => {
    now += 60_000;
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(i % 2 === 0 ? stack.app : other, `bogus-burst-${i}`, A)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(20).fill(401), ...Array(10).fill(429)]);
  });

  it(`a WeChat that never answers: 502 after about ${WECHAT_TIMEOUT_MS / 1000} s, not the function's whole timeout`, async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => {
      sockets.push(s);
      s.resume();
    });
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    const hanging = await createTestStack({
      wechatApiBase: `http://127.0.0.1:${(silent.address() as { port: number }).port}`,
      clock,
      seed: false,
    });
    try {
      const started = performance.now();
      const res = await login(hanging.app, 'any-code', A);
      const ms = performance.now() - started;
      expect([res.status, res.body.code]).toEqual([502, 'UPSTREAM_UNAVAILABLE']);
      expect(sockets.length).toBe(1);
      expect(ms).toBeGreaterThanOrEqual(WECHAT_TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(WECHAT_TIMEOUT_MS + 1_500);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
