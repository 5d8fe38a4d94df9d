import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsEntities } from '../../src/features/reports/reports.entities';
import { publishDemoRanking } from '../../src/local/demo-ranking';
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
  });
});
