import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StarWithdrawalStatus } from '@chuangxing/shared';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import type {
  StoredAnnualDecision,
  StoredBaseline,
  StoredHeldStar,
  StoredHeldStarEvent,
  StoredStarWithdrawal,
  StoredWithdrawalEvent,
} from './held-star';
import type { BranchStarRecords, HeldStarEnding, HeldStarRepository, StarHoldingRecord } from './held-star-repository';
import { starEntities as E } from './stars.entities';

const DECIDED = '这条撤星刚被他人处理过，或该星的持有记录已变化，请刷新后重试';

/** The Put that starts holding a star: only if the branch does not hold it already. */
export function heldStarPut(table: string, h: StoredHeldStar) {
  return { Put: { TableName: table, Item: E.heldStar.item({ branchId: h.branchId, star: h.star }, h), ...expectVersion(0) } };
}

export function heldEventPut(table: string, branchId: string, ev: StoredHeldStarEvent) {
  return { Put: { TableName: table, Item: E.heldEvent.item({ branchId, at: ev.at, id: ev.id }, ev), ...expectVersion(0) } };
}

export class DynamoHeldStarRepository implements HeldStarRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async holdingsOfTownship(districtId: string, townshipId: string): Promise<StarHoldingRecord[]> {
    const items = await queryGsi1<Item>(this.doc, this.table, E.heldIndex(districtId), townshipId);
    return items.flatMap((i): StarHoldingRecord[] => {
      if (i.entity === E.heldStar.name) {
        const h = E.heldStar.parse(i);
        return [{ branchId: h.branchId, star: h.star, heldFrom: h.heldFrom, basis: h.basis }];
      }
      if (i.entity === E.endedStar.name) {
        const h = E.endedStar.parse(i);
        return [{ branchId: h.branchId, star: h.star, heldFrom: h.heldFrom, basis: h.basis, withdrawnOn: h.withdrawnOn }];
      }
      return [];
    });
  }

  async listForBranch(branchId: string): Promise<BranchStarRecords> {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': E.heldPk(branchId) },
      ConsistentRead: true,
    });
    const of = (name: string) => items.filter((i) => i.entity === name);
    const baseline = of(E.baseline.name)[0];
    return {
      held: of(E.heldStar.name).map((i) => E.heldStar.parse(i)),
      ended: of(E.endedStar.name).map((i) => E.endedStar.parse(i)),
      ...(baseline ? { baseline: E.baseline.parse(baseline) } : {}),
      annual: of(E.annualDecision.name).map((i) => E.annualDecision.parse(i)),
      events: of(E.heldEvent.name)
        .map((i) => E.heldEvent.parse(i))
        .sort((a, b) => a.at.localeCompare(b.at)),
    };
  }

  async recordBaseline(baseline: StoredBaseline, held: StoredHeldStar[], event: StoredHeldStarEvent) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: E.baseline.item({ branchId: baseline.branchId }, baseline),
                ...expectVersion(0),
              },
            },
            ...held.map((h) => heldStarPut(this.table, h)),
            heldEventPut(this.table, baseline.branchId, event),
          ],
        }),
      );
    } catch (err) {
      // A baseline recorded meanwhile, or a star awarded meanwhile: the caller re-reads and sees which.
      if (cancellationReasons(err)) throw conflict('该支部的星级记录刚有变化，请刷新后重试');
      throw err;
    }
  }

  async openWithdrawal(w: StoredStarWithdrawal, event: StoredWithdrawalEvent, sourceKey: string) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: E.withdrawalSource.item({ sourceKey }, { sourceKey, withdrawalId: w.id }),
                ...expectVersion(0),
              },
            },
            { Put: { TableName: this.table, Item: E.withdrawal.item({ id: w.id }, w), ...expectVersion(0) } },
            {
              Put: {
                TableName: this.table,
                Item: E.withdrawalEvent.item({ withdrawalId: w.id, version: event.version }, event),
                ...expectVersion(0),
              },
            },
          ],
        }),
      );
      return { kind: 'created' as const, withdrawal: w };
    } catch (err) {
      if (!failedCondition(err, 0)) throw err;
      const res = await this.doc.send(
        new GetCommand({ TableName: this.table, Key: E.withdrawalSource.key({ sourceKey }), ConsistentRead: true }),
      );
      const first = res.Item ? await this.getWithdrawal(E.withdrawalSource.parse(res.Item).withdrawalId) : undefined;
      if (!first) throw conflict('提交冲突，请重试');
      return { kind: 'replayed' as const, withdrawal: first };
    }
  }

  async getWithdrawal(id: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: E.withdrawal.key({ id }), ConsistentRead: true }));
    return res.Item ? E.withdrawal.parse(res.Item) : undefined;
  }

  async listWithdrawals(districtId: string, status: StarWithdrawalStatus) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.withdrawalIndex(districtId), status);
    return items.map((i) => E.withdrawal.parse(i));
  }

  async listHeldInDistrict(districtId: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.heldIndex(districtId));
    // The index also holds ended stars (the ranking reads both as of a day): only the held ones here.
    return items.filter((i) => i.entity === E.heldStar.name).map((i) => E.heldStar.parse(i));
  }

  async listAnnualDecisions(districtId: string, year: number) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.annualIndex(districtId, year));
    return items.map((i) => E.annualDecision.parse(i));
  }

  async decideAnnual(
    decision: StoredAnnualDecision,
    kept: StoredHeldStar[],
    lowered: Pick<HeldStarEnding, 'held' | 'ended'>[],
    event: StoredHeldStarEvent,
    notices: NoticeWrites = NO_NOTICES,
  ) {
    const t = this.table;
    const still = (h: StoredHeldStar) => ({
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': h.version },
    });
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: t,
                Item: E.annualDecision.item({ branchId: decision.branchId, year: decision.year }, decision),
                ...expectVersion(0),
              },
            },
            ...kept.map((h) => ({
              ConditionCheck: { TableName: t, Key: E.heldStar.key({ branchId: h.branchId, star: h.star }), ...still(h) },
            })),
            ...lowered.flatMap((l) => this.endingWrites(l)),
            heldEventPut(t, decision.branchId, event),
            ...notices.writes,
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('该支部本年度的评星定级刚被他人处理过，或其星级刚有变化，请刷新后重试');
      throw err;
    }
  }

  /** A held star ends: the held record (still at its version) goes and its ended form comes. */
  private endingWrites(ending: Pick<HeldStarEnding, 'held' | 'ended'>) {
    const t = this.table;
    const { held, ended } = ending;
    return [
      {
        Delete: {
          TableName: t,
          Key: E.heldStar.key({ branchId: held.branchId, star: held.star }),
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': held.version },
        },
      },
      {
        Put: {
          TableName: t,
          Item: E.endedStar.item(
            { branchId: ended.branchId, star: ended.star, withdrawnOn: ended.withdrawnOn, withdrawalId: ended.withdrawalId },
            ended,
          ),
          ...expectVersion(0),
        },
      },
    ];
  }

  async decideWithdrawal(
    next: StoredStarWithdrawal,
    expectedVersion: number,
    event: StoredWithdrawalEvent,
    ending?: HeldStarEnding,
    notices: NoticeWrites = NO_NOTICES,
  ) {
    const t = this.table;
    const endingWrites = ending ? [...this.endingWrites(ending), heldEventPut(t, ending.held.branchId, ending.event)] : [];
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: t, Item: E.withdrawal.item({ id: next.id }, next), ...expectVersion(expectedVersion) } },
            {
              Put: {
                TableName: t,
                Item: E.withdrawalEvent.item({ withdrawalId: next.id, version: event.version }, event),
                ...expectVersion(0),
              },
            },
            ...endingWrites,
            ...notices.writes,
          ],
        }),
      );
    } catch (err) {
      // Two reviewers deciding at once: the first transaction wins, the second fails its condition.
      if (cancellationReasons(err)) throw conflict(DECIDED);
      throw err;
    }
  }
}
