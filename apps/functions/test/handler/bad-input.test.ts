import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/api-app';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('bad input → 400 with field errors, and nothing is written', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await createTestStack();
    admin = await stack.tokenFor(DEMO.district_admin);
  });

  async function expect400(method: string, path: string, opts: Parameters<TestStack['call']>[2], code: string, paths: string[]) {
    const before = await stack.snapshot();
    const res = await stack.call(method, path, { token: admin, ...opts });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(paths);
    for (const d of res.body.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, for people
    expect(await stack.snapshot()).toEqual(before);
    return res;
  }

  it('malformed JSON', async () => {
    await expect400('POST', '/v1/org/townships/wulibao/branches', { rawBody: '{"name": "坏', headers: { 'content-type': 'application/json' } }, 'MALFORMED_JSON', ['body']);
  });

  it('wrong types', async () => {
    await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: 42, type: ['rural'] } }, 'VALIDATION_FAILED', ['body.name', 'body.type']);
    await expect400('PUT', '/v1/org/branches/jianxinnanjie', { body: { name: '新名', version: '1' } }, 'VALIDATION_FAILED', ['body.version']);
  });

  it('a body over 64 KB', async () => {
    const res = await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: '大'.repeat(MAX_BODY_BYTES / 3 + 10), type: 'rural' } }, 'BODY_TOO_LARGE', ['body']);
    expect(res.body.message).toContain('64 KB');
  });

  it('unknown fields, at the top and nested', async () => {
    await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: '新社区', type: 'community', isAdmin: true } }, 'VALIDATION_FAILED', ['body.isAdmin']);
    await expect400(
      'POST',
      '/v1/invitations',
      { body: { inviteeName: '某人', role: 'cadre', scope: { level: 'district', districtId: 'erqi', sneaky: 1 } } },
      'VALIDATION_FAILED',
      ['body.scope.sneaky'],
    );
  });

  it('empty and oversize names, bad enum values, out-of-range numbers', async () => {
    await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: '   ', type: 'urban' } }, 'VALIDATION_FAILED', ['body.name', 'body.type']);
    await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: '长'.repeat(41), type: 'rural' } }, 'VALIDATION_FAILED', ['body.name']);
    await expect400(
      'POST',
      '/v1/invitations',
      { body: { inviteeName: '某人', role: 'resident', scope: { level: 'district', districtId: 'erqi' }, expiresInHours: 10_000 } },
      'VALIDATION_FAILED',
      ['body.role', 'body.expiresInHours'],
    );
  });

  it('a missing body where one is required', async () => {
    await expect400('POST', '/v1/org/townships/wulibao/branches', {}, 'VALIDATION_FAILED', ['body.name', 'body.type']);
  });

  it('path parameters and query strings are validated too', async () => {
    await expect400('GET', '/v1/org/branches/bad%20id!', {}, 'VALIDATION_FAILED', ['params.branchId']);
    await expect400('GET', '/v1/invitations', { query: { townshipId: 'wulibao', page: '2' } }, 'VALIDATION_FAILED', ['query.page']);
  });

  it('a scope pointing at units that do not exist', async () => {
    await expect400(
      'POST',
      '/v1/invitations',
      { body: { inviteeName: '某人', role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'yingtaogou' } } },
      'VALIDATION_FAILED',
      ['body.scope.branchId'],
    );
  });
});
