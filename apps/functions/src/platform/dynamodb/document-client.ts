import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoTarget {
  tableName: string;
  /** DynamoDB Local's URL; unset in AWS. */
  endpoint?: string;
  region?: string;
}

export function createDocumentClient(target: Pick<DynamoTarget, 'endpoint' | 'region'>): DynamoDBDocumentClient {
  const local = Boolean(target.endpoint);
  const client = new DynamoDBClient({
    endpoint: target.endpoint,
    region: target.region ?? process.env.AWS_REGION ?? 'cn-north-1',
    // DynamoDB Local accepts any credentials; in AWS the SDK's default chain applies.
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: local ? 3 : undefined,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
