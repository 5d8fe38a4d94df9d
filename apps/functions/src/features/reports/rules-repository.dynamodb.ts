import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DailyRules, DEFAULT_DAILY_RULES } from '@chuangxing/shared';
import { expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { DynamoHolidayReader } from './holiday-reader.dynamodb';
import { reportsEntities } from './reports.entities';
import type { RulesRepository, StoredExemption } from './rules-repository';

const { dailyRules, exemption } = reportsEntities;

/** Exemption ids encode their key: `{day}_{branchId}` or `{day}_all`. */
export function exemptionKeyOf(districtId: string, id: string) {
  const m = /^(\d{4}-\d{2}-\d{2})_(.+)$/.exec(id);
  if (!m) return undefined;
  return exemption.key({ districtId, day: m[1], branchId: m[2] === 'all' ? undefined : m[2] });
}

export class DynamoRulesRepository implements RulesRepository {
  private readonly holidays: DynamoHolidayReader;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.holidays = new DynamoHolidayReader(doc, table);
  }

  async getDailyRules(districtId: string): Promise<DailyRules> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: dailyRules.key({ districtId }) }));
    if (!res.Item) return DEFAULT_DAILY_RULES;
    const stored = dailyRules.parse(res.Item);
    return {
      deadline: stored.deadline,
      maxBackfillDays: stored.maxBackfillDays,
      reminderTime: stored.reminderTime ?? DEFAULT_DAILY_RULES.reminderTime,
    };
  }

  async putDailyRules(districtId: string, rules: DailyRules, by: string, at: string): Promise<void> {
    await this.doc.send(
      new PutCommand({ TableName: this.table, Item: dailyRules.item({ districtId }, { ...rules, updatedBy: by, updatedAt: at }) }),
    );
  }

  listExemptions(districtId: string, prefix: string): Promise<StoredExemption[]> {
    return this.holidays.listExemptions(districtId, prefix);
  }

  listCalendar(districtId: string, prefix: string): Promise<StoredExemption[]> {
    return this.holidays.listCalendar(districtId, prefix);
  }

  async createExemption(e: StoredExemption): Promise<void> {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: exemption.item({ districtId: e.districtId, day: e.day, branchId: e.branchId }, e),
            ...expectVersion(0),
          }),
        ),
      e.branchId ? '该支部当天已登记请假' : '当天已登记为节假日或调休上班日',
    );
  }

  async deleteExemption(districtId: string, id: string): Promise<StoredExemption | undefined> {
    const key = exemptionKeyOf(districtId, id);
    if (!key) return undefined;
    const res = await this.doc.send(new DeleteCommand({ TableName: this.table, Key: key, ReturnValues: 'ALL_OLD' }));
    return res.Attributes ? exemption.parse(res.Attributes) : undefined;
  }
}
