import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { outboxKeys, REMINDER_RUN_TTL_SECONDS, ttlAfter } from '../../platform/notify/outbox.entities';
import type { ReminderRunLedger } from './reminder-run-ledger';

/** One item per district-day (`DIST#{d}#REMINDRUN` / `{day}`), created with a conditional put. */
export class DynamoReminderRunLedger implements ReminderRunLedger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claim(districtId: string, day: string, at: Date): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...outboxKeys.reminderRun(districtId, day),
            entity: 'reminderRun',
            districtId,
            day,
            startedAt: at.toISOString(),
            ttl: ttlAfter(at, REMINDER_RUN_TTL_SECONDS),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async complete(districtId: string, day: string, summary: Record<string, unknown>): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: outboxKeys.reminderRun(districtId, day),
        UpdateExpression: 'SET summary = :s',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':s': summary },
      }),
    );
  }
}
