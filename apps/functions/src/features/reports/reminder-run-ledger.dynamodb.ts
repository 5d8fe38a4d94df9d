import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { ttlAfter } from '../../platform/notify/outbox.entities';
import type { ReminderRunLedger } from './reminder-run-ledger';
import { REMINDER_RUN_TTL_SECONDS, reportsEntities } from './reports.entities';

const { reminderRun } = reportsEntities;

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
          Item: reminderRun.item(
            { districtId, day },
            { districtId, day, startedAt: at.toISOString() },
            { ttl: ttlAfter(at, REMINDER_RUN_TTL_SECONDS) },
          ),
          ...expectVersion(0),
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
        Key: reminderRun.key({ districtId, day }),
        UpdateExpression: 'SET summary = :s',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':s': summary },
      }),
    );
  }
}
