import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/platform/http/router';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('bad input → 400 with field errors, and nothing is written', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await createTestStack();
    admin = await stack.tokenFor(DEMO.district_admin);
  });

  async function expect400(
    method: string,
    path: string,
    opts: Parameters<TestStack['call']>[2],
    code: string,
    paths: string[],
    status = 400,
  ) {
    const before = await stack.snapshot();
    const res = await stack.call(method, path, { token: admin, ...opts });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(paths);
    for (const d of res.body.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, for people
    expect(await stack.snapshot()).toEqual(before);
    return res;
  }

  it('malformed JSON', async () => {
    await expect400(
      'POST',
      '/v1/org/townships/wulibao/branches',
      { rawBody: '{"name": "坏', headers: { 'content-type': 'application/json' } },
      'MALFORMED_JSON',
      ['body'],
    );
  });

  it('wrong types', async () => {
    await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: 42, type: ['rural'] } }, 'VALIDATION_FAILED', [
      'body.name',
      'body.type',
    ]);
    await expect400('PUT', '/v1/org/branches/jianxinnanjie', { body: { name: '新名', version: '1' } }, 'VALIDATION_FAILED', [
      'body.version',
    ]);
  });

  it('a body over 64 KB', async () => {
    const res = await expect400(
      'POST',
      '/v1/org/townships/wulibao/branches',
      { body: { name: '大'.repeat(MAX_BODY_BYTES / 3 + 10), type: 'rural' } },
      'BODY_TOO_LARGE',
      ['body'],
    );
    expect(res.body.message).toContain('64 KB');
  });

  it('unknown fields, at the top and nested', async () => {
    await expect400(
      'POST',
      '/v1/org/townships/wulibao/branches',
      { body: { name: '新社区', type: 'community', isAdmin: true } },
      'VALIDATION_FAILED',
      ['body.isAdmin'],
    );
    await expect400(
      'POST',
      '/v1/invitations',
      { body: { inviteeName: '某人', role: 'cadre', scope: { level: 'district', districtId: 'erqi', sneaky: 1 } } },
      'VALIDATION_FAILED',
      ['body.scope.sneaky'],
    );
  });

  it('empty and oversize names, bad enum values, out-of-range numbers', async () => {
    await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: '   ', type: 'urban' } }, 'VALIDATION_FAILED', [
      'body.name',
      'body.type',
    ]);
    await expect400('POST', '/v1/org/townships/wulibao/branches', { body: { name: '长'.repeat(41), type: 'rural' } }, 'VALIDATION_FAILED', [
      'body.name',
    ]);
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

  it('a scope pointing at units that do not exist → 404 naming the field, as the contract documents', async () => {
    await expect400(
      'POST',
      '/v1/invitations',
      {
        body: {
          inviteeName: '某人',
          role: 'cadre',
          scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'yingtaogou' },
        },
      },
      'NOT_FOUND',
      ['body.scope.branchId'],
      404,
    );
  });

  it('daily reports: oversize text, too many photos, too many items, an empty report, a bad day', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre);
    const path = '/v1/branches/yingtaogou/reports/2026-11-27';
    const key = 'bad-input-key-0123456789';
    const photo = (i: number) => ({ key: `daily-report/yingtaogou/2026-11-27/01JABCDEFGHJKMNPQRSTVWXY${String(i).padStart(2, '0')}.jpg` });
    const before = await stack.snapshot();
    const call = (body: unknown, p = path) => stack.call('PUT', p, { token: cadre, body });
    const paths = async (body: unknown, p = path) => {
      const res = await call(body, p);
      expect(res.status).toBe(400);
      return res.body.details.map((d: { path: string }) => d.path);
    };
    expect(await paths({ content: { items: [{ star: 'industry', text: '长'.repeat(501) }] }, idempotencyKey: key })).toEqual([
      'body.content.items.0.text',
    ]);
    expect(
      await paths({
        content: { items: [{ star: 'industry', text: '照片' }], photos: Array.from({ length: 10 }, (_, i) => photo(i)) },
        idempotencyKey: key,
      }),
    ).toEqual(['body.content.photos']);
    expect(
      await paths({ content: { items: Array.from({ length: 21 }, () => ({ star: 'industry', text: '多' })) }, idempotencyKey: key }),
    ).toEqual(['body.content.items']);
    expect(await paths({ content: { items: [] }, idempotencyKey: key })).toEqual(['body.content.items']);
    expect(
      await paths({ content: { items: [{ star: 'harmony_x', text: '星' }], problems: 'x'.repeat(1001) }, idempotencyKey: 'short' }),
    ).toEqual(['body.content.items.0.star', 'body.content.problems', 'body.idempotencyKey']);
    expect(
      await paths(
        { content: { items: [{ star: 'industry', text: '日期' }] }, idempotencyKey: key },
        '/v1/branches/yingtaogou/reports/2026-02-30',
      ),
    ).toEqual(['params.day']);
    expect(
      await paths({
        content: { items: [{ star: 'industry', text: '计数' }], counts: { householdsVisited: -1, cats: 3 } },
        idempotencyKey: key,
      }),
    ).toEqual(['body.content.counts.householdsVisited', 'body.content.counts.cats']);
    expect(await stack.snapshot()).toEqual(before);
  });
  it('observations: empty title, bad month, duplicate or missing picks, scores out of 0–10, unknown fields, bad quarter', async () => {
    await expect400(
      'POST',
      '/v1/observations',
      { body: { month: '2026-13', title: '  ', branchIds: [], observerIds: ['demo-inspector', 'demo-inspector'] } },
      'VALIDATION_FAILED',
      ['body.month', 'body.title', 'body.branchIds', 'body.observerIds'],
    );
    await expect400(
      'POST',
      '/v1/observations',
      { body: { month: '2026-11', title: '观摩', branchIds: ['yingtaogou'], observerIds: ['demo-inspector'], status: 'closed' } },
      'VALIDATION_FAILED',
      ['body.status'],
    );
    const path = '/v1/observations/01JABCDEFGHJKMNPQRSTVWXYZ0/scores/yingtaogou';
    await expect400(
      'PUT',
      path,
      {
        body: {
          scores: [
            { star: 'industry', score: 11 },
            { star: 'ecology', score: -1 },
            { star: 'nope', score: 5 },
          ],
        },
      },
      'VALIDATION_FAILED',
      ['body.scores.0.score', 'body.scores.1.score', 'body.scores.2.star'],
    );
    await expect400('PUT', path, { body: { scores: [{ star: 'industry', score: 7.5 }], comment: '长'.repeat(301) } }, 'VALIDATION_FAILED', [
      'body.scores.0.score',
      'body.comment',
    ]);
    await expect400('PUT', path, { body: { scores: [] } }, 'VALIDATION_FAILED', ['body.scores']);
    await expect400('POST', '/v1/observations/01JABCDEFGHJKMNPQRSTVWXYZ0/close', { body: { version: 0 } }, 'VALIDATION_FAILED', [
      'body.version',
    ]);
    await expect400('GET', '/v1/branches/yingtaogou/observation-results', { query: { quarter: '2026-Q5' } }, 'VALIDATION_FAILED', [
      'query.quarter',
    ]);
    await expect400('GET', '/v1/observations', { query: { month: '2026-1' } }, 'VALIDATION_FAILED', ['query.month']);
  });

  it('学讲评: bad list, empty text, oversize owner, bad id, bad month and due day, a done without a note, an edit without fields', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre);
    const items = '/v1/branches/yingtaogou/reviews/2026-11/items';
    await expect400(
      'POST',
      items,
      { token: cadre, body: { id: 'short', list: 'wish', text: '  ', owner: '长'.repeat(21), due: '2026-02-30' } },
      'VALIDATION_FAILED',
      ['body.id', 'body.list', 'body.text', 'body.owner', 'body.due'],
    );
    await expect400(
      'POST',
      '/v1/branches/yingtaogou/reviews/2026-13/items',
      { token: cadre, body: { id: '01KREVIEWBAD0000000000001', list: 'problem', text: '问题', owner: '李明' } },
      'VALIDATION_FAILED',
      ['params.month'],
    );
    const actions = '/v1/branches/yingtaogou/review-items/01KREVIEWBAD0000000000001/actions';
    await expect400('POST', actions, { token: cadre, body: { action: 'done', version: 1 } }, 'VALIDATION_FAILED', ['body.note']);
    await expect400('POST', actions, { token: cadre, body: { action: 'reopen', version: 0, note: ' ' } }, 'VALIDATION_FAILED', [
      'body.version',
      'body.note',
    ]);
    await expect400('POST', actions, { token: cadre, body: { action: 'edit', version: 1 } }, 'VALIDATION_FAILED', [
      'body.text',
      'body.owner',
      'body.due',
    ]);
    await expect400(
      'GET',
      '/v1/townships/demo-gwh/reviews/2026-1',
      { token: await stack.tokenFor('demo-township-staff-gwh') },
      'VALIDATION_FAILED',
      ['params.month'],
    );
  });

  it('learning, questionnaires and news: field errors, nothing written', async () => {
    expect(
      (
        await expect400(
          'POST',
          '/v1/learning/questions',
          { body: { topic: '', kind: 'essay', text: 'x', answer: [] } },
          'VALIDATION_FAILED',
          ['body.topic', 'body.kind', 'body.answer'],
        )
      ).body.code,
    ).toBe('VALIDATION_FAILED');
    await expect400(
      'POST',
      '/v1/learning/questions',
      { body: { topic: '主题', kind: 'single', text: '题目', options: ['甲', '乙'], answer: [3] } },
      'VALIDATION_FAILED',
      ['body.answer'],
    );
    await expect400(
      'POST',
      '/v1/learning/tests',
      {
        body: {
          key: 'short',
          title: '测',
          townshipIds: [],
          roles: ['resident'],
          questionIds: ['demo-q01'],
          opensAt: 'tomorrow',
          closesAt: '2030-01-01T00:00:00Z',
          durationMinutes: 0,
          maxAttempts: 9,
        },
      },
      'VALIDATION_FAILED',
      ['body.key', 'body.townshipIds', 'body.roles.0', 'body.opensAt', 'body.durationMinutes', 'body.maxAttempts'],
    );
    await expect400(
      'POST',
      '/v1/questionnaires',
      {
        body: {
          key: 'bad-input-qn-01',
          townshipId: 'demo-gwh',
          title: '调研',
          roles: ['cadre'],
          questions: [{ kind: 'single', text: '只有一个选项', options: ['是'] }],
          closesAt: '2030-01-01T00:00:00Z',
        },
      },
      'VALIDATION_FAILED',
      ['body.questions.0.options'],
    );
    await expect400(
      'POST',
      '/v1/news',
      {
        body: {
          key: 'bad-input-news-1',
          title: '',
          body: '正文',
          photos: Array.from({ length: 10 }, () => 'news/2026-11/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg'),
        },
      },
      'VALIDATION_FAILED',
      ['body.title', 'body.photos'],
    );
    await expect400(
      'POST',
      '/v1/news',
      {
        body: {
          key: 'bad-input-news-2',
          title: '标题',
          body: '正文',
          photos: ['daily-report/yingtaogou/2026-11-27/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg'],
        },
      },
      'VALIDATION_FAILED',
      ['body.photos.0'],
    );
    await expect400('GET', '/v1/news', { query: { limit: '50' } }, 'VALIDATION_FAILED', ['query.limit']);
    const secretary = await stack.tokenFor(DEMO.secretary);
    await expect400('POST', '/v1/learning/tests/some-session/attempts', { token: secretary, body: { key: 'short' } }, 'VALIDATION_FAILED', [
      'body.key',
    ]);
    await expect400(
      'POST',
      '/v1/learning/tests/some-session/attempts/9/submit',
      { token: secretary, body: { answers: [] } },
      'VALIDATION_FAILED',
      ['params.attemptNo'],
    );
    await expect400(
      'POST',
      '/v1/learning/tests/some-session/attempts/1/submit',
      { token: secretary, body: { answers: [{ questionId: 'q', choice: [7] }] } },
      'VALIDATION_FAILED',
      ['body.answers.0.choice.0'],
    );
    await expect400(
      'PUT',
      '/v1/questionnaires/some-qn/response',
      { token: secretary, body: { answers: [{ questionId: 'q1', text: '长'.repeat(501) }] } },
      'VALIDATION_FAILED',
      ['body.answers.0.text'],
    );
  });
});
