import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OpenidDirectory } from '../../platform/notify/openid-directory';
import { identityEntities } from './identity.entities';

const BATCH = 100;

/**
 * Reads the `openid` attribute of each user's PROFILE item (`USER#{u}` / `PROFILE`) with BatchGetItem:
 * no GSI, no scan, one request per 100 recipients. Depends on the user repository writing `openid` onto
 * the profile when a user is created (or next logs in) through WeChat.
 */
export class ProfileOpenidDirectory implements OpenidDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async openidOf(userId: string): Promise<string | undefined> {
    return (await this.openidsOf([userId])).get(userId);
  }

  async openidsOf(userIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += BATCH) {
      let pending: Record<string, unknown>[] = unique
        .slice(i, i + BATCH)
        .map((userId) => ({ ...identityEntities.profile.key({ userId }) }));
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 8) throw new Error('openid directory: DynamoDB kept returning unprocessed keys');
        const res = await this.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table]: { Keys: pending, ProjectionExpression: '#id, openid', ExpressionAttributeNames: { '#id': 'id' } },
            },
          }),
        );
        for (const item of res.Responses?.[this.table] ?? []) {
          if (typeof item.id === 'string' && typeof item.openid === 'string' && item.openid) found.set(item.id, item.openid);
        }
        pending = (res.UnprocessedKeys?.[this.table]?.Keys ?? []) as Record<string, unknown>[];
        if (pending.length) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      }
    }
    return found;
  }
}
