import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/local/dynamo-local';
import { BoundedRetryStrategy, DYNAMO_LIMITS, type DynamoLimits, LOCAL_DYNAMO_LIMITS } from '../../src/platform/dynamodb/bounded-retry';
import { createDocumentClient } from '../../src/platform/dynamodb/document-client';
import { isOutage } from '../../src/platform/dynamodb/outage';
import { API_TIME_BUDGET_MS } from '../../src/platform/http/api-budget';
import { DomainError } from '../../src/platform/kernel/domain-error';

const LIMITS: DynamoLimits = { connectTimeoutMs: 1_000, attemptTimeoutMs: 3_000, maxAttempts: 3, callBudgetMs: 6_500 };

describe('bounded retries', () => {
  function strategy(limits = LIMITS) {
    let now = 0;
    const s = new BoundedRetryStrategy(
      limits,
      () => now,
      () => 0.999,
    );
    return { s, at: (t: number) => (now = t) };
  }

  it('a stalled table: the second attempt still fits the call budget, a third would not', async () => {
    const { s, at } = strategy();
    const first = await s.acquireInitialRetryToken('');
    at(3_000);
    const second = await s.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' });
    expect([second.getRetryCount(), second.getRetryDelay()]).toEqual([1, 99]);
    at(6_100);
    await expect(s.refreshRetryTokenForRetry(second, { errorType: 'TRANSIENT' })).rejects.toThrow(/no retry/);
  });

  it('quick failures (refused, throttled) get every attempt, then no more', async () => {
    const { s, at } = strategy();
    let token = await s.acquireInitialRetryToken('');
    at(5);
    token = await s.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
    expect(token.getRetryDelay()).toBe(999); // throttling waits longer than a network blip
    at(1_010);
    token = await s.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT' });
    expect(token.getRetryCount()).toBe(2);
    at(1_300);
    await expect(s.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT' })).rejects.toThrow(/no retry/);
  });

  it('an answer (a failed condition, a bad request, a server bug) is never retried', async () => {
    const { s } = strategy();
    const token = await s.acquireInitialRetryToken('');
    for (const errorType of ['CLIENT_ERROR', 'SERVER_ERROR']) {
      await expect(s.refreshRetryTokenForRetry(token, { errorType })).rejects.toThrow(/no retry/);
    }
  });

  it('the deployed limits keep a call inside the API budget, which leaves room for the rest of the request', () => {
    expect(DYNAMO_LIMITS).toEqual(LIMITS);
    expect(DYNAMO_LIMITS.callBudgetMs).toBeLessThanOrEqual(API_TIME_BUDGET_MS - 1_000);
    expect(DYNAMO_LIMITS.connectTimeoutMs).toBeLessThan(DYNAMO_LIMITS.attemptTimeoutMs);
    // DynamoDB Local is slower under load but bounded too: a frozen one still gets an answer out of `npm start`.
    expect(LOCAL_DYNAMO_LIMITS.attemptTimeoutMs).toBeGreaterThan(DYNAMO_LIMITS.attemptTimeoutMs);
    expect(LOCAL_DYNAMO_LIMITS.callBudgetMs).toBeLessThanOrEqual(30_000);
  });
});

describe('the document client against misbehaving endpoints (real HTTP, short limits)', () => {
  const SHORT: DynamoLimits = { connectTimeoutMs: 200, attemptTimeoutMs: 300, maxAttempts: 3, callBudgetMs: 700 };
  const closers: (() => void)[] = [];
  afterEach(() => {
    for (const close of closers.splice(0)) close();
  });

  async function listen(server: Server | ReturnType<typeof createTcpServer>) {
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    closers.push(() => server.close());
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  /** Answers every request with DynamoDB's JSON error shape. */
  async function answering(status: number, type: string) {
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      req.resume().on('end', () => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: 'x' }));
      });
    });
    const endpoint = await listen(server);
    return { endpoint, requests: () => requests };
  }

  const get = (endpoint: string, limits: DynamoLimits) =>
    createDocumentClient({ endpoint, region: 'local' }, limits).send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));

  async function failure(endpoint: string, limits = SHORT) {
    const started = performance.now();
    const err = await get(endpoint, limits).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { err: err as Error & { code?: string; cause?: Error & { code?: string } }, ms: performance.now() - started };
  }

  it('a server that accepts and never answers: UNAVAILABLE (5 s Retry-After) after two attempts, within the call budget', async () => {
    // Two 500 ms attempts fit 1.45 s even on a busy machine; a third never can (it would end past 1.5 s).
    const limits: DynamoLimits = { connectTimeoutMs: 200, attemptTimeoutMs: 500, maxAttempts: 3, callBudgetMs: 1_450 };
    const sockets: Socket[] = [];
    const hole = createTcpServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    const endpoint = await listen(hole);
    closers.push(() => {
      for (const s of sockets) s.destroy();
    });
    const { err, ms } = await failure(endpoint, limits);
    expect(err).toBeInstanceOf(DomainError);
    expect([err.code, (err as DomainError).retryAfterSeconds, err.cause?.name]).toEqual(['UNAVAILABLE', 5, 'TimeoutError']);
    expect(sockets).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(2 * limits.attemptTimeoutMs - 20);
    expect(ms).toBeLessThan(limits.callBudgetMs + 1_000);
  });

  it('a refused connection: UNAVAILABLE at once, naming ECONNREFUSED', async () => {
    const { err, ms } = await failure(`http://127.0.0.1:${await freePort()}`);
    expect([err.code, err.cause?.code]).toEqual(['UNAVAILABLE', 'ECONNREFUSED']);
    expect(ms).toBeLessThan(2_000); // no attempt waited for a timeout
  });

  it('a 500 or a throttle: retried up to three attempts, then UNAVAILABLE', async () => {
    // Quick answers, so the budget only has to fit the waits (throttling: up to 1 s, then 2 s).
    for (const [status, type, limits] of [
      [500, 'InternalServerError', { ...SHORT, callBudgetMs: 2_000 }],
      [400, 'ThrottlingException', { ...SHORT, callBudgetMs: 4_000 }],
    ] as const) {
      const server = await answering(status, type);
      const { err } = await failure(server.endpoint, limits);
      expect([type, err.code, err.cause?.name]).toEqual([type, 'UNAVAILABLE', type]);
      expect([type, server.requests()]).toEqual([type, 3]);
    }
  });

  it('a failed condition is an answer: passed through as the SDK error, sent once', async () => {
    const server = await answering(400, 'ConditionalCheckFailedException');
    const { err } = await failure(server.endpoint);
    expect(err).not.toBeInstanceOf(DomainError);
    expect(err.name).toBe('ConditionalCheckFailedException');
    expect(server.requests()).toBe(1);
    expect(isOutage(err)).toBe(false);
  });
});
