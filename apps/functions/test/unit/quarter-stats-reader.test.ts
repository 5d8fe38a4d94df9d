import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoReportRepository } from '../../src/features/reports/report-repository.dynamodb';

type Key = { pk: string; sk: string };

/** A BatchGet that leaves every key it sees first unprocessed once, as DynamoDB may under load. */
function flakyBatchGet(table: string) {
  const seen = new Set<string>();
  const requests: Key[][] = [];
  const doc = {
    send: async (command: BatchGetCommand) => {
      expect(command).toBeInstanceOf(BatchGetCommand);
      const request = command.input.RequestItems![table];
      expect(request.ProjectionExpression).toBe('pk, submitted, onTime, late');
      const keys = request.Keys as Key[];
      requests.push(keys);
      const fresh = keys.filter((k) => !seen.has(k.pk));
      for (const k of keys) seen.add(k.pk);
      const served = keys.filter((k) => !fresh.includes(k) && k.pk !== 'BR#none');
      return {
        Responses: { [table]: served.map((k) => ({ pk: k.pk, submitted: 3, onTime: 2, late: 1 })) },
        UnprocessedKeys: fresh.length ? { [table]: { Keys: fresh, ProjectionExpression: request.ProjectionExpression } } : {},
      };
    },
  };
  return { doc: doc as unknown as DynamoDBDocumentClient, requests };
}

describe('the quarter counters reader', () => {
  it('asks for at most 100 keys a request and retries unprocessed keys until none are left', async () => {
    const { doc, requests } = flakyBatchGet('t');
    const ids = [...Array.from({ length: 120 }, (_, i) => `b${i}`), 'none'];
    const out = await new DynamoReportRepository(doc, 't').quarterStatsOf(ids, '2026-Q4');
    expect(requests.map((r) => r.length)).toEqual([100, 100, 21, 21]);
    expect(requests[0][0]).toEqual({ pk: 'BR#b0', sk: 'STAT#Q#2026-Q4' });
    expect(Object.keys(out)).toHaveLength(120);
    expect(out.b119).toEqual({ submitted: 3, onTime: 2, late: 1 });
    expect(out.none).toBeUndefined();
  });
});
