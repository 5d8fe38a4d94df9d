import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../dynamodb/table-definition';
import { isConditionalCheckFailed } from '../dynamodb/transaction-errors';
import type { Clock } from '../kernel/clock';
import { DomainError } from '../kernel/domain-error';
import { RATE_WINDOW_TTL_GRACE_SECONDS, rateLimitEntities } from './rate-limit.entities';
import type { RateLimit, RateLimiter } from './rate-limiter';

/**
 * A fixed-window counter in the table, so every container counts together: one conditional ADD per attempt,
 * refused once the window holds `limit` hits. Clients are stored as a hash, not as their address.
 */
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
    private readonly rule: RateLimit,
  ) {}

  async take(client: string): Promise<void> {
    const { name, limit, windowSeconds } = this.rule;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const windowStart = now - (now % windowSeconds);
    const clientHash = createHash('sha256').update(`${name}\n${client}`).digest('hex').slice(0, 32);
    const entity = rateLimitEntities.window;
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: entity.key({ name, clientHash, windowStart }),
          UpdateExpression: 'ADD hits :one SET #entity = :entity, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeNames: { '#entity': 'entity', '#ttl': tableDefinition.timeToLiveAttribute },
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':entity': entity.name,
            ':ttl': windowStart + windowSeconds + RATE_WINDOW_TTL_GRACE_SECONDS,
          },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      throw new DomainError('RATE_LIMITED', '尝试次数过多，请稍后再试', undefined, {
        retryAfterSeconds: windowStart + windowSeconds - now,
      });
    }
  }
}
