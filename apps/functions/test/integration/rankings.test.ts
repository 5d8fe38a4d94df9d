import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Star } from '@chuangxing/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailboxEntities } from '../../src/features/mailbox/mailbox.entities';
import { observationResultItem } from '../../src/features/observations/observations.entities';
import { orgEntities } from '../../src/features/org/org.entities';
import { runRankingJob } from '../../src/features/rankings/compute-ranking';
import { rankingEntities } from '../../src/features/rankings/rankings.entities';
import { reportsEntities } from '../../src/features/reports/reports.entities';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';
import { sheetCells, unzip } from '../support/unzip';

/** The demo district (seed) has 18 townships. */
const TOWNSHIPS = 18;

describe('quarterly rankings on DynamoDB Local', () => {
  let stack: TestStack;
  let now = '2026-07-01T02:00:00.000Z'; // 10:00 on 1 July in Shanghai: Q2 has just ended
  const clock = { now: () => new Date(now) };
  let admin: string;
  let leader: string;
  let staff: string;
  const put = (Item: Record<string, unknown>) => stack.doc.send(new PutCommand({ TableName: stack.tableName, Item }));

  /** A frozen observation result as the observation feature writes it at close (township 五里堡街道). */
  const observationResult = (
    branchId: string,
    observationId: string,
    month: string,
    stars: { star: Star; value: number }[],
    overall: number,
    observerCount: number,
  ) =>
    observationResultItem({
      observationId,
      title: '观摩',
      month,
      branchId,
      branchName: branchId,
      townshipId: 'wulibao',
      perStar: stars.map((s) => ({ ...s, count: observerCount, trimmed: false })),
      overall,
      observerCount,
      comments: [],
      closedAt: `${month}-28T08:00:00.000Z`,
    });

  /** Rollups as the report, letter, observation and plan features write them. */
  async function seedInputs(quarter: string, months: string[], strength: number) {
    await put({
      ...reportsEntities.quarterStats.key({ branchId: 'jianxinnanjie', quarter }),
      submitted: 80 * strength,
      onTime: 80 * strength,
      late: 0,
    });
    await put({ ...reportsEntities.quarterStats.key({ branchId: 'wulibao-b02', quarter }), submitted: 60, onTime: 40, late: 20 });
    await put({ ...reportsEntities.quarterStats.key({ branchId: 'yingtaogou', quarter }), submitted: 91, onTime: 91, late: 0 });
    await put(
      mailboxEntities.counters.item(
        { townshipId: 'wulibao', month: months[1], branchId: 'jianxinnanjie' },
        { branchId: 'jianxinnanjie', received: 10, respondedInTime: 9, accepted: 8, replied: 8, rated: 5, satisfied: 5 },
      ),
    );
    // Observers score 0–10; the ranking reads 9 as 90 and 7 + strength as 70 + 10 × strength.
    await put(observationResult('jianxinnanjie', `obs-${quarter}`, months[2], [{ star: 'co_build', value: 9 }], 7 + strength, 4));
  }

  beforeAll(async () => {
    stack = await createTestStack({ clock });
    [admin, leader, staff] = await Promise.all([
      stack.tokenFor(DEMO.district_admin),
      stack.tokenFor(DEMO.leader),
      stack.tokenFor(DEMO.township_staff),
    ]);
    await seedInputs('2026-Q2', ['2026-04', '2026-05', '2026-06'], 1);
    await put({
      ...orgEntities.branch.key({ branchId: 'yingtaogou' }),
      sk: 'PLAN#2026',
      gsi1pk: 'TWN#demo-gwh#PLANS#2026',
      gsi1sk: 'approved#yingtaogou',
      entity: 'plan',
      branchId: 'yingtaogou',
      townshipId: 'demo-gwh',
      year: 2026,
      status: 'approved',
      content: { heldStars: ['branch_strong'], targetStars: ['branch_strong', 'industry', 'ecology'], stars: [], tasks: [] },
    });
  });

  it('the job resumes from its checkpoints after running out of time, and a schedule retry changes nothing', async () => {
    let calls = 0;
    const first = await runRankingJob(stack.deps, {
      quarter: '2026-Q2',
      trigger: 'schedule',
      by: 'schedule',
      concurrency: 1,
      marginMs: 10,
      timeLeft: () => (++calls <= 5 ? 60_000 : 0),
    });
    expect([first.complete, first.computedTownships, first.header.version]).toEqual([false, 5, 1]);
    expect((await stack.deps.rankings.doneTownships('erqi', '2026-Q2', 1)).size).toBe(5);
    const shardsBefore = (await stack.snapshot()).filter(
      (i) => i.pk === rankingEntities.dataPk({ districtId: 'erqi', quarter: '2026-Q2', version: 1 }) && String(i.sk).startsWith('SHARD#'),
    );

    const second = await runRankingJob(stack.deps, { quarter: '2026-Q2', trigger: 'schedule', by: 'schedule', timeLeft: () => 60_000 });
    expect([second.complete, second.computedTownships, second.header.version, second.header.status]).toEqual([
      true,
      TOWNSHIPS - 5,
      1,
      'draft',
    ]);
    const items = await stack.snapshot();
    // The first attempt's shards were kept as they were, not recomputed.
    for (const s of shardsBefore) expect(items.find((i) => i.pk === s.pk && i.sk === s.sk)).toEqual(s);

    const again = await runRankingJob(stack.deps, { quarter: '2026-Q2', trigger: 'schedule', by: 'schedule', timeLeft: () => 60_000 });
    expect([again.complete, again.computedTownships, again.header.version]).toEqual([true, 0, 1]);
    expect(await stack.snapshot()).toEqual(items);
  });

  it('two overlapping invocations of the same run both finish with one and the same draft', async () => {
    let calls = 0;
    const started = await runRankingJob(stack.deps, {
      quarter: '2026-Q1',
      trigger: 'schedule',
      by: 'schedule',
      concurrency: 1,
      marginMs: 10,
      timeLeft: () => (++calls <= 1 ? 60_000 : 0),
    });
    expect(started.complete).toBe(false);
    const twins = await Promise.all(
      [1, 2].map(() => runRankingJob(stack.deps, { quarter: '2026-Q1', trigger: 'schedule', by: 'schedule', timeLeft: () => 60_000 })),
    );
    expect(twins.map((t) => [t.complete, t.header.version, t.header.status])).toEqual([
      [true, 1, 'draft'],
      [true, 1, 'draft'],
    ]);
    expect((await stack.deps.rankings.listRuns('erqi', '2026-Q1')).map((r) => [r.version, r.status])).toEqual([[1, 'draft']]);
    const order = await stack.deps.rankings.readOrder('erqi', '2026-Q1', 1);
    const branches = (await stack.call('GET', '/v1/org/tree', { token: admin })).body.totals.total;
    expect(order.map((r) => r.districtRank)).toEqual(Array.from({ length: branches }, (_, k) => k + 1));
  });

  it('a draft is the admin’s alone until published; the order is a permutation of every branch', async () => {
    expect((await stack.call('GET', '/v1/rankings/2026-Q2', { token: leader })).status).toBe(404);
    expect((await stack.call('GET', '/v1/rankings/2026-Q2', { token: leader, query: { version: '1' } })).status).toBe(404);
    const res = await stack.call('GET', '/v1/rankings/2026-Q2', { token: admin, query: { version: '1', limit: '200' } });
    expect(res.status).toBe(200);
    const tree = await stack.call('GET', '/v1/org/tree', { token: admin });
    expect(res.body.matched).toBe(tree.body.totals.total);
    expect(res.body.rows.map((r: { districtRank: number }) => r.districtRank)).toEqual(res.body.rows.map((_: unknown, k: number) => k + 1));
    expect(new Set(res.body.rows.map((r: { branchId: string }) => r.branchId)).size).toBe(res.body.matched);
    expect(res.body.rows[0]).toMatchObject({ branchId: 'yingtaogou', townshipRank: 1, delta: null }); // 91 of 91 reports on time
    expect(res.body.rows[1]).toMatchObject({ branchId: 'jianxinnanjie' });
    expect(res.body.ranking).toMatchObject({
      status: 'draft',
      current: false,
      scoringVersion: 0,
      inputsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      branchCount: res.body.matched,
    });
  });

  it('review → annotate → publish; a published ranking is frozen, through the API and in the repository', async () => {
    const annotate = (revision: number, token = admin) =>
      stack.call('POST', '/v1/rankings/2026-Q2/versions/1/annotations', {
        token,
        body: { text: '建新南街社区来信办理规范，予以表扬', branchId: 'jianxinnanjie', revision },
      });
    const a = await annotate(0);
    expect([a.status, a.body.revision, a.body.annotations[0].text]).toEqual([201, 1, '建新南街社区来信办理规范，予以表扬']);
    expect(a.body.annotations[0]).toMatchObject({ branchId: 'jianxinnanjie', branchName: '建新南街社区' });
    expect((await annotate(0)).status).toBe(409); // stale revision
    expect((await stack.call('POST', '/v1/rankings/2026-Q2/versions/1/publish', { token: admin, body: { revision: 0 } })).status).toBe(409);
    // A draft is not a published quarter: the ranking pages would still open on an empty current quarter.
    expect((await stack.call('GET', '/v1/rankings', { token: leader })).body).toEqual({ quarters: [] });
    const pub = await stack.call('POST', '/v1/rankings/2026-Q2/versions/1/publish', { token: admin, body: { revision: 1 } });
    expect([pub.status, pub.body.status, pub.body.current]).toEqual([200, 'published', true]);
    // On 1 July (Q3 in Shanghai) the latest published quarter is Q2: the leader's pages open on it.
    const published = await stack.call('GET', '/v1/rankings', { token: leader });
    expect([published.status, published.body.quarters]).toEqual([200, [{ quarter: '2026-Q2', version: 1, publishedAt: now }]]);
    expect((await stack.call('GET', '/v1/rankings', { token: staff })).body.quarters.map((q: { quarter: string }) => q.quarter)).toEqual([
      '2026-Q2',
    ]);
    // The leaders hear of it in their 消息中心 (written with the publish).
    const notices = (await stack.call('GET', '/v1/notices', { token: leader })).body.notices;
    expect(notices.filter((n: { kind: string }) => n.kind === 'ranking_published')).toEqual([
      expect.objectContaining({ title: '评比结果发布', page: 'subpackages/rankings/pages/list/index?quarter=2026-Q2' }),
    ]);

    const before = await stack.snapshot();
    const late = await annotate(1);
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await stack.call('POST', '/v1/rankings/2026-Q2/versions/1/publish', { token: admin, body: { revision: 1 } })).body.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    await expect(stack.deps.rankings.putShard('erqi', '2026-Q2', 1, 'wulibao', [], 'x')).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    await expect(stack.deps.rankings.putShard('erqi', '2026-Q2', 1, 'new-township', [], 'x')).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    await expect(
      stack.deps.rankings.annotate('erqi', '2026-Q2', 1, { id: 'x', text: 'x', by: 'x', byName: 'x', at: now }, 1),
    ).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await expect(
      stack.deps.rankings.finalize('erqi', '2026-Q2', 1, {
        inputsHash: 'x',
        branchCount: 0,
        order: [],
        ranksByTownship: {},
        lists: { topTen: [], topHundred: [], mostImproved: [] },
        starMap: [],
      }),
    ).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(await stack.snapshot()).toEqual(before);

    const lead = await stack.call('GET', '/v1/rankings/2026-Q2', { token: leader, query: { limit: '200' } });
    expect(lead.status).toBe(200);
    expect(new Set(lead.body.rows.map((r: { townshipId: string }) => r.townshipId))).toEqual(new Set(['wulibao', 'dehuajie']));
    expect(lead.body.rows.find((r: { branchId: string }) => r.branchId === 'jianxinnanjie')).toMatchObject({
      districtRank: 2,
      townshipRank: 1,
      annotations: ['建新南街社区来信办理规范，予以表扬'],
    });
  });

  it('leaders and township staff see only their townships; drafts and other townships are refused', async () => {
    expect((await stack.call('GET', '/v1/rankings/2026-Q2', { token: leader, query: { townshipId: 'demo-gwh' } })).status).toBe(403);
    const own = await stack.call('GET', '/v1/rankings/2026-Q2', { token: staff, query: { branchType: 'community' } });
    expect([own.status, own.body.matched, new Set(own.body.rows.map((r: { townshipId: string }) => r.townshipId))]).toEqual([
      200,
      9,
      new Set(['wulibao']),
    ]);
    expect((await stack.call('GET', '/v1/rankings/2026-Q2/branches/yingtaogou', { token: leader })).status).toBe(404);
    const map = await stack.call('GET', '/v1/rankings/2026-Q2/star-map', { token: leader });
    expect(map.body.townships.map((t: { townshipId: string }) => t.townshipId)).toEqual(['wulibao', 'dehuajie']);
    const honours = await stack.call('GET', '/v1/rankings/2026-Q2/honours', { token: leader });
    expect(honours.body.topTen.every((r: { townshipId: string }) => ['wulibao', 'dehuajie'].includes(r.townshipId))).toBe(true);
    expect(honours.body.topTen[0]).toMatchObject({ branchId: 'jianxinnanjie', districtRank: 2 });
    const versions = await stack.call('GET', '/v1/rankings/2026-Q2/versions', { token: leader });
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect((await stack.call('POST', '/v1/rankings/2026-Q2/runs', { token: staff, body: {} })).status).toBe(403);
  });

  it('a secretary or cadre reads their township’s published ranking and their own scorecard, nothing more (亮赛比 in the open)', async () => {
    const [secretary, cadre] = await Promise.all([stack.tokenFor(DEMO.secretary), stack.tokenFor(DEMO.cadre)]);
    for (const token of [secretary, cadre]) {
      expect((await stack.call('GET', '/v1/rankings', { token })).body.quarters.map((q: { quarter: string }) => q.quarter)).toEqual([
        '2026-Q2',
      ]);
      const list = await stack.call('GET', '/v1/rankings/2026-Q2', { token, query: { limit: '200' } });
      expect(list.status).toBe(200);
      expect(new Set(list.body.rows.map((r: { townshipId: string }) => r.townshipId))).toEqual(new Set(['demo-gwh']));
      const own = list.body.rows.find((r: { branchId: string }) => r.branchId === 'yingtaogou');
      expect(own.districtRank).toBeGreaterThan(0);
      expect(own.townshipRank).toBeGreaterThan(0);
      const card = await stack.call('GET', '/v1/rankings/2026-Q2/branches/yingtaogou', { token });
      expect([card.status, card.body.row.districtRank]).toEqual([200, own.districtRank]);
      // A neighbour's row is on the list, its scorecard is not theirs to open; other townships are refused.
      const neighbour = list.body.rows.find((r: { branchId: string }) => r.branchId !== 'yingtaogou').branchId;
      expect((await stack.call('GET', `/v1/rankings/2026-Q2/branches/${neighbour}`, { token })).status).toBe(404);
      expect((await stack.call('GET', '/v1/rankings/2026-Q2/branches/jianxinnanjie', { token })).status).toBe(404);
      expect((await stack.call('GET', '/v1/rankings/2026-Q2', { token, query: { townshipId: 'wulibao' } })).status).toBe(403);
      const map = await stack.call('GET', '/v1/rankings/2026-Q2/star-map', { token });
      expect(map.body.townships.map((t: { townshipId: string }) => t.townshipId)).toEqual(['demo-gwh']);
      expect((await stack.call('GET', '/v1/rankings/2026-Q2/export', { token })).status).toBe(403);
      expect((await stack.call('POST', '/v1/rankings/2026-Q2/runs', { token, body: {} })).status).toBe(403);
    }
    // A resident reads no ranking at all.
    expect((await stack.call('GET', '/v1/rankings', { token: await stack.tokenFor(DEMO.resident) })).status).toBe(403);
  });

  it('the next quarter counts the change (不比基础比变化); a correction is a new version with its own hash', async () => {
    now = '2026-10-01T02:00:00.000Z';
    [admin, leader, staff] = await Promise.all([
      stack.tokenFor(DEMO.district_admin),
      stack.tokenFor(DEMO.leader),
      stack.tokenFor(DEMO.township_staff),
    ]);
    await seedInputs('2026-Q3', ['2026-07', '2026-08', '2026-09'], 0); // jianxinnanjie does worse
    await put({ ...reportsEntities.quarterStats.key({ branchId: 'wulibao-b03', quarter: '2026-Q3' }), submitted: 92, onTime: 92, late: 0 }); // from nothing to everything
    const run = await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, body: {} });
    expect([run.status, run.body.complete, run.body.ranking.version, run.body.ranking.status]).toEqual([200, true, 1, 'draft']);
    const draft = await stack.call('GET', '/v1/rankings/2026-Q3', { token: admin, query: { version: '1', townshipId: 'wulibao' } });
    const row = (id: string) => draft.body.rows.find((r: { branchId: string }) => r.branchId === id);
    expect(row('jianxinnanjie').delta).toBeLessThan(0);
    expect(row('wulibao-b03').delta).toBeGreaterThan(0);
    await stack.call('POST', '/v1/rankings/2026-Q3/versions/1/publish', { token: admin, body: { revision: 0 } });
    expect((await stack.call('GET', '/v1/rankings', { token: leader })).body.quarters.map((q: { quarter: string }) => q.quarter)).toEqual([
      '2026-Q3',
      '2026-Q2',
    ]);
    const honours = await stack.call('GET', '/v1/rankings/2026-Q3/honours', { token: admin });
    expect(honours.body.mostImproved[0].branchId).toBe('wulibao-b03');
    expect(honours.body.mostImproved.every((r: { delta: number }) => r.delta > 0)).toBe(true);

    // A correction: new observation data, recomputed as version 2; leaders keep seeing version 1 until it is published.
    await put(observationResult('wulibao-b03', 'obs-extra', '2026-09', [], 9.5, 2));
    const rerun = await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, body: {} });
    expect([rerun.body.ranking.version, rerun.body.ranking.status]).toEqual([2, 'draft']);
    expect(rerun.body.ranking.inputsHash).not.toBe(draft.body.ranking.inputsHash);
    expect((await stack.call('GET', '/v1/rankings/2026-Q3', { token: leader })).body.ranking.version).toBe(1);
    await stack.call('POST', '/v1/rankings/2026-Q3/versions/2/publish', { token: admin, body: { revision: 0 } });
    const history = await stack.call('GET', '/v1/rankings/2026-Q3/versions', { token: leader });
    expect(
      history.body.versions.map((v: { version: number; current: boolean; status: string }) => [v.version, v.status, v.current]),
    ).toEqual([
      [2, 'published', true],
      [1, 'published', false],
    ]);
    const v1 = await stack.call('GET', '/v1/rankings/2026-Q3', { token: leader, query: { version: '1', townshipId: 'wulibao' } });
    expect(v1.body.rows.find((r: { branchId: string }) => r.branchId === 'wulibao-b03').total).toBe(row('wulibao-b03').total);
  });

  it('a branch scorecard: components, per-star status, plan targets, trend over published quarters', async () => {
    const card = await stack.call('GET', '/v1/rankings/2026-Q3/branches/yingtaogou', { token: admin });
    expect(card.status).toBe(200);
    expect(card.body.targetStars).toEqual(['branch_strong', 'industry', 'ecology']);
    expect(card.body.stars.map((s: { star: string; targeted: boolean }) => [s.star, s.targeted])).toEqual([
      ['branch_strong', true],
      ['industry', true],
      ['ecology', true],
      ['safety_law', false],
      ['civility', false],
    ]);
    const daily = card.body.components.find((c: { component: string }) => c.component === 'dailyReport');
    expect(daily).toMatchObject({ score: 98.91, weight: 15, facts: { due: 92, onTime: 91, late: 0, missing: 1 } });
    expect(card.body.components.find((c: { component: string }) => c.component === 'letters').score).toBeNull();
    expect(card.body.trend.map((t: { quarter: string }) => t.quarter)).toEqual(['2026-Q2', '2026-Q3']);
    const map = await stack.call('GET', '/v1/rankings/2026-Q3/star-map', { token: admin });
    const gwh = map.body.townships.find((t: { townshipId: string }) => t.townshipId === 'demo-gwh');
    expect(gwh.planTargets).toEqual([0, 0, 0, 1, 0, 0]);
    expect(gwh.previousLevels).toEqual(gwh.levels.map((_: number, k: number) => (k === 0 ? 8 : 0)));
    expect(map.body.totals.levels.reduce((a: number, b: number) => a + b, 0)).toBe(map.body.ranking.branchCount);
  });

  it('exports the published ranking as XLSX, within the caller’s townships', async () => {
    const res = await stack.app.handle(
      (await import('../support/events')).apiEvent('GET', '/v1/rankings/2026-Q3/export', { token: leader }),
    );
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers!['content-disposition']))).toContain('2026-Q3季度评比_第2版.xlsx');
    const parts = unzip(Buffer.from(res.body!, 'base64'));
    const sheet = sheetCells(parts.get('xl/worksheets/sheet1.xml')!.toString());
    expect(['A1', 'B1', 'C1', 'D1'].map((c) => sheet.get(c))).toEqual(['区排名', '乡镇排名', '支部', '乡镇（街道）']);
    const names = [...sheet.entries()].filter(([ref]) => /^D\d+$/.test(ref) && ref !== 'D1').map(([, v]) => v);
    expect(new Set(names)).toEqual(new Set(['五里堡街道', '德化街街道']));
    const about = sheetCells(parts.get('xl/worksheets/sheet3.xml')!.toString());
    expect([...about.values()]).toContain('2026-Q3');
  });

  it('the scoring model: draft → publish → immutable; bad weights → 400; new runs record the version', async () => {
    const draft = await stack.call('GET', '/v1/scoring/draft', { token: admin });
    expect([draft.body.revision, draft.body.basedOnVersion, draft.body.content.weights.keyTasks]).toEqual([0, 0, 35]);
    const bad = structuredClone(draft.body.content);
    bad.weights.keyTasks = 50;
    const refused = await stack.call('PUT', '/v1/scoring/draft', { token: admin, body: { content: bad, revision: 0 } });
    expect([refused.status, refused.body.details[0].path]).toEqual([400, 'body.content.weights']);
    const content = structuredClone(draft.body.content);
    content.weights = { keyTasks: 30, observation: 25, dailyReport: 20, letters: 10, improvement: 15 };
    expect((await stack.call('PUT', '/v1/scoring/draft', { token: admin, body: { content, revision: 0 } })).body.revision).toBe(1);
    const pub = await stack.call('POST', '/v1/scoring/publish', { token: admin, body: { revision: 1, note: '提高每日报告权重' } });
    expect([pub.status, pub.body.version]).toEqual([201, 1]);
    expect((await stack.call('POST', '/v1/scoring/publish', { token: admin, body: { revision: 1, note: '再发一次' } })).status).toBe(409);
    await expect(
      stack.deps.scoringModels.publish('erqi', { version: 1, content, publishedAt: now, publishedBy: 'x', note: '覆盖' }, 0, 0),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await stack.call('GET', '/v1/scoring/versions/1', { token: leader })).body.note).toBe('提高每日报告权重');
    const run = await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, body: {} });
    expect([run.body.ranking.version, run.body.ranking.scoringVersion]).toEqual([3, 1]);
  });

  it('a branch’s level is the stars it holds (评星定级), from the day they are held; finished key tasks award nothing', async () => {
    now = '2026-10-01T02:00:00.000Z';
    const base = await stack.call('PUT', '/v1/branches/yingtaogou/baseline-stars', {
      token: await stack.tokenFor(DEMO.district_admin),
      body: { stars: ['branch_strong', 'industry'] },
    });
    expect(base.status).toBe(200);
    now = '2026-11-16T02:00:00.000Z';
    admin = await stack.tokenFor(DEMO.district_admin); // tokens run on the moving clock
    // A preview runs within the API's time budget: repeat until complete, as the 评比管理 page does.
    let run = await stack.call('POST', '/v1/rankings/2026-Q4/runs', { token: admin, body: {} });
    for (let k = 0; run.status === 200 && !run.body.complete && k < 20; k++)
      run = await stack.call('POST', '/v1/rankings/2026-Q4/runs', { token: admin, body: {} });
    expect([run.status, run.body.complete]).toEqual([200, true]);
    const card = await stack.call('GET', '/v1/rankings/2026-Q4/branches/yingtaogou', {
      token: admin,
      query: { version: String(run.body.ranking.version) },
    });
    expect(
      card.body.stars.map((s: { star: string; status: string }) => [s.star, s.status]).filter(([, st]: string[]) => st === 'awarded'),
    ).toEqual([
      ['branch_strong', 'awarded'],
      ['industry', 'awarded'],
    ]);
    expect(card.body.row.level).toBe(2);
    // The quarter before, ranked before the stars were held, still shows none for it.
    const q3 = await stack.call('GET', '/v1/rankings/2026-Q3/branches/yingtaogou', { token: admin });
    expect([q3.body.row.level, q3.body.stars.some((s: { status: string }) => s.status === 'awarded')]).toEqual([0, false]);
    // The star map counts the township's 2-star branch.
    const map = await stack.call('GET', '/v1/rankings/2026-Q4/star-map', {
      token: admin,
      query: { version: String(run.body.ranking.version) },
    });
    expect(map.body.townships.find((t: { townshipId: string }) => t.townshipId === 'demo-gwh').levels[2]).toBe(1);
  });
});

describe('the optional ranking demo rollups', () => {
  it('give the demo district two quarters with spread scores and improvement', async () => {
    const { rankingDemoItems } = await import('../../src/local/ranking-demo');
    const { batchPut } = await import('../../src/local/seed');
    let now = '2026-10-01T02:00:00.000Z';
    const stack = await createTestStack({ clock: { now: () => new Date(now) } });
    await batchPut(stack.doc, stack.tableName, rankingDemoItems());
    let admin = await stack.tokenFor(DEMO.district_admin);
    const q3 = await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, body: {} });
    expect(q3.body.complete).toBe(true);
    await stack.call('POST', '/v1/rankings/2026-Q3/versions/1/publish', { token: admin, body: { revision: 0 } });
    now = '2027-01-01T02:00:00.000Z';
    admin = await stack.tokenFor(DEMO.district_admin);
    await stack.call('POST', '/v1/rankings/2026-Q4/runs', { token: admin, body: {} });
    await stack.call('POST', '/v1/rankings/2026-Q4/versions/1/publish', { token: admin, body: { revision: 0 } });
    const res = await stack.call('GET', '/v1/rankings/2026-Q4', { token: await stack.tokenFor(DEMO.leader), query: { limit: '200' } });
    const totals = new Set(res.body.rows.map((r: { total: number }) => r.total));
    expect(totals.size).toBeGreaterThan(res.body.rows.length / 2);
    expect(res.body.rows.some((r: { delta: number | null }) => r.delta !== null && r.delta > 0)).toBe(true);
    expect((await stack.call('GET', '/v1/rankings/2026-Q4/honours', { token: admin })).body.mostImproved.length).toBeGreaterThan(0);
  });
});
