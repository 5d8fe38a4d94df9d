import { beforeAll, describe, expect, it } from 'vitest';
import { consentTo } from '../support/consent';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const GWH_STAFF = 'demo-township-staff-gwh'; // 王干事, 示例管委会
const T0 = Date.parse('2026-11-27T02:00:00.000Z');

describe('应知应会 tests on DynamoDB Local', () => {
  let stack: TestStack;
  let now = T0;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date(now) } });
    for (const [k, id] of Object.entries({ ...DEMO, gwh: GWH_STAFF })) tok[k] = await stack.tokenFor(id);
  });

  const schedule = (token: string, body: Record<string, unknown>) =>
    stack.call('POST', '/v1/learning/tests', {
      token,
      body: {
        title: '五星支部应知应会',
        townshipIds: ['demo-gwh'],
        roles: ['secretary'],
        questionIds: ['demo-q01', 'demo-q03', 'demo-q04'],
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
        durationMinutes: 20,
        ...body,
      },
    });

  it('the seeded bank has the 10 campaign questions; township staff add their own and see only their township’s', async () => {
    const bank = await stack.call('GET', '/v1/learning/questions', { token: tok.district_admin });
    expect(bank.status).toBe(200);
    expect(bank.body.questions).toHaveLength(10);
    expect(bank.body.topics).toEqual(['五星支部创建']);

    const own = await stack.call('POST', '/v1/learning/questions', {
      token: tok.gwh,
      body: { topic: '樱桃产业', kind: 'judge', text: '樱桃沟社区按农村星级标准创建。', answer: [0], townshipId: 'demo-gwh' },
    });
    expect([own.status, own.body.options, own.body.ownerLabel]).toEqual([201, ['正确', '错误'], '示例管委会']);
    const seenByOther = await stack.call('GET', '/v1/learning/questions', { token: tok.township_staff }); // 五里堡
    expect(seenByOther.body.questions.map((q: { id: string }) => q.id)).not.toContain(own.body.id);

    const before = await stack.snapshot();
    expect(
      (
        await stack.call('POST', '/v1/learning/questions', {
          token: tok.gwh,
          body: { topic: 'x', kind: 'judge', text: 'y', answer: [0], townshipId: 'wulibao' },
        })
      ).status,
    ).toBe(403);
    const noTownship = await stack.call('POST', '/v1/learning/questions', {
      token: tok.gwh,
      body: { topic: 'x', kind: 'judge', text: 'y', answer: [0] },
    });
    expect([noTownship.status, noTownship.body.details[0].path]).toEqual([400, 'body.townshipId']);
    expect((await stack.call('DELETE', '/v1/learning/questions/demo-q01', { token: tok.gwh })).status).toBe(403);
    expect((await stack.call('DELETE', `/v1/learning/questions/${own.body.id}`, { token: tok.township_staff })).status).toBe(404);
    expect(await stack.snapshot()).toEqual(before);
    expect((await stack.call('DELETE', `/v1/learning/questions/${own.body.id}`, { token: tok.gwh })).status).toBe(200);
    expect((await stack.call('DELETE', `/v1/learning/questions/${own.body.id}`, { token: tok.gwh })).status).toBe(404);
  });

  it('scheduling is idempotent on the key and limited to the organiser’s townships', async () => {
    const first = await schedule(tok.gwh, { key: 'sched-key-0001' });
    expect([first.status, first.body.organiserLabel, first.body.questionCount, first.body.status, first.body.maxAttempts]).toEqual([
      201,
      '示例管委会',
      3,
      'open',
      1,
    ]);
    const retry = await schedule(tok.gwh, { key: 'sched-key-0001' });
    expect(retry.body.id).toBe(first.body.id);
    const before = await stack.snapshot();
    expect((await schedule(tok.gwh, { key: 'sched-key-0002', townshipIds: ['wulibao'] })).status).toBe(403);
    // A repeated question is refused by the contract (uniqueItems); an unknown one is a 404 naming it.
    const repeated = await schedule(tok.gwh, { key: 'sched-key-0003', questionIds: ['demo-q01', 'demo-q01'] });
    expect([repeated.status, repeated.body.details.map((d: { path: string }) => d.path)]).toEqual([400, ['body.questionIds']]);
    const bad = await schedule(tok.gwh, {
      key: 'sched-key-0003',
      questionIds: ['demo-q01', 'nope'],
      closesAt: new Date(now - 120_000).toISOString(),
    });
    expect([bad.status, bad.body.details.map((d: { path: string }) => d.path)]).toEqual([404, ['body.closesAt', 'body.questionIds.1']]);
    expect(await stack.snapshot()).toEqual(before);
    const listed = await stack.call('GET', '/v1/learning/tests', { token: tok.gwh });
    expect(listed.body.sessions.map((s: { id: string }) => s.id)).toEqual([first.body.id]);
    expect((await stack.call('GET', '/v1/learning/tests', { token: tok.township_staff })).body.sessions).toEqual([]);
  });

  it('a secretary takes the test: questions arrive without the key, scoring is on the server, one attempt', async () => {
    const session = (await schedule(tok.gwh, { key: 'sched-key-0001' })).body;
    const empty = await stack.call('GET', `/v1/learning/tests/${session.id}/results`, { token: tok.gwh });
    expect(empty.body.totals).toMatchObject({ audience: 1, taken: 0, rate: 0 });

    // The cadre is not in a secretaries-only audience; the secretary is.
    expect((await stack.call('GET', '/v1/learning/my-tests', { token: tok.cadre })).body.tests).toEqual([]);
    expect(
      (await stack.call('POST', `/v1/learning/tests/${session.id}/attempts`, { token: tok.cadre, body: { key: 'attempt-key-cadre' } }))
        .status,
    ).toBe(404);
    const mine = await stack.call('GET', '/v1/learning/my-tests', { token: tok.secretary });
    expect(mine.body.tests).toMatchObject([{ session: { id: session.id }, attemptsUsed: 0, canStart: true }]);

    const res = await stack.call('POST', `/v1/learning/tests/${session.id}/attempts`, {
      token: tok.secretary,
      body: { key: 'attempt-key-0001' },
    });
    expect(res.status).toBe(201);
    const raw = JSON.stringify(res.body);
    expect(raw).not.toMatch(/"answer"/);
    for (const q of res.body.questions) expect(Object.keys(q).sort()).toEqual(['id', 'kind', 'options', 'text']);
    expect(res.body).toMatchObject({
      attemptNo: 1,
      startedAt: new Date(now).toISOString(),
      deadline: new Date(now + 20 * 60_000).toISOString(),
    });

    now += 60_000;
    const retried = await stack.call('POST', `/v1/learning/tests/${session.id}/attempts`, {
      token: tok.secretary,
      body: { key: 'attempt-key-0001' },
    });
    const otherKey = await stack.call('POST', `/v1/learning/tests/${session.id}/attempts`, {
      token: tok.secretary,
      body: { key: 'attempt-key-0002' },
    });
    expect([retried.body.startedAt, otherKey.body.attemptNo, otherKey.body.startedAt]).toEqual([res.body.startedAt, 1, res.body.startedAt]);

    // demo-q01 single → 0; demo-q03 multiple → [0,1,2]; demo-q04 judge → 1. Two right of three.
    const answers = [
      { questionId: 'demo-q01', choice: [0] },
      { questionId: 'demo-q03', choice: [0, 1] },
      { questionId: 'demo-q04', choice: [1] },
    ];
    const submitted = await stack.call('POST', `/v1/learning/tests/${session.id}/attempts/1/submit`, {
      token: tok.secretary,
      body: { answers },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ score: 67, correctCount: 2, total: 3, passed: true, attemptsLeft: 0 });
    expect(submitted.body.review.map((r: { correct: boolean }) => r.correct)).toEqual([true, false, true]);
    // A retried submission (even with other answers) returns the first result.
    const again = await stack.call('POST', `/v1/learning/tests/${session.id}/attempts/1/submit`, {
      token: tok.secretary,
      body: { answers: [] },
    });
    expect(again.body.submittedAt).toBe(submitted.body.submittedAt);
    expect([again.status, again.body.score]).toEqual([200, 67]);
    const third = await stack.call('POST', `/v1/learning/tests/${session.id}/attempts`, {
      token: tok.secretary,
      body: { key: 'attempt-key-0003' },
    });
    expect([third.status, third.body.code]).toEqual([409, 'CONFLICT']);

    const results = await stack.call('GET', `/v1/learning/tests/${session.id}/results`, { token: tok.gwh });
    expect(results.body.totals).toMatchObject({ audience: 1, taken: 1, rate: 1, passed: 1 });
    expect(results.body.townships[0].histogram.find((h: { label: string }) => h.label === '60–69').count).toBe(1);
    expect(results.body.people).toEqual([
      { userId: DEMO.secretary, name: '张书记（支部书记）', branchName: '樱桃沟社区', townshipId: 'demo-gwh', score: 67, attempts: 1 },
    ]);
    expect((await stack.call('GET', `/v1/learning/tests/${session.id}/results`, { token: tok.district_admin })).body.totals.rate).toBe(1);
    expect((await stack.call('GET', `/v1/learning/tests/${session.id}/results`, { token: tok.township_staff })).status).toBe(404);
  });

  it('a late submission is refused with TIME_UP; within the 30 s grace it is scored', async () => {
    const s = (await schedule(tok.gwh, { key: 'sched-key-late', durationMinutes: 1, maxAttempts: 2 })).body;
    const a1 = await stack.call('POST', `/v1/learning/tests/${s.id}/attempts`, { token: tok.secretary, body: { key: 'late-attempt-1' } });
    now += 60_000 + 31_000;
    const late = await stack.call('POST', `/v1/learning/tests/${s.id}/attempts/${a1.body.attemptNo}/submit`, {
      token: tok.secretary,
      body: { answers: [] },
    });
    expect([late.status, late.body.code]).toEqual([409, 'TIME_UP']);
    expect((await stack.call('GET', `/v1/learning/tests/${s.id}/results`, { token: tok.gwh })).body.totals.taken).toBe(0);

    const a2 = await stack.call('POST', `/v1/learning/tests/${s.id}/attempts`, { token: tok.secretary, body: { key: 'late-attempt-2' } });
    expect(a2.body.attemptNo).toBe(2);
    now += 60_000 + 29_000;
    const inGrace = await stack.call('POST', `/v1/learning/tests/${s.id}/attempts/2/submit`, {
      token: tok.secretary,
      body: { answers: [{ questionId: 'demo-q04', choice: [1] }] },
    });
    expect([inGrace.status, inGrace.body.score, inGrace.body.attemptsLeft]).toEqual([200, 33, 0]);
  });

  it('two submissions of one attempt at once: one scores it, both answer with the same result', async () => {
    const s = (await schedule(tok.gwh, { key: 'sched-key-race' })).body;
    const a = await stack.call('POST', `/v1/learning/tests/${s.id}/attempts`, { token: tok.secretary, body: { key: 'race-attempt-1' } });
    const body = { answers: [{ questionId: 'demo-q01', choice: [0] }] };
    const [x, y] = await Promise.all(
      [0, 1].map(() =>
        stack.call('POST', `/v1/learning/tests/${s.id}/attempts/${a.body.attemptNo}/submit`, { token: tok.secretary, body }),
      ),
    );
    expect([x.status, y.status, x.body.score, y.body.score]).toEqual([200, 200, 33, 33]);
    const results = await stack.call('GET', `/v1/learning/tests/${s.id}/results`, { token: tok.gwh });
    expect(results.body.people[0]).toMatchObject({ score: 33, attempts: 1 });
  });

  it('提醒未参考 reaches exactly the audience members who have not taken it', async () => {
    const s = (await schedule(tok.gwh, { key: 'sched-key-remind', roles: ['secretary', 'cadre'] })).body;
    const a = await stack.call('POST', `/v1/learning/tests/${s.id}/attempts`, { token: tok.secretary, body: { key: 'remind-attempt-1' } });
    await stack.call('POST', `/v1/learning/tests/${s.id}/attempts/${a.body.attemptNo}/submit`, {
      token: tok.secretary,
      body: { answers: [] },
    });
    expect((await stack.call('POST', `/v1/learning/tests/${s.id}/reminders`, { token: tok.township_staff })).status).toBe(404);
    // 李明 said yes to one more test notice (asked when a test opens): the reminder spends it.
    await consentTo(stack, tok.cadre, ['test_scheduled']);
    const r = await stack.call('POST', `/v1/learning/tests/${s.id}/reminders`, { token: tok.gwh });
    expect(r.body).toEqual({ missing: 1, recipients: 1 });
    const outbox = (await stack.call('GET', '/v1/dev/outbox')).body.messages as { recipientUserId: string; title: string; body: string }[];
    // The schedule() window closes a day after the (advanced) test clock: 11-28 10:0x in Shanghai.
    expect(outbox.filter((m) => m.title === '应知应会测试提醒').map((m) => [m.recipientUserId, m.body])).toEqual([
      [DEMO.cadre, expect.stringMatching(/^请于11月28日10:0\d前完成测试“五星支部应知应会”$/)],
    ]);
    const results = await stack.call('GET', `/v1/learning/tests/${s.id}/results`, { token: tok.gwh });
    expect(results.body.totals).toMatchObject({ audience: 2, taken: 1, rate: 0.5 });
  });
});

describe('调查问卷 on DynamoDB Local', () => {
  let stack: TestStack;
  const now = T0;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date(now) } });
    for (const [k, id] of Object.entries({ ...DEMO, gwh: GWH_STAFF })) tok[k] = await stack.tokenFor(id);
  });

  it('a township asks its cadres, collects one editable response each, aggregates and exports CSV', async () => {
    const body = {
      key: 'qn-key-00001',
      townshipId: 'demo-gwh',
      title: '创星工作调研',
      roles: ['cadre', 'secretary'],
      closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      questions: [
        { kind: 'single', text: '对创星工作是否满意', options: ['满意', '一般', '不满意'] },
        { kind: 'multiple', text: '最需要支持的方面', options: ['产业', '生态', '文明'], required: false },
        { kind: 'text', text: '意见建议' },
      ],
    };
    expect(
      (await stack.call('POST', '/v1/questionnaires', { token: tok.township_staff, body: { ...body, key: 'qn-key-other' } })).status,
    ).toBe(403);
    const created = await stack.call('POST', '/v1/questionnaires', { token: tok.gwh, body });
    expect([created.status, created.body.questionnaire.questions.map((q: { id: string }) => q.id)]).toEqual([201, ['q1', 'q2', 'q3']]);
    const id = created.body.questionnaire.id;
    expect((await stack.call('POST', '/v1/questionnaires', { token: tok.gwh, body })).body.questionnaire.id).toBe(id);

    const list = await stack.call('GET', '/v1/questionnaires', { token: tok.cadre });
    expect(list.body.toAnswer).toMatchObject([{ questionnaire: { id }, answered: false }]);
    expect((await stack.call('GET', `/v1/questionnaires/${id}`, { token: tok.township_staff })).status).toBe(404);
    expect((await stack.call('GET', `/v1/questionnaires/${id}/results`, { token: tok.township_staff })).status).toBe(404);

    const missing = await stack.call('PUT', `/v1/questionnaires/${id}/response`, {
      token: tok.cadre,
      body: { answers: [{ questionId: 'q1', choice: [0] }] },
    });
    expect([missing.status, missing.body.details[0].message]).toEqual([400, '第 3 题为必答题，请作答']);
    const a1 = await stack.call('PUT', `/v1/questionnaires/${id}/response`, {
      token: tok.cadre,
      body: {
        answers: [
          { questionId: 'q1', choice: [1] },
          { questionId: 'q3', text: '希望多些培训' },
        ],
      },
    });
    expect([a1.status, a1.body.myResponse.answers[0].choice]).toEqual([200, [1]]);
    // Edited before the close: still one response, the new answers count.
    await stack.call('PUT', `/v1/questionnaires/${id}/response`, {
      token: tok.cadre,
      body: {
        answers: [
          { questionId: 'q1', choice: [0] },
          { questionId: 'q2', choice: [0, 1] },
          { questionId: 'q3', text: '希望多些培训, 和"观摩"' },
        ],
      },
    });
    await stack.call('PUT', `/v1/questionnaires/${id}/response`, {
      token: tok.secretary,
      body: {
        answers: [
          { questionId: 'q1', choice: [0] },
          { questionId: 'q3', text: '=1+1' },
        ],
      },
    });

    const results = await stack.call('GET', `/v1/questionnaires/${id}/results`, { token: tok.gwh });
    expect(results.body).toMatchObject({ audience: 2, responded: 2 });
    expect(results.body.questions[0].options.map((o: { count: number }) => o.count)).toEqual([2, 0, 0]);
    expect(results.body.questions[1]).toMatchObject({
      answered: 1,
      options: [
        { label: '产业', count: 1 },
        { label: '生态', count: 1 },
        { label: '文明', count: 0 },
      ],
    });
    expect(results.body.questions[2].texts.map((t: { text: string }) => t.text).sort()).toEqual(['=1+1', '希望多些培训, 和"观摩"']);
    expect((await stack.call('GET', `/v1/questionnaires/${id}/results`, { token: tok.district_admin })).status).toBe(200);
    // The organiser's list counts people, not edits (one counter on the questionnaire, no read of the responses).
    const organised = (await stack.call('GET', '/v1/questionnaires', { token: tok.gwh })).body.organised;
    expect(organised.find((o: { questionnaire: { id: string } }) => o.questionnaire.id === id).responses).toBe(2);

    const csv = await stack.call('GET', `/v1/questionnaires/${id}/export`, { token: tok.gwh });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(encodeURIComponent('问卷结果_创星工作调研.csv'));
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('填写人,支部,提交时间,1. 对创星工作是否满意,2. 最需要支持的方面,3. 意见建议');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.endsWith(`满意,产业；生态,"希望多些培训, 和""观摩"""`))).toBe(true);
    expect(lines.some((l) => l.endsWith(`,满意,,'=1+1`))).toBe(true);

    const closed = await stack.call('POST', `/v1/questionnaires/${id}/close`, { token: tok.gwh });
    expect(closed.body.questionnaire.status).toBe('closed');
    const before = await stack.snapshot();
    const late = await stack.call('PUT', `/v1/questionnaires/${id}/response`, {
      token: tok.cadre,
      body: {
        answers: [
          { questionId: 'q1', choice: [2] },
          { questionId: 'q3', text: '晚了' },
        ],
      },
    });
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(await stack.snapshot()).toEqual(before);
  });
});

describe('创星动态 on DynamoDB Local', () => {
  let stack: TestStack;
  let now = T0;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date(now) } });
    for (const [k, id] of Object.entries({ ...DEMO, gwh: GWH_STAFF })) tok[k] = await stack.tokenFor(id);
  });

  it('district and townships post; everyone reads newest first in pages; only the author or a district admin deletes', async () => {
    const a = await stack.call('POST', '/v1/news', {
      token: tok.district_admin,
      body: { key: 'news-key-0001', title: '区级推进会', body: '内容一' },
    });
    now += 1000;
    const b = await stack.call('POST', '/v1/news', { token: tok.gwh, body: { key: 'news-key-0002', title: '管委会观摩', body: '内容二' } });
    expect([a.status, a.body.authorUnit, b.body.authorUnit, b.body.canDelete]).toEqual([201, '二七区', '示例管委会', true]);
    expect(
      (await stack.call('POST', '/v1/news', { token: tok.gwh, body: { key: 'news-key-0002', title: '管委会观摩', body: '内容二' } })).body
        .id,
    ).toBe(b.body.id);

    const page1 = await stack.call('GET', '/v1/news', { token: tok.resident, query: { limit: '2' } });
    expect(page1.body.posts.map((p: { title: string }) => p.title)).toEqual(['管委会观摩', '区级推进会']);
    const page2 = await stack.call('GET', '/v1/news', { token: tok.resident, query: { limit: '2', cursor: page1.body.nextCursor } });
    expect(page2.body.posts.map((p: { id: string }) => p.id)).toEqual(['demo-news-1']);
    const bad = await stack.call('GET', '/v1/news', { token: tok.resident, query: { cursor: 'bm9wZQ' } });
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'query.cursor']);

    const seen = await stack.call('GET', `/v1/news/${a.body.id}`, { token: tok.resident });
    expect([seen.body.title, seen.body.canDelete]).toEqual(['区级推进会', false]);
    expect((await stack.call('DELETE', `/v1/news/${a.body.id}`, { token: tok.township_staff })).status).toBe(403);
    expect((await stack.call('DELETE', `/v1/news/${b.body.id}`, { token: tok.district_admin })).status).toBe(200);
    expect((await stack.call('GET', `/v1/news/${b.body.id}`, { token: tok.resident })).status).toBe(404);

    const foreign = await stack.call('POST', '/v1/news', {
      token: tok.gwh,
      body: { key: 'news-key-0003', title: '带图', body: '正文', photos: ['news/2026-11/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg'] },
    });
    expect([foreign.status, foreign.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ path: 'body.photos.0', code: 'photo_missing' }),
    ]);
  });
});
