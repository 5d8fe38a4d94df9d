import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** Follows LastEvaluatedKey to the end. Only for partitions bounded by design (a township's branches, a user's bindings). */
export async function queryAll<T>(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as T[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Everything under one gsi1 partition, optionally only sort keys starting with `${prefix}#`. */
export function queryGsi1<T>(doc: DynamoDBDocumentClient, table: string, pk: string, prefix?: string): Promise<T[]> {
  return queryAll<T>(doc, {
    TableName: table,
    IndexName: 'gsi1',
    KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :p)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':p': `${prefix}#` } : {}) },
  });
}
