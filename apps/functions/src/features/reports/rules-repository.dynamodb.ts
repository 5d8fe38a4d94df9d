import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DailyRules, DEFAULT_DAILY_RULES, DEFAULT_LETTER_RULES, type LetterRules } from '@chuangxing/shared';
import { keys } from '../../platform/dynamodb/legacy-keys';
import { queryAll } from '../../platform/dynamodb/query-all';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import type { RulesRepository, StoredExemption } from './rules-repository';

const EXEMPTION_FIELDS = ['id', 'districtId', 'day', 'branchId', 'townshipId', 'reason', 'createdBy', 'createdAt'] as const;
const toExemption = (i: Record<string, unknown>) =>
  Object.fromEntries(EXEMPTION_FIELDS.filter((f) => i[f] !== undefined).map((f) => [f, i[f]])) as unknown as StoredExemption;

/** Exemption ids encode their key: `{day}_{branchId}` or `{day}_all`. */
export function exemptionKeyOf(districtId: string, id: string) {
  const m = /^(\d{4}-\d{2}-\d{2})_(.+)$/.exec(id);
  if (!m) return undefined;
  return keys.exemption(districtId, m[1], m[2] === 'all' ? undefined : m[2]);
}

export class DynamoRulesRepository implements RulesRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getDailyRules(districtId: string): Promise<DailyRules> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.dailyRules(districtId) }));
    if (!res.Item) return DEFAULT_DAILY_RULES;
    return {
      deadline: res.Item.deadline,
      maxBackfillDays: res.Item.maxBackfillDays,
      reminderTime: res.Item.reminderTime ?? DEFAULT_DAILY_RULES.reminderTime,
    };
  }

  async putDailyRules(districtId: string, rules: DailyRules, by: string, at: string): Promise<void> {
    await this.doc.send(
      new PutCommand({ TableName: this.table, Item: { ...keys.dailyRules(districtId), ...rules, updatedBy: by, updatedAt: at } }),
    );
  }

  async getLetterRules(districtId: string): Promise<LetterRules> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: { pk: `DIST#${districtId}`, sk: 'RULES#LETTERS' } }));
    if (!res.Item) return DEFAULT_LETTER_RULES;
    const { acceptWorkingDays, replyWorkingDays, autoArchiveDays, perDayLimit } = { ...DEFAULT_LETTER_RULES, ...res.Item } as LetterRules;
    return { acceptWorkingDays, replyWorkingDays, autoArchiveDays, perDayLimit };
  }

  async putLetterRules(districtId: string, rules: LetterRules, by: string, at: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `DIST#${districtId}`, sk: 'RULES#LETTERS', ...rules, updatedBy: by, updatedAt: at },
      }),
    );
  }

  async listExemptions(districtId: string, prefix: string): Promise<StoredExemption[]> {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.exemptionsPk(districtId), ':p': prefix },
    });
    return items.map(toExemption);
  }

  async createExemption(e: StoredExemption): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.exemption(e.districtId, e.day, e.branchId), ...e },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw conflict(e.branchId ? '该支部当天已登记请假' : '当天已登记为节假日');
      throw err;
    }
  }

  async deleteExemption(districtId: string, id: string): Promise<StoredExemption | undefined> {
    const key = exemptionKeyOf(districtId, id);
    if (!key) return undefined;
    const res = await this.doc.send(new DeleteCommand({ TableName: this.table, Key: key, ReturnValues: 'ALL_OLD' }));
    return res.Attributes ? toExemption(res.Attributes) : undefined;
  }
}
