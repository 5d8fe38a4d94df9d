import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoReportRepository } from '../../src/features/reports/report-repository.dynamodb';
import { reportsEntities } from '../../src/features/reports/reports.entities';
import type { QuarterStatsReader } from '../../src/features/reports/reports.readers';
import { quarterStatsReader } from '../../src/features/reports/reports.wiring';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const Q = '2026-Q4';

describe('the quarter counters reader on DynamoDB Local', () => {
  let stack: TestStack;
  let reader: QuarterStatsReader;
  const put = (Item: Record<string, unknown>) => stack.doc.send(new PutCommand({ TableName: stack.tableName, Item }));

  beforeAll(async () => {
    // 20:00 in Shanghai on 2026-11-27, before the deadline: a report filed now is on time.
    stack = await createTestStack({ clock: { now: () => new Date('2026-11-27T12:00:00.000Z') } });
    reader = new DynamoReportRepository(stack.doc, stack.tableName);
  });

  it('reads the counters a submission keeps, and only the quarter asked for', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre); // 樱桃沟社区 (yingtaogou)
    const body = {
      content: { items: [{ star: 'industry', text: '走访' }], counts: {}, problems: '', tomorrowPlan: '' },
      idempotencyKey: 'q-stats-0123456789abcdef',
    };
    expect((await stack.call('PUT', '/v1/branches/yingtaogou/reports/2026-11-27', { token: cadre, body })).status).toBe(201);
    await put({ ...reportsEntities.quarterStats.key({ branchId: 'yingtaogou', quarter: '2026-Q3' }), submitted: 50, onTime: 40, late: 10 });

    expect(await reader.quarterStatsOf(['yingtaogou', 'jianxinnanjie'], Q)).toEqual({ yingtaogou: { submitted: 1, onTime: 1, late: 0 } });
    expect(await reader.quarterStatsOf(['yingtaogou'], '2026-Q3')).toEqual({ yingtaogou: { submitted: 50, onTime: 40, late: 10 } });
    expect(await reader.quarterStatsOf([], Q)).toEqual({});
  });

  it('batches past 100 branches, skips the ones without counters and reads a missing counter as 0', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `qs-${String(i).padStart(3, '0')}`);
    const expected: Record<string, { submitted: number; onTime: number; late: number }> = {};
    for (const [i, branchId] of ids.entries()) {
      if (i % 3 === 0) continue;
      const c = i % 5 === 0 ? { submitted: i } : { submitted: i, onTime: i - (i % 4), late: i % 4 };
      await put({ ...reportsEntities.quarterStats.key({ branchId, quarter: Q }), ...c });
      expected[branchId] = { onTime: 0, late: 0, ...c };
    }
    // The month counter beside it is not a quarter counter.
    await put({ ...reportsEntities.monthStats.key({ branchId: ids[0], month: '2026-11' }), submitted: 9, onTime: 9, late: 0 });
    expect(
      await quarterStatsReader({ doc: stack.doc, table: stack.tableName, once: (_k, build) => build() }).quarterStatsOf(ids, Q),
    ).toEqual(expected);
  });

  it('gives the ranking the same counters it reads today by raw key', async () => {
    const quarter = '2026-Q2';
    const township = { id: 'wulibao', name: '五里堡街道' };
    const branchIds = ['jianxinnanjie', 'wulibao-b02', 'wulibao-b03'];
    await put({ ...reportsEntities.quarterStats.key({ branchId: branchIds[0], quarter }), submitted: 80, onTime: 70, late: 10 });
    await put({ ...reportsEntities.quarterStats.key({ branchId: branchIds[1], quarter }), submitted: 5 });
    const inputs = await stack.deps.scoringInputs.loadTownship('erqi', township, quarter);
    expect(Object.keys(inputs.reportCounters).length).toBe(2);
    expect(
      await reader.quarterStatsOf(
        inputs.branches.map((b) => b.id),
        quarter,
      ),
    ).toEqual(inputs.reportCounters);
  });
});
