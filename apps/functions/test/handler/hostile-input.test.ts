import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type Role, type RouteDef, routes } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../src/local/static-server';
import type { Logger } from '../../src/platform/observability/logger';
import { apiEvent } from '../support/events';
import { createHttpTestStack, type HttpTestStack } from '../support/http-stack';
import { DEMO, H5_ORIGIN } from '../support/test-stack';

/** The four the issue reported, and a few more: a lone %, a cut escape, a non-hex one, overlong UTF-8. */
const MALFORMED = ['%E0%A4%A', '%', '%ZZ', '%C0%AF', '%E4%B8', 'a%2', '%%41'];

/** Sends a raw request line, so the path reaches the server exactly as written (fetch would normalise it). */
function rawGet(base: string, rawPath: string, headers: Record<string, string> = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((ok, fail) => {
    const req = request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('hostile input at the edge', () => {
  let stack: HttpTestStack;
  let admin: string;
  const errors: unknown[] = [];
  const logger: Logger = { info: () => {}, warn: () => {}, error: (m, extra) => errors.push({ m, extra }) };
  // 2026-11-27 20:00 in Shanghai.
  const clock = { now: () => new Date('2026-11-27T12:00:00.000Z') };

  beforeAll(async () => {
    stack = await createHttpTestStack({ clock, logger });
    admin = await stack.tokenFor(DEMO.district_admin);
  });
  afterAll(() => stack.stop());

  describe('malformed %-encoding in a path → 400 with a field error, never a 500', () => {
    it('in a path parameter: the parameter is named, with or without a token', async () => {
      for (const bad of MALFORMED) {
        for (const token of [undefined, admin]) {
          const res = await stack.call('GET', `/v1/org/branches/${bad}`, { token });
          expect([bad, res.status, res.body.code, res.body.details]).toEqual([
            bad,
            400,
            'VALIDATION_FAILED',
            [{ path: 'params.branchId', code: 'malformed_path', message: '路径中的编码不正确' }],
          ]);
        }
      }
    });

    it('anywhere else in the path (no route can match it): the path is named', async () => {
      for (const bad of MALFORMED) {
        for (const p of [`/v1/${bad}/tree`, `/${bad}`, `/v1/org/tree${bad}`, `/v1/branches/yingtaogou/reports/2026-11-27/${bad}`]) {
          const res = await stack.call('GET', p, { token: admin });
          expect([p, res.status, res.body.details?.[0]?.path]).toEqual([p, 400, 'path']);
        }
      }
    });

    it('through the local HTTP server too, and nothing is logged as an error', async () => {
      for (const bad of MALFORMED) {
        const res = await rawGet(stack.url, `/v1/org/branches/${bad}`);
        expect([bad, res.status, JSON.parse(res.body).details[0].path]).toEqual([bad, 400, 'params.branchId']);
      }
      // A leading `//` is a path here, not a host: refused or not found, never a crash.
      for (const [target, status] of [
        ['//%ZZ', 400],
        ['//a%ZZ/x', 400],
        ['//v1/me', 404],
        ['/v1/me?x=%ZZ', 401],
      ] as const) {
        expect([target, (await rawGet(stack.url, target)).status]).toEqual([target, status]);
      }
      expect(errors).toEqual([]);
    });

    it('the local H5 static server answers 400 the same way and keeps serving', async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'cx-h5-'));
      writeFileSync(path.join(root, 'index.html'), '<html><head></head><body>创星</body></html>');
      writeFileSync(path.join(root, 'app.js'), 'console.log(1)');
      const h5 = await startStaticServer({ root, port: 0, runtimeConfig: { CX_API_BASE: 'http://127.0.0.1:1' } });
      const uncaught: unknown[] = [];
      const onUncaught = (err: unknown) => uncaught.push(err);
      process.on('uncaughtException', onUncaught);
      try {
        for (const bad of [...MALFORMED.map((b) => `/${b}`), '/pages/%E0%A4%A/index', '/app.js%00', '/%00/index.html']) {
          const res = await rawGet(h5.url, bad);
          expect([bad, res.status, res.headers['x-content-type-options']]).toEqual([bad, 400, 'nosniff']);
          expect(JSON.parse(res.body)).toEqual({
            code: 'VALIDATION_FAILED',
            message: '请求路径格式错误',
            details: [{ path: 'path', code: 'malformed_path', message: '路径中的编码不正确' }],
          });
        }
        // Still up: the app shell and a file are served.
        const shell = await rawGet(h5.url, '/pages/index/index');
        expect([shell.status, shell.body]).toEqual([200, expect.stringContaining('window.CX_API_BASE="http://127.0.0.1:1"')]);
        expect((await rawGet(h5.url, '/app.js')).body).toBe('console.log(1)');
        expect(uncaught).toEqual([]);
      } finally {
        process.off('uncaughtException', onUncaught);
        await h5.stop();
        rmSync(root, { recursive: true, force: true });
      }
    });
  });

  describe('a JSON body that is not an object, where an object is expected → 400 and nothing done', () => {
    /** A valid value for each path parameter name the bodied routes use. */
    const PARAM: Record<string, string> = {
      branchId: 'yingtaogou',
      townshipId: 'wulibao',
      day: '2026-11-27',
      year: '2026',
      month: '2026-11',
      quarter: '2026-Q3',
      version: '1',
      attemptNo: '1',
      taskId: 'industry-t1',
      itemId: '01KREVIEWAUTH000000000001',
      sessionId: 'some-session',
      questionnaireId: 'some-qn',
    };
    const ULID_PARAM = '01JABCDEFGHJKMNPQRSTVWXYZ0';
    const pathOf = (route: RouteDef) => route.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAM[name] ?? ULID_PARAM);
    const userOf = (role: Role) => DEMO[role];

    it('null, an array, a number, a string or a boolean, on every route that takes a body', async () => {
      const bodied = Object.entries(routes as Record<string, RouteDef>).filter(([, r]) => r.body);
      expect(bodied.length).toBeGreaterThan(40);
      const before = await stack.snapshot();
      for (const [name, route] of bodied) {
        const token = route.access.kind === 'public' ? undefined : await stack.tokenFor(userOf(route.access.roles[0]));
        for (const rawBody of ['null', '[]', '[{}]', '42', '"text"', 'true']) {
          const res = await stack.call(route.method, pathOf(route), { token, rawBody });
          expect([name, rawBody, res.status, res.body.code]).toEqual([name, rawBody, 400, 'VALIDATION_FAILED']);
          expect([name, rawBody, res.body.details.map((d: { path: string }) => d.path)]).toEqual([name, rawBody, ['body']]);
        }
      }
      expect(await stack.snapshot()).toEqual(before);
    });

    it('a ranking run and township reminders with body null do nothing; with {} they act (so the check can tell)', async () => {
      // The demo cadre's township: its cadres are bound, so a reminder reaches someone.
      const staff = await stack.tokenFor('demo-township-staff-gwh');
      const before = await stack.snapshot();
      const remindNull = await stack.call('POST', '/v1/townships/demo-gwh/reminders', { token: staff, rawBody: 'null' });
      const runNull = await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, rawBody: 'null' });
      expect([remindNull.status, runNull.status]).toEqual([400, 400]);
      expect(await stack.snapshot()).toEqual(before);
      const remind = await stack.call('POST', '/v1/townships/demo-gwh/reminders', { token: staff, rawBody: '{}' });
      expect(remind.status).toBe(200);
      // Reached in the 消息中心 at least (nobody consented to WeChat messages here).
      expect(remind.body.reached.length).toBeGreaterThan(0);
      expect(await stack.snapshot()).not.toEqual(before);
    });

    it('no body at all still names the missing fields (it reads as {})', async () => {
      const res = await stack.call('POST', '/v1/org/townships/wulibao/branches', { token: admin });
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['body.name', 'body.type']);
    });
  });

  describe('headers on every answer', () => {
    const SECURITY = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

    it('nosniff and no-referrer on successes, files, every error status and the preflight', async () => {
      const staff = await stack.tokenFor(DEMO.township_staff);
      const answers = {
        200: await stack.call('GET', '/health'),
        file: await stack.call('GET', '/v1/townships/wulibao/compliance/export', {
          token: staff,
          query: { from: '2026-11-25', to: '2026-11-27' },
        }),
        400: await stack.call('GET', '/v1/org/branches/%ZZ'),
        401: await stack.call('GET', '/v1/me'),
        403: await stack.call('GET', '/v1/bindings', { token: await stack.tokenFor(DEMO.resident) }),
        404: await stack.call('GET', '/v1/nope'),
        405: await stack.call('PUT', '/v1/me'),
        409: await stack.call('PUT', '/v1/org/branches/jianxinnanjie', { token: admin, body: { name: '旧版本', version: 99 } }),
        preflight: await stack.call('OPTIONS', '/v1/me', { headers: { origin: H5_ORIGIN } }),
      };
      expect(answers.file.headers['content-type']).toContain('spreadsheetml');
      for (const [what, res] of Object.entries(answers)) {
        expect([what, res.status, res.headers]).toEqual([
          what,
          what === 'file' || what === 'preflight' ? expect.any(Number) : Number(what),
          expect.objectContaining(SECURITY),
        ]);
      }
      // And through the local server (the same headers reach the browser).
      const viaHttp = await rawGet(stack.url, '/v1/nope');
      expect([viaHttp.headers['x-content-type-options'], viaHttp.headers['referrer-policy']]).toEqual(['nosniff', 'no-referrer']);
    });

    it('405 names the methods the path does serve in Allow', async () => {
      const allow = async (method: string, p: string) => {
        const res = await stack.app.handle(apiEvent(method, p, { token: admin }));
        expect([method, p, res.statusCode]).toEqual([method, p, 405]);
        return String((res.headers as Record<string, string>).allow)
          .split(', ')
          .sort();
      };
      expect(await allow('PUT', '/v1/me')).toEqual(['GET']);
      expect(await allow('DELETE', '/v1/org/branches/jianxinnanjie')).toEqual(['GET', 'PUT']);
      expect(await allow('PUT', '/v1/invitations')).toEqual(['GET', 'POST']);
      expect(await allow('POST', '/v1/branches/yingtaogou/reports/2026-11-27')).toEqual(['GET', 'PUT']);
    });
  });
});
