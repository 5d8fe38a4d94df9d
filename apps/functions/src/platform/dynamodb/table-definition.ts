/**
 * The one single-table definition. CDK (infra), the local stack and the tests all derive their table
 * from this object, so they cannot drift. Plain data: no AWS imports.
 *
 * Access patterns (pk / sk, or index):
 * - scoring model versions, pointer, draft:       DIST#{d}#SCORING / V#{0001} | LATEST | DRAFT
 * - a quarter's ranking versions (headers):       DIST#{d}#RANK#{yyyy-Qn} / V#{0001} | LATEST | PUBLISHED
 * - a ranking version's data (written once):      DIST#{d}#RANK#{q}#V#{0001} / SHARD#{t}#{chunk} | DONE#{t} | ORDER#{chunk} | RANKS#{t} | LISTS | STARMAP#{chunk}
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  timeToLiveAttribute: 'ttl',
} as const;

export type TableDefinition = typeof tableDefinition;

/** Input for DynamoDB CreateTable (local stack and tests); CDK maps the same object in infra. */
export function createTableInput(tableName: string) {
  const attrs = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const g of tableDefinition.globalSecondaryIndexes) {
    attrs.add(g.partitionKey);
    attrs.add(g.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
