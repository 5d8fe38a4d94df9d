import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The floor of an API function's cold start (bench only, never deployed): a handler that only builds a
 * DynamoDB DocumentClient. Every API function loads the same SDK clients; what it loads beyond is ours.
 */
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async () => ({ statusCode: 200, body: doc ? 'ok' : '' });
