import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../dynamodb/transaction-errors';
import type { AccessTokenStore, StoredAccessToken } from './access-token';
import { wechatEntities } from './wechat.entities';

const { accessToken } = wechatEntities;

export class DynamoAccessTokenStore implements AccessTokenStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async read(appId: string): Promise<StoredAccessToken | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: accessToken.key({ appId }), ConsistentRead: true }));
    return res.Item ? accessToken.parse(res.Item) : undefined;
  }

  async offer(next: StoredAccessToken, replacing?: string): Promise<StoredAccessToken> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: accessToken.item({ appId: next.appId }, next),
          ConditionExpression: `attribute_not_exists(pk) OR expiresAt < :expiresAt${replacing ? ' OR #token = :replacing' : ''}`,
          ...(replacing ? { ExpressionAttributeNames: { '#token': 'token' } } : {}),
          ExpressionAttributeValues: { ':expiresAt': next.expiresAt, ...(replacing ? { ':replacing': replacing } : {}) },
        }),
      );
      return next;
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      // Another function stored a longer-lived token (or the successor) first: everyone uses that one.
      return (await this.read(next.appId)) ?? next;
    }
  }
}
