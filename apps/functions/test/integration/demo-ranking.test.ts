import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsEntities } from '../../src/features/reports/reports.entities';
import { holdDemoAppraisal } from '../../src/local/demo-appraisal';
import { publishDemoRanking } from '../../src/local/demo-ranking';
import { tellDemoStarStory } from '../../src/local/demo-star-story';
import { createHttpTestStack, type HttpTestStack } from '../support/http-stack';
import { DEMO } from '../support/test-stack';

describe('the demo ranking of npm start', () => {
  let stack: HttpTestStack;
  const now = new Date('2026-11-27T02:00:00.000Z');
  beforeAll(async () => {
    stack = await createHttpTestStack({ clock: { now: () => now } });
  });
  afterAll(() => stack.stop());

  it('publishes the quarter that has just ended once, through the API, and a leader then reads it', async () => {
    // A rollup the demo's own use wrote in that quarter survives.
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: { ...reportsEntities.quarterStats.key({ branchId: 'yingtaogou', quarter: '2026-Q3' }), submitted: 3, onTime: 3, late: 0 },
      }),
    );
    const args = { apiUrl: stack.url, adminToken: await stack.tokenFor(DEMO.district_admin), doc: stack.doc, table: stack.tableName, now };
    expect(await publishDemoRanking(args)).toEqual({ quarter: '2026-Q3', outcome: 'published' });
    expect(await publishDemoRanking(args)).toEqual({ quarter: '2026-Q3', outcome: 'present' });

    const leader = await stack.tokenFor(DEMO.leader);
    const ranking = await stack.call('GET', '/v1/rankings/2026-Q3', { token: leader });
    expect(ranking.status).toBe(200);
    expect(ranking.body.ranking).toMatchObject({ status: 'published', version: 1 });
    // The leader's two townships only, ranked 1.. in order.
    const rows = ranking.body.rows as { townshipId: string; districtRank: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.townshipId))).toEqual(new Set(['wulibao', 'dehuajie']));
    const kept = await stack.doc.send(
      new GetCommand({ TableName: stack.tableName, Key: reportsEntities.quarterStats.key({ branchId: 'yingtaogou', quarter: '2026-Q3' }) }),
    );
    expect(kept.Item).toMatchObject({ submitted: 3, onTime: 3 });
    const versions = await stack.call('GET', '/v1/rankings/2026-Q3/versions', { token: await stack.tokenFor(DEMO.district_admin) });
    expect(versions.body.versions).toHaveLength(1);
  }, 90_000);

  it('tells the 评星定级 story once after the baselines: 初审, 公示 with an objection, an award, a 撤星, a 亮赛比 board', async () => {
    const story = { apiUrl: stack.url, tokenFor: (id: string) => stack.tokenFor(id), doc: stack.doc, table: stack.tableName, now };
    expect(await tellDemoStarStory(story)).toBe('told');
    expect(await tellDemoStarStory(story)).toBe('present');
    const admin = await stack.tokenFor(DEMO.district_admin);

    const mine = await stack.call('GET', '/v1/branches/yingtaogou/star-applications', { token: admin });
    expect(mine.body.applications.map((a: { star: string; status: string }) => [a.star, a.status])).toEqual([
      ['civility', 'township_review'],
    ]);
    const board = await stack.call('GET', '/v1/star-publicity', { token: await stack.tokenFor(DEMO.cadre) });
    expect(board.body.applications.map((a: { branchId: string; star: string }) => [a.branchId, a.star])).toEqual([
      ['wulibao-b03', 'harmony'],
    ]);
    expect(board.body.withdrawals.map((w: { branchId: string; star: string }) => [w.branchId, w.star])).toEqual([
      ['dehuajie-b01', 'safety_law'],
    ]);
    const objections = await stack.call('GET', '/v1/star-applications/DEMOAPPXINGFU/objections', { token: admin });
    expect(objections.body.objections).toMatchObject([{ anonymous: true, status: 'open' }]);

    const heping = await stack.call('GET', '/v1/branches/wulibao-b02/stars', { token: admin });
    expect(heping.body.held).toContainEqual(expect.objectContaining({ star: 'safety_law', basis: 'award', heldFrom: '2026-11-27' }));
    const chunhua = await stack.call('GET', '/v1/branches/dehuajie-b01/stars', { token: admin });
    expect(chunhua.body.held.map((h: { star: string }) => h.star)).not.toContain('safety_law');
    expect(chunhua.body.withdrawn.map((h: { star: string }) => h.star)).toEqual(['safety_law']);

    const pledges = await stack.call('GET', '/v1/townships/demo-gwh/pledge-board/2026-11', { token: await stack.tokenFor(DEMO.secretary) });
    expect(pledges.status).toBe(200);
    expect(JSON.stringify(pledges.body)).toContain('发展樱桃采摘游');
    expect(JSON.stringify(pledges.body)).toContain('采摘园新建停车场');
  });

  it('holds 示例管委会’s 述职评议 of the quarter once: scored by the three groups, closed, its secretary sees their result', async () => {
    const args = { apiUrl: stack.url, tokenFor: (id: string) => stack.tokenFor(id), now };
    expect(await holdDemoAppraisal(args)).toBe('held');
    expect(await holdDemoAppraisal(args)).toBe('present');
    const staff = await stack.call('GET', '/v1/townships/demo-gwh/appraisals/2026-Q4', {
      token: await stack.tokenFor('demo-township-staff-gwh'),
    });
    expect(staff.body.state).toBe('closed');
    const results = staff.body.results as { branchId: string; score: number | null; sheetCount: number }[];
    expect(results.length).toBe(staff.body.branches.length);
    expect(results.every((r) => r.score !== null && r.sheetCount >= 1)).toBe(true);
    const mine = await stack.call('GET', '/v1/townships/demo-gwh/appraisals/2026-Q4', { token: await stack.tokenFor(DEMO.secretary) });
    expect(mine.body.results.map((r: { branchId: string }) => r.branchId)).toEqual(['yingtaogou']);
  });
});
