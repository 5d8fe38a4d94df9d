import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../src/local/ensure-table';
import { tableDefinition } from '../../src/platform/dynamodb/table-definition';
import { createTestStack, type TestStack } from '../support/test-stack';

describe('the table on DynamoDB Local is the shared definition', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({ seed: false });
  });

  it('has the key schema, every GSI and TTL from table-definition.ts', async () => {
    const { Table } = await stack.raw.send(new DescribeTableCommand({ TableName: stack.tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    const gsis = (Table?.GlobalSecondaryIndexes ?? []).map((g) => ({
      name: g.IndexName,
      keys: g.KeySchema?.map((k) => k.AttributeName),
      projection: g.Projection?.ProjectionType,
    }));
    expect(gsis).toEqual(
      tableDefinition.globalSecondaryIndexes.map((g) => ({ name: g.indexName, keys: [g.partitionKey, g.sortKey], projection: 'ALL' })),
    );
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const ttl = await stack.raw.send(new DescribeTimeToLiveCommand({ TableName: stack.tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(tableDefinition.timeToLiveAttribute);
  });

  it('ensureTable is idempotent', async () => {
    expect(await ensureTable(stack.raw, stack.tableName)).toBe('exists');
  });
});
