import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Star } from '@chuangxing/shared';
import { keys } from '../../platform/dynamodb/legacy-keys';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import type { LetterCounters } from '../mailbox/letter';
import { letterKeys } from '../mailbox/letter-repository.dynamodb';
import { orgEntities } from '../org/org.entities';
import { quarterRange } from './ranking';
import type {
  InspectionFindingsReader,
  KeyTaskProgressReader,
  ObservationResultsReader,
  ReportCounters,
  ScoringInputs,
  TownshipQuarterInputs,
} from './scoring-inputs';

const BATCH_GET = 100;

/**
 * The ranking job's inputs on DynamoDB. Per township shard and quarter: the branches (1 GSI query), their
 * quarter report counters (BatchGet, 100 keys a request), the 三率 counters (1 query per month), the approved
 * plans (1 GSI query), and through their features' readers the observation results, findings and key-task
 * progress (1 query each). The district's exemptions are read once per quarter (1 query per month). No raw
 * report is ever read.
 */
export class DynamoScoringInputs implements ScoringInputs {
  private readonly exemptionCache = new Map<string, Promise<{ day: string; branchId?: string }[]>>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    /** The features that own these inputs read them (adapters/scoring-readers.ts): one query per township each. */
    private readonly readers: {
      observations: ObservationResultsReader;
      findings: InspectionFindingsReader;
      taskProgress: KeyTaskProgressReader;
    },
  ) {}

  async listTownships(districtId: string) {
    const townships = orgEntities.townshipsOf(districtId);
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': townships.pk, ':p': townships.skPrefix },
    });
    return items
      .map((i) => ({ id: i.id as string, name: i.name as string, order: Number(i.order ?? 0) }))
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
      .map(({ id, name }) => ({ id, name }));
  }

  private exemptions(districtId: string, quarter: string) {
    const key = `${districtId}|${quarter}`;
    let cached = this.exemptionCache.get(key);
    if (!cached) {
      cached = Promise.all(
        quarterRange(quarter).months.map((m) =>
          queryAll<Record<string, unknown>>(this.doc, {
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
            ExpressionAttributeValues: { ':pk': keys.exemptionsPk(districtId), ':p': m },
            ProjectionExpression: '#d, branchId',
            ExpressionAttributeNames: { '#d': 'day' },
          }),
        ),
      ).then((lists) => lists.flat().map((i) => ({ day: i.day as string, ...(i.branchId ? { branchId: i.branchId as string } : {}) })));
      cached.catch(() => this.exemptionCache.delete(key));
      this.exemptionCache.set(key, cached);
    }
    return cached;
  }

  private async reportCounters(branchIds: string[], quarter: string): Promise<Record<string, ReportCounters>> {
    const out: Record<string, ReportCounters> = {};
    for (let k = 0; k < branchIds.length; k += BATCH_GET) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression?: string }> | undefined = {
        [this.table]: {
          Keys: branchIds.slice(k, k + BATCH_GET).map((b) => keys.branchQuarterStats(b, quarter)),
          ProjectionExpression: 'pk, submitted, onTime, late',
        },
      };
      for (let attempt = 0; request && Object.keys(request).length; attempt++) {
        const res = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const i of res.Responses?.[this.table] ?? []) {
          out[(i.pk as string).slice(3)] = {
            submitted: Number(i.submitted ?? 0),
            onTime: Number(i.onTime ?? 0),
            late: Number(i.late ?? 0),
          };
        }
        request = res.UnprocessedKeys as typeof request;
        if (request && Object.keys(request).length) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return out;
  }

  private async letterCounters(townshipId: string, quarter: string): Promise<Record<string, LetterCounters>> {
    const lists = await Promise.all(
      quarterRange(quarter).months.map((m) =>
        queryAll<Record<string, unknown>>(this.doc, {
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': letterKeys.stats(townshipId, m, '').pk },
        }),
      ),
    );
    const out: Record<string, LetterCounters> = {};
    for (const i of lists.flat()) {
      const c = out[i.branchId as string] ?? {};
      out[i.branchId as string] = c;
      for (const n of ['received', 'respondedInTime', 'accepted', 'replied', 'rated', 'satisfied'] as const) {
        if (i[n] !== undefined) c[n] = (c[n] ?? 0) + Number(i[n]);
      }
    }
    return out;
  }

  async loadTownship(districtId: string, township: { id: string; name: string }, quarter: string): Promise<TownshipQuarterInputs> {
    const { year } = quarterRange(quarter);
    const branchItems = await queryGsi1<Record<string, unknown>>(this.doc, this.table, orgEntities.branchesOf(township.id));
    const branches = branchItems
      .map((i) => ({ id: i.id as string, name: i.name as string, type: i.type as 'rural' | 'community', createdAt: i.createdAt as string }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const [reportCounters, exemptions, letterCounters, planItems, observations, findings, taskProgress] = await Promise.all([
      this.reportCounters(
        branches.map((b) => b.id),
        quarter,
      ),
      this.exemptions(districtId, quarter),
      this.letterCounters(township.id, quarter),
      queryGsi1<Record<string, unknown>>(this.doc, this.table, `TWN#${township.id}#PLANS#${year}`, 'approved'),
      this.readers.observations.listResultsForTownshipQuarter(township.id, quarter),
      this.readers.findings.listFindingsForTownship(township.id),
      this.readers.taskProgress.listProgressForTownshipYear(township.id, year),
    ]);
    const plans = planItems.map((p) => {
      const content = p.content as { heldStars?: Star[]; targetStars?: Star[] };
      return { branchId: p.branchId as string, heldStars: content.heldStars ?? [], targetStars: content.targetStars ?? [] };
    });
    return { township, branches, reportCounters, exemptions, letterCounters, plans, observations, findings, taskProgress };
  }
}
