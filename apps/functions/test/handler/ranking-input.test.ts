import { DEFAULT_SCORING_MODEL } from '@chuangxing/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('rankings: bad input → 400 with field errors, and nothing is written', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date('2026-10-08T02:00:00.000Z') } });
    admin = await stack.tokenFor(DEMO.district_admin);
  });

  async function expect400(method: string, path: string, opts: Parameters<TestStack['call']>[2], paths: string[]) {
    const before = await stack.snapshot();
    const res = await stack.call(method, path, { token: admin, ...opts });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(paths);
    for (const d of res.body.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await stack.snapshot()).toEqual(before);
  }

  it('a malformed quarter, a future quarter, paging out of bounds, an unknown filter', async () => {
    await expect400('POST', '/v1/rankings/2026-Q5/runs', { body: {} }, ['params.quarter']);
    await expect400('POST', '/v1/rankings/2027-Q1/runs', { body: {} }, ['params.quarter']);
    await expect400('GET', '/v1/rankings/2026-Q3', { query: { limit: '500', branchType: 'city' } }, ['query.branchType', 'query.limit']);
    await expect400('POST', '/v1/rankings/2026-Q3/runs', { body: { force: true } }, ['body.force']);
  });

  it('scoring weights that do not add up, list sizes out of order, an unknown field', async () => {
    const content = structuredClone(DEFAULT_SCORING_MODEL);
    content.weights.improvement = 30;
    content.lists.topHundred = 5;
    await expect400('PUT', '/v1/scoring/draft', { body: { content, revision: 0 } }, [
      'body.content.weights',
      'body.content.lists.topHundred',
    ]);
    await expect400('PUT', '/v1/scoring/draft', { body: { content: { ...DEFAULT_SCORING_MODEL, bonus: 5 }, revision: 0 } }, [
      'body.content.bonus',
    ]);
  });

  it('an annotation that is empty or too long, or names a branch not in the ranking', async () => {
    const run = await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, body: {} });
    expect([run.status, run.body.ranking.status]).toEqual([200, 'draft']);
    await expect400('POST', '/v1/rankings/2026-Q3/versions/1/annotations', { body: { text: ' ', revision: 0 } }, ['body.text']);
    await expect400('POST', '/v1/rankings/2026-Q3/versions/1/annotations', { body: { text: '长'.repeat(201), revision: 0 } }, [
      'body.text',
    ]);
    await expect400(
      'POST',
      '/v1/rankings/2026-Q3/versions/1/annotations',
      { body: { text: '批注', branchId: 'no-such-branch', revision: 0 } },
      ['body.branchId'],
    );
  });
});
