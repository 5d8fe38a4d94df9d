import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamodb/query-all';
import { reportsEntities, reportsPartitions } from './reports.entities';
import type { HolidayReader } from './reports.readers';
import type { StoredExemption } from './rules-repository';

/**
 * The district's holidays, leave days and 调休 make-up working days, one query a day or month: what the
 * working-day calendar (the mailbox's SLA, 倒排工期) and the ranking read, without the rest of the reports' rules.
 */
export class DynamoHolidayReader implements HolidayReader {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async listCalendar(districtId: string, prefix: string): Promise<StoredExemption[]> {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': reportsPartitions.exemptions(districtId), ':p': prefix },
    });
    return items.map(reportsEntities.exemption.parse);
  }

  /** A make-up working day exempts nobody: reports, compliance and the ranking never see one. */
  async listExemptions(districtId: string, prefix: string): Promise<StoredExemption[]> {
    return (await this.listCalendar(districtId, prefix)).filter((e) => e.kind !== 'workday');
  }
}
