import { describe, expect, it } from 'vitest';
import { buildPath, buildQuery, createApiClient, type TransportRequest } from '../src';
import { buildOpenApiDocument } from '../src/openapi';

describe('typed client', () => {
  it('builds URLs from the route table and sends the token only to protected routes', async () => {
    const seen: TransportRequest[] = [];
    const client = createApiClient({
      baseUrl: 'http://api.test/',
      getToken: () => 'tok',
      transport: async (req) => {
        seen.push(req);
        return { status: 200, body: {} };
      },
    });
    await client.listTownshipBranches({ params: { townshipId: '五里堡' } });
    await client.health({});
    await client.listInvitations({ query: { townshipId: 'wulibao' } });
    await client.devLogin({ body: { userId: 'demo' } });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://api.test/v1/org/townships/%E4%BA%94%E9%87%8C%E5%A0%A1/branches',
      'GET http://api.test/health',
      'GET http://api.test/v1/invitations?townshipId=wulibao',
      'POST http://api.test/v1/auth/dev-login',
    ]);
    expect(seen.map((r) => r.headers.authorization)).toEqual(['Bearer tok', undefined, 'Bearer tok', undefined]);
    expect(seen[3].body).toBe('{"userId":"demo"}');
    expect(seen[3].headers['content-type']).toBe('application/json');
  });

  it('on a 401 re-authenticates once and retries once', async () => {
    let token = 'old';
    let reauths = 0;
    const statuses = [401, 200];
    const client = createApiClient({
      baseUrl: 'http://api.test',
      getToken: () => token,
      reauthenticate: async () => {
        reauths++;
        token = 'new';
        return true;
      },
      transport: async (req) => ({ status: statuses.shift() ?? 500, body: { auth: req.headers.authorization } }),
    });
    const res = await client.getMe({});
    expect(res).toEqual({ status: 200, body: { auth: 'Bearer new' } });
    expect(reauths).toBe(1);
  });

  it('gives up after one retry, and never retries when re-authentication fails', async () => {
    let calls = 0;
    const always401 = createApiClient({
      baseUrl: 'http://a',
      reauthenticate: async () => true,
      transport: async () => {
        calls++;
        return { status: 401, body: {} };
      },
    });
    expect((await always401.getMe({})).status).toBe(401);
    expect(calls).toBe(2);
    calls = 0;
    const noLogin = createApiClient({
      baseUrl: 'http://a',
      reauthenticate: async () => false,
      transport: async () => {
        calls++;
        return { status: 401, body: {} };
      },
    });
    expect((await noLogin.getMe({})).status).toBe(401);
    expect(calls).toBe(1);
  });

  it('refuses to build a path with a missing parameter, and skips empty query values', () => {
    expect(() => buildPath('/v1/org/branches/{branchId}', {})).toThrow(/branchId/);
    expect(buildQuery({ a: 'x y', b: undefined })).toBe('?a=x%20y');
  });
});

describe('OpenAPI document', () => {
  it('leaves local-only routes out of the deployed document', () => {
    const deployed = buildOpenApiDocument({ includeLocalOnly: false }) as { paths: Record<string, unknown> };
    const local = buildOpenApiDocument({ includeLocalOnly: true }) as { paths: Record<string, unknown> };
    expect(deployed.paths['/v1/auth/dev-login']).toBeUndefined();
    expect(local.paths['/v1/auth/dev-login']).toBeDefined();
  });

  it('describes path parameters and bearer security', () => {
    const doc = buildOpenApiDocument({ includeLocalOnly: false }) as {
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; security?: unknown }>>;
    };
    const op = doc.paths['/v1/org/branches/{branchId}'].put;
    expect(op.parameters).toEqual([expect.objectContaining({ name: 'branchId', in: 'path', required: true })]);
    expect(op.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/health'].get.security).toBeUndefined();
  });

  it('every operation documents 503 (an outage) with the error body and Retry-After; a limited one its 429 too', () => {
    const doc = buildOpenApiDocument({ includeLocalOnly: true }) as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<
              string,
              { headers?: object; content: { 'application/json': { schema: { properties: { code: { enum: string[] } } } } } }
            >;
          }
        >
      >;
    };
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThan(100);
    for (const op of ops) {
      expect(op.responses['503'].headers).toEqual({ 'Retry-After': { schema: { type: 'integer', minimum: 1 } } });
      expect(op.responses['503'].content['application/json'].schema.properties.code.enum).toContain('UNAVAILABLE');
    }
    const login = doc.paths['/v1/auth/wechat'].post.responses;
    expect(Object.keys(login)).toEqual(['200', '400', '401', '429', '502', '503']);
    expect(login['429'].headers).toEqual({ 'Retry-After': { schema: { type: 'integer', minimum: 1 } } });
  });
});
