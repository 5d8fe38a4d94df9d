import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BoundedRetryStrategy, DYNAMO_LIMITS, type DynamoLimits, LOCAL_DYNAMO_LIMITS } from './bounded-retry';
import { reportOutagesAsUnavailable } from './outage';

export interface DynamoTarget {
  tableName: string;
  /** DynamoDB Local's URL; unset in AWS. */
  endpoint?: string;
  region?: string;
}

/**
 * The document client every adapter uses: each call bounded in time (DYNAMO_LIMITS in AWS, looser ones on
 * DynamoDB Local) and an outage reported as UNAVAILABLE. `limits: false` leaves the SDK's defaults (test
 * fixtures that scan whole tables).
 */
export function createDocumentClient(
  target: Pick<DynamoTarget, 'endpoint' | 'region'>,
  limits: DynamoLimits | false = target.endpoint ? LOCAL_DYNAMO_LIMITS : DYNAMO_LIMITS,
): DynamoDBDocumentClient {
  const local = Boolean(target.endpoint);
  const client = new DynamoDBClient({
    endpoint: target.endpoint,
    region: target.region ?? process.env.AWS_REGION ?? 'cn-north-1',
    // DynamoDB Local accepts any credentials; in AWS the SDK's default chain applies.
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    ...(limits
      ? {
          maxAttempts: limits.maxAttempts,
          retryStrategy: new BoundedRetryStrategy(limits),
          requestHandler: {
            connectionTimeout: limits.connectTimeoutMs,
            requestTimeout: limits.attemptTimeoutMs,
            throwOnRequestTimeout: true,
            socketTimeout: limits.attemptTimeoutMs,
          },
        }
      : { maxAttempts: local ? 3 : undefined }),
  });
  reportOutagesAsUnavailable(client);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
