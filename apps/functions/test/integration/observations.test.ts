import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const GWH_STAFF = 'demo-township-staff-gwh'; // 王干事, 示例管委会
const NOW = '2026-11-15T02:00:00.000Z'; // 2026-11, Q4 in Shanghai

describe('每月一观摩 on DynamoDB Local', () => {
  let stack: TestStack;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date(NOW) } });
    for (const [k, id] of Object.entries({ ...DEMO, gwh: GWH_STAFF })) t[k] = await stack.tokenFor(id);
  });

  const create = (token: string, body: Record<string, unknown>) => stack.call('POST', '/v1/observations', { token, body });
  const score = (token: string, id: string, branchId: string, body: Record<string, unknown>) =>
    stack.call('PUT', `/v1/observations/${id}/scores/${branchId}`, { token, body });
  const get = (token: string, id: string) => stack.call('GET', `/v1/observations/${id}`, { token });
  const sheet = (values: number[], stars = ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility']) =>
    stars.map((star, i) => ({ star, score: values[i] }));

  it('candidate observers: officials of the four roles whose scope covers the township', async () => {
    const res = await stack.call('GET', '/v1/observations/candidates', { token: t.gwh });
    expect(res.status).toBe(200);
    expect(res.body.candidates.map((c: { userId: string }) => c.userId)).toEqual([GWH_STAFF, DEMO.inspector, DEMO.district_admin]);
    // The district admin asking for the whole district sees every official of those roles, not cadres.
    const all = await stack.call('GET', '/v1/observations/candidates', { token: t.district_admin });
    expect(all.body.candidates.map((c: { userId: string }) => c.userId).sort()).toEqual(
      [DEMO.township_staff, GWH_STAFF, DEMO.inspector, DEMO.leader, DEMO.district_admin].sort(),
    );
    // Staff of another township cannot list this township's candidates.
    expect(
      (await stack.call('GET', '/v1/observations/candidates', { token: t.township_staff, query: { townshipId: 'demo-gwh' } })).status,
    ).toBe(403);
  });

  it('create, score (idempotent upsert), close with frozen results, then 409 and unchanged results', async () => {
    const created = await create(t.gwh, {
      month: '2026-11',
      title: '十一月观摩',
      townshipId: 'demo-gwh',
      branchIds: ['yingtaogou', 'demo-gwh-b02'],
      observerIds: [GWH_STAFF, DEMO.inspector],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // Each observer hears that scoring is open, in the transaction that opened it.
    const heard = (await stack.call('GET', '/v1/notices', { token: t.inspector })).body.notices;
    expect(heard).toEqual([
      expect.objectContaining({ kind: 'observation_open', page: `subpackages/observations/pages/score/index?id=${id}` }),
    ]);
    expect(created.body).toMatchObject({ status: 'open', organiserLabel: '示例管委会', canManage: true, assigned: true, version: 1 });
    expect(created.body.branches[0]).toMatchObject({
      branchId: 'yingtaogou',
      type: 'rural',
      stars: ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'],
    });

    const first = await score(t.inspector, id, 'yingtaogou', { scores: sheet([5, 5, 5, 5, 5]), comment: '初评' });
    expect([first.status, first.body.observerName]).toEqual([200, '赵督导（督导组）']);
    // Re-scoring overwrites the same sheet.
    await score(t.inspector, id, 'yingtaogou', { scores: sheet([9, 8, 7, 8, 6]), comment: '樱桃产业有特色，台账清楚' });
    await score(t.gwh, id, 'yingtaogou', { scores: sheet([7, 8, 9, 6, 6]), comment: '' });
    const sheets = await stack.deps.observations.scores(id);
    expect(sheets.scores.filter((s) => s.branchId === 'yingtaogou')).toHaveLength(2);

    // The branch sees nothing before the close.
    expect((await stack.call('GET', '/v1/branches/yingtaogou/observation-results', { token: t.cadre })).body.results).toEqual([]);

    // A stale version is refused; the organiser closes.
    expect((await stack.call('POST', `/v1/observations/${id}/close`, { token: t.gwh, body: { version: 7 } })).status).toBe(409);
    const closed = await stack.call('POST', `/v1/observations/${id}/close`, { token: t.gwh, body: { version: 1 } });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const result = closed.body.results.find((r: { branchId: string }) => r.branchId === 'yingtaogou');
    expect(result).toMatchObject({ overall: 7.4, observerCount: 2, month: '2026-11', comments: ['樱桃产业有特色，台账清楚'] });
    expect(result.perStar.map((p: { value: number }) => p.value)).toEqual([8, 8, 8, 7, 6]);
    expect(closed.body.results.find((r: { branchId: string }) => r.branchId === 'demo-gwh-b02')).toMatchObject({
      overall: null,
      observerCount: 0,
    });

    // The quarterly ranking's read: one item per branch under the township's quarter.
    const quarter = await stack.deps.observations.listResultsForTownshipQuarter('demo-gwh', '2026-Q4');
    expect(quarter.filter((r) => r.observationId === id).map((r) => [r.branchId, r.overall])).toEqual([
      ['demo-gwh-b02', null],
      ['yingtaogou', 7.4],
    ]);
    const raw = await stack.snapshot();
    expect(raw.filter((i) => i.pk === 'TWN#demo-gwh#OBSRES#2026-Q4').map((i) => i.sk)).toEqual([`demo-gwh-b02#${id}`, `yingtaogou#${id}`]);

    // After close: scores 409, close 409, nothing changes.
    const before = await stack.snapshot();
    const late = await score(t.inspector, id, 'yingtaogou', { scores: sheet([0, 0, 0, 0, 0]) });
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await stack.call('POST', `/v1/observations/${id}/close`, { token: t.gwh, body: { version: 2 } })).status).toBe(409);
    expect(await stack.snapshot()).toEqual(before);
    expect((await get(t.gwh, id)).body.results).toEqual(closed.body.results);

    // The branch's cadres now see their aggregate and the comments, without who scored.
    const mine = await stack.call('GET', '/v1/branches/yingtaogou/observation-results', { token: t.secretary });
    expect(mine.status).toBe(200);
    expect(mine.body.results).toHaveLength(1);
    expect(mine.body.results[0]).toMatchObject({
      observationId: id,
      overall: 7.4,
      observerCount: 2,
      comments: ['樱桃产业有特色，台账清楚'],
    });
    expect(JSON.stringify(mine.body)).not.toMatch(/赵督导|王干事|demo-inspector|demo-township-staff/);
    expect((await stack.call('GET', '/v1/branches/demo-gwh-b02/observation-results', { token: t.cadre })).status).toBe(404);
  });

  it('district-wide with 5 observers: trimmed mean, results filed under each branch’s township', async () => {
    const observers = [DEMO.township_staff, GWH_STAFF, DEMO.inspector, DEMO.leader, DEMO.district_admin];
    const created = await create(t.district_admin, {
      month: '2026-12',
      title: '全区观摩',
      branchIds: ['yingtaogou', 'jianxinnanjie'],
      observerIds: observers,
    });
    expect([created.status, created.body.organiserLabel, created.body.townshipId]).toEqual([201, '二七区', undefined]);
    const id = created.body.id;
    const values = [10, 7, 7, 8, 0]; // one generous, one harsh observer
    const tokens = [t.township_staff, t.gwh, t.inspector, t.leader, t.district_admin];
    await Promise.all(
      tokens.map((tok, i) => score(tok, id, 'jianxinnanjie', { scores: [{ star: 'harmony', score: values[i] }], comment: `意见${i}` })),
    );

    // 周领导 (五里堡 + 德化街) is an observer, so sees every branch; 刘干事 (五里堡) too, as an observer.
    const leaderView = await get(t.leader, id);
    expect(leaderView.body.branches.map((b: { branchId: string }) => b.branchId)).toEqual(['yingtaogou', 'jianxinnanjie']);
    // While open an observer sees only their own sheet, even the district admin who organises it.
    expect((await get(t.district_admin, id)).body.scores.map((s: { observerId: string }) => s.observerId)).toEqual([DEMO.district_admin]);

    const closed = await stack.call('POST', `/v1/observations/${id}/close`, { token: t.district_admin, body: { version: 1 } });
    const r = closed.body.results.find((x: { branchId: string }) => x.branchId === 'jianxinnanjie');
    expect(r.perStar.find((p: { star: string }) => p.star === 'harmony')).toEqual({
      star: 'harmony',
      value: 7.33,
      count: 5,
      trimmed: true,
    });
    expect([r.overall, r.observerCount]).toEqual([7.33, 5]);
    // Results go under each branch's own township and the observation month's quarter.
    expect((await stack.deps.observations.listResultsForTownshipQuarter('wulibao', '2026-Q4')).map((x) => x.branchId)).toEqual([
      'jianxinnanjie',
    ]);
    // After close every observer sees all sheets.
    expect((await get(t.gwh, id)).body.scores).toHaveLength(5);
  });

  it('a close racing with scores freezes exactly the sheets that were stored', async () => {
    const created = await create(t.gwh, {
      month: '2026-11',
      title: '竞态',
      townshipId: 'demo-gwh',
      branchIds: ['yingtaogou'],
      observerIds: [GWH_STAFF, DEMO.inspector, DEMO.district_admin],
    });
    const id = created.body.id;
    const attempts = [
      ...[1, 2, 3, 4, 5, 6].map((n) =>
        score([t.gwh, t.inspector, t.district_admin][n % 3], id, 'yingtaogou', { scores: [{ star: 'industry', score: n }] }),
      ),
      stack.call('POST', `/v1/observations/${id}/close`, { token: t.gwh, body: { version: 1 } }),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    let detail = await get(t.gwh, id);
    if (detail.body.status === 'open') {
      // The close lost every retry to the scores: closing again now must succeed.
      expect((await stack.call('POST', `/v1/observations/${id}/close`, { token: t.gwh, body: { version: 1 } })).status).toBe(200);
      detail = await get(t.gwh, id);
    }
    const stored = (await stack.deps.observations.scores(id)).scores.map((s) => s.scores[0].score);
    const frozen = detail.body.results[0].perStar.find((p: { star: string }) => p.star === 'industry');
    expect(frozen.count).toBe(stored.length);
    expect(frozen.value).toBe(stored.length ? Math.round((stored.reduce((a, b) => a + b, 0) * 100) / stored.length) / 100 : null);
  });

  it('refuses a month out of range, unknown branches and observers out of scope, writing nothing', async () => {
    const before = await stack.snapshot();
    const month = await create(t.gwh, {
      month: '2026-08',
      title: '太早',
      townshipId: 'demo-gwh',
      branchIds: ['yingtaogou'],
      observerIds: [GWH_STAFF],
    });
    expect([month.status, month.body.details.map((d: { path: string }) => d.path)]).toEqual([400, ['body.month']]);
    const bad = await create(t.gwh, {
      month: '2026-11',
      title: '观摩',
      townshipId: 'demo-gwh',
      branchIds: ['yingtaogou', 'no-such-branch'],
      observerIds: [DEMO.township_staff, DEMO.cadre, GWH_STAFF],
    });
    // An unknown branch makes it a 404 (an id naming nothing), with every field's problem in the details.
    expect([bad.status, bad.body.details.map((d: { path: string }) => d.path)]).toEqual([
      404,
      ['body.branchIds.1', 'body.observerIds.0', 'body.observerIds.1'],
    ]);
    // Township staff may visit only their own township's branches.
    const other = await create(t.gwh, { month: '2026-11', title: '越界', branchIds: ['jianxinnanjie'], observerIds: [GWH_STAFF] });
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect(
      (
        await create(t.gwh, {
          month: '2026-11',
          title: '越界',
          townshipId: 'wulibao',
          branchIds: ['jianxinnanjie'],
          observerIds: [GWH_STAFF],
        })
      ).status,
    ).toBe(403);
    expect(await stack.snapshot()).toEqual(before);
  });
});
