import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ROLES, type Role } from '@chuangxing/shared';
import { buildOpenApiDocument } from '@chuangxing/shared/openapi';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingItem } from '../../src/features/identity/identity.entities';
import { buildDemoData } from '../../src/local/demo-data';
import { startFakeWechat } from '../support/fake-wechat';
import { createValidator, fromText, type Operation, operationsOf } from '../support/fuzz/operations';
import { createPools } from '../support/fuzz/pools';
import { type FuzzRequest, pathOf, queryOf, RAW_SEGMENTS, requestsFor, segmentOf } from '../support/fuzz/requests';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/**
 * The contract is the truth: requests generated from the OpenAPI document (every operation, valid and broken
 * parameters, queries and bodies, from every role, without a token and with a forged one) against the API on
 * DynamoDB Local. No answer is a 5xx; each status is one the operation documents, sent as its documented
 * content type with a body its schema accepts; a request the schema refuses never succeeds (an allowed caller
 * gets 400); without a valid token a protected route answers 401, and a role outside its list 403.
 *
 * Seeded, so a failure repeats: CX_FUZZ_SEED picks another seed, CX_FUZZ_RUNS the requests per operation.
 */
const SEED = Number(process.env.CX_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.CX_FUZZ_RUNS ?? 16);
/** The few operations whose every valid request computes across the whole district get a quarter of the runs. */
const COSTLY = new Set(['runRanking', 'getDirectory', 'getDistrictBoard', 'getOrgTree']);

const doc = buildOpenApiDocument({ includeLocalOnly: true }) as Parameters<typeof operationsOf>[0];
// Identity last: revoking bindings early would leave the later operations fewer callers to reach them.
const operations = operationsOf(doc).sort((a, b) => Number(a.path.startsWith('/v1/users/')) - Number(b.path.startsWith('/v1/users/')));
const validator = createValidator();

let stack: TestStack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
const tokens = new Map<string, string>();
const pools = createPools();
/** Operation → statuses it answered, to show the run got past validation and reached the rules. */
const answered = new Map<string, Set<number>>();
pools.setParamNames(Object.keys(doc.paths));
const errorSchema = operations.find((o) => o.id === 'getMe')?.responses.get(404)?.schema ?? {};

beforeAll(async () => {
  wechat = await startFakeWechat({ appId: 'wx-test-app', appSecret: 'test-app-secret' });
  stack = await createTestStack({ wechatApiBase: wechat.url });
  for (const role of ROLES) tokens.set(role, await stack.tokenFor(DEMO[role]));
  tokens.set('forged', `${(await stack.tokenFor(DEMO.district_admin)).slice(0, -4)}AAAA`);
}, 60_000);
afterAll(async () => {
  await wechat?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

async function send(
  method: string,
  path: string,
  req: Pick<FuzzRequest, 'caller' | 'body' | 'rawBody'> & { query?: Record<string, string> },
) {
  const res = await stack.call(method, path, {
    token: req.caller === 'none' ? undefined : tokens.get(req.caller),
    body: req.body,
    rawBody: req.rawBody,
    query: req.query,
  });
  return res as Answer;
}

/** What is wrong with an answer, by the contract; empty when nothing is. */
function problems(op: Operation, req: FuzzRequest, res: Answer): string[] {
  const out: string[] = [];
  if (res.status >= 500) return [`${res.status}: ${JSON.stringify(res.body)}`];
  // An empty path segment matches no route's template: the request is not for this operation at all.
  if (op.pathParams.some((p) => segmentOf(req.params[p.name]) === '')) {
    if (res.status !== 404 && res.status !== 405) return [`a path that matches no template, yet ${res.status}`];
    const bad = validator.problem(errorSchema, res.body);
    return bad ? [`${res.status} body is not an error body: ${bad}`] : [];
  }
  const documented = op.responses.get(res.status);
  if (!documented) return [`undocumented status ${res.status}: ${JSON.stringify(res.body)}`];
  const contentType = res.headers['content-type'] ?? '';
  if (documented.schema) {
    if (!contentType.startsWith('application/json')) out.push(`${res.status} sent as ${contentType}, documented as JSON`);
    const bad = validator.problem(documented.schema, res.body);
    if (bad) out.push(`${res.status} body breaks its schema at ${bad}`);
  } else if (contentType !== documented.contentType)
    out.push(`${res.status} sent as ${contentType}, documented as ${documented.contentType}`);

  const protectedRoute = op.roles !== 'public';
  if (protectedRoute && (req.caller === 'none' || req.caller === 'forged')) {
    if (res.status !== 401) out.push(`no valid token, yet ${res.status}`);
    return out;
  }
  if (protectedRoute && !(op.roles as Role[]).includes(req.caller as Role)) {
    if (res.status !== 403) out.push(`a role outside the route's list, yet ${res.status}`);
    return out;
  }
  const refused = refusal(op, req);
  if (refused && res.status !== 400) out.push(`the schema refuses it (${refused}), yet ${res.status}`);
  return out;
}

/** Why the document's schemas refuse the request, if they do. */
function refusal(op: Operation, req: FuzzRequest): string | undefined {
  const params = Object.fromEntries(op.pathParams.map((p) => [p.name, fromText(segmentOf(req.params[p.name]), p.schema)]));
  const paramsProblem = validator.problem(validator.paramsSchema(op.pathParams), params);
  if (paramsProblem) return `params${paramsProblem}`;
  const sent = queryOf(req.query) ?? {};
  const schemaOf = new Map(op.queryParams.map((p) => [p.name, p.schema]));
  const query = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, schemaOf.has(k) ? fromText(v, schemaOf.get(k)!) : v]));
  const queryProblem = validator.problem(validator.paramsSchema(op.queryParams), query);
  if (queryProblem) return `query${queryProblem}`;
  if (!op.body) return undefined;
  if (req.rawBody !== undefined) return 'body is not JSON';
  if (req.body === undefined) return op.body.required ? 'body missing' : undefined;
  const bodyProblem = validator.problem(op.body.schema, req.body);
  return bodyProblem ? `body${bodyProblem}` : undefined;
}

function describeRequest(op: Operation, req: FuzzRequest): string {
  return JSON.stringify({ caller: req.caller, path: pathOf(op, req.params), query: queryOf(req.query), body: req.body }).slice(0, 600);
}

describe('the contract is the truth: generated requests for every operation', () => {
  it('covers every operation of the document', () => {
    expect(operations.length).toBe(Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0));
    expect(operations.length).toBeGreaterThan(120);
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s', async (_, op) => {
    const failures: string[] = [];
    const seed = SEED + [...op.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
    const numRuns = COSTLY.has(op.id) ? Math.ceil(RUNS / 4) : RUNS;
    for (const req of fc.sample(requestsFor(op, pools), { seed, numRuns })) {
      const res = await send(op.method, pathOf(op, req.params), { ...req, query: queryOf(req.query) });
      if (res.status < 300 && res.body && !Buffer.isBuffer(res.body)) pools.harvest(op.path, res.body);
      answered.set(op.id, (answered.get(op.id) ?? new Set()).add(res.status));
      for (const p of problems(op, req, res)) failures.push(`${p}\n    request: ${describeRequest(op, req)}`);
    }
    expect(failures, `seed ${seed}`).toEqual([]);
  });

  it('reached past validation and into the rules: most operations succeeded, and most refused something', () => {
    const saw = (op: Operation, test: (status: number) => boolean) => [...(answered.get(op.id) ?? [])].some(test);
    const succeeded = operations.filter((op) => saw(op, (s) => s < 300));
    const refused = operations.filter((op) => saw(op, (s) => s === 400));
    const unseen = (ops: Operation[]) => operations.filter((op) => !ops.includes(op)).map((op) => op.id);
    expect(succeeded.length / operations.length, `never succeeded: ${unseen(succeeded)}`).toBeGreaterThan(0.5);
    expect(refused.length / operations.length, `never answered 400: ${unseen(refused)}`).toBeGreaterThan(0.8);
  });
});

describe('malformed paths and methods', () => {
  // The generated requests end with identity's, which may validly revoke a demo binding (demo-cadre-b1 is in the
  // pool on purpose); every block below calls as each role, so the seed's bindings are put back first.
  beforeAll(async () => {
    for (const b of buildDemoData().bindings) await stack.doc.send(new PutCommand({ TableName: stack.tableName, Item: bindingItem(b) }));
  });

  const probes = operations.flatMap((op) =>
    op.pathParams.length
      ? RAW_SEGMENTS.map((seg) => [`${op.method} ${op.path.replace(/\{\w+\}/, seg)}`, op, op.path.replace(/\{\w+\}/, seg)] as const)
      : [],
  );

  it.each(probes)('%s → 400 naming the parameter', async (_, op, path) => {
    const caller: FuzzRequest['caller'] = op.roles === 'public' ? 'none' : op.roles[0];
    const res = await send(op.method, path.replace(/\{\w+\}/g, 'x'), { caller, body: op.body ? {} : undefined });
    expect(res.status).toBe(400);
    expect(validator.problem(errorSchema, res.body)).toBeUndefined();
    expect((res.body as { details: { path: string }[] }).details[0].path).toBe(`params.${op.pathParams[0].name}`);
  });

  it('paths the document does not have → 404, methods a path does not serve → 405, as error bodies', async () => {
    for (const path of ['/v1', '/v1/nope', '/v1/org/branches', '/v1/org/branches/x/y', '/v1/me/', '//v1/me']) {
      const res = await send('GET', path, { caller: 'district_admin' });
      expect([path, res.status]).toEqual([path, 404]);
      expect(validator.problem(errorSchema, res.body)).toBeUndefined();
    }
    for (const [method, path] of [
      ['DELETE', '/v1/me'],
      ['PUT', '/v1/news'],
      ['POST', '/v1/org/branches/yingtaogou'],
      ['PATCH', '/v1/org/branches/yingtaogou'],
    ]) {
      const res = await send(method, path, { caller: 'district_admin' });
      expect([method, path, res.status]).toEqual([method, path, 405]);
      expect(validator.problem(errorSchema, res.body)).toBeUndefined();
    }
  });
});

describe('bodies that are not the object an operation expects', () => {
  const withBody = operations.filter((op) => op.body);
  const kinds: [string, Pick<FuzzRequest, 'body' | 'rawBody'>][] = [
    ['null', { body: null }],
    ['an array', { body: [] }],
    ['a string', { body: 'x' }],
    ['a number', { body: 42 }],
    ['true', { body: true }],
    ['malformed JSON', { rawBody: '{"a":' }],
  ];
  const cases = withBody.flatMap((op) => kinds.map(([kind, body]) => [`${op.method} ${op.path} with ${kind}`, op, body] as const));

  // The router refuses a body before any implementation runs, so a 400 here means nothing was done.
  it.each(cases)('%s → 400', async (_, op, body) => {
    const caller: FuzzRequest['caller'] = op.roles === 'public' ? 'none' : op.roles[0];
    const params = Object.fromEntries(op.pathParams.map((p) => [p.name, pools.sample(p.name, p.schema)]));
    const res = await send(op.method, pathOf(op, params), { caller, ...body });
    expect(res.status).toBe(400);
    expect(validator.problem(errorSchema, res.body)).toBeUndefined();
  });
});

describe('the cases the property-based tester found', () => {
  const schemaOf = (id: string, status: number) => operations.find((o) => o.id === id)?.responses.get(status)?.schema ?? {};

  it('a ranking of 0000-Q1 or 1969-Q4 is refused at the contract: 400, no ranking', async () => {
    for (const quarter of ['0000-Q1', '1969-Q4', '2100-Q1']) {
      const run = await send('POST', `/v1/rankings/${quarter}/runs`, { caller: 'district_admin', body: {} });
      expect([quarter, run.status, (run.body as { details: { path: string }[] }).details[0].path]).toEqual([
        quarter,
        400,
        'params.quarter',
      ]);
    }
    const versions = await send('GET', '/v1/rankings/2026-Q4/versions', { caller: 'district_admin' });
    expect(versions.status).toBe(200);
    expect(JSON.stringify(versions.body)).not.toContain('1969');
  });

  it('a branch with no plan for a year reads a blank draft that conforms to the documented schema', async () => {
    const res = await send('GET', '/v1/branches/yingtaogou/plans/2031', { caller: 'cadre' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 0, status: 'draft', content: { heldStars: [], targetStars: [], stars: [], tasks: [] } });
    expect(validator.problem(schemaOf('getPlan', 200), res.body)).toBeUndefined();
  });

  it('the exports are sent as the XLSX or CSV the document states', async () => {
    const ranking = await send('GET', '/v1/rankings/2026-Q3/export', { caller: 'district_admin' });
    const compliance = await send('GET', '/v1/townships/wulibao/compliance/export', {
      caller: 'township_staff',
      query: { from: '2026-11-01', to: '2026-11-27' },
    });
    for (const [id, res] of [
      ['exportRanking', ranking],
      ['exportTownshipCompliance', compliance],
    ] as const) {
      const documented = operations.find((o) => o.id === id)?.responses.get(res.status);
      expect([id, res.status === 200 || res.status === 404, documented !== undefined]).toEqual([id, true, true]);
      if (res.status === 200) expect(res.headers['content-type']).toBe(documented?.contentType);
    }
  });

  it('a quiz question whose text is only control characters is refused, and so is unnormalised trickery', async () => {
    const res = await send('POST', '/v1/learning/questions', {
      caller: 'district_admin',
      body: { topic: '测试', kind: 'judge', text: '\u001a\u001c\u0002', answer: [0] },
    });
    expect([res.status, (res.body as { details: { path: string }[] }).details.map((d) => d.path)]).toEqual([400, ['body.text']]);
    const nfd = await send('POST', '/v1/learning/questions', {
      caller: 'district_admin',
      body: { topic: 'Cafe\u0301', kind: 'judge', text: '咖啡 cafe\u0301 的写法', answer: [0] },
    });
    expect(nfd.status).toBe(201);
    expect(nfd.body).toMatchObject({ topic: 'Café', text: '咖啡 café 的写法' });
  });

  it('closing a closed questionnaire answers its documented 409', async () => {
    const created = await send('POST', '/v1/questionnaires', {
      caller: 'township_staff',
      body: {
        key: 'fuzz-close-twice-01',
        townshipId: 'wulibao',
        title: '两次关闭',
        roles: ['cadre'],
        questions: [{ kind: 'text', text: '建议' }],
        closesAt: '2030-01-01T00:00:00+08:00',
      },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { questionnaire: { id: string } }).questionnaire.id;
    expect((await send('POST', `/v1/questionnaires/${id}/close`, { caller: 'township_staff' })).status).toBe(200);
    const again = await send('POST', `/v1/questionnaires/${id}/close`, { caller: 'township_staff' });
    expect(again.status).toBe(409);
    expect(operations.find((o) => o.id === 'closeQuestionnaire')?.responses.has(409)).toBe(true);
  });

  it('a body id that names nothing answers 404 naming the field', async () => {
    const res = await send('POST', '/v1/letters', {
      caller: 'resident',
      body: {
        branchId: 'no-such-branch',
        category: 'help',
        text: '需要帮助的事情',
        anonymous: true,
        idempotencyKey: 'fuzz-letter-key-0001',
      },
    });
    expect([res.status, (res.body as { details: { path: string }[] }).details[0].path]).toEqual([404, 'body.branchId']);
  });
});
