import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RankingAnnotation } from '@chuangxing/shared';
import type { Item, TableKey } from '../../platform/dynamodb/entity';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import type { Scorecard } from './ranking';
import { chunks, writeVersionData } from './ranking-data-writer.dynamodb';
import type { RankingRepository, RankingSummary, ShardRow, StoredRankingHeader } from './ranking-repository';
import { rankingEntities as E } from './rankings.entities';

/** Rows per item, each kept well under DynamoDB's 400 KB item limit even with long names. */
export const CARDS_PER_ITEM = 100;
export const ORDER_ROWS_PER_ITEM = 500;
const STARMAP_ROWS_PER_ITEM = 400;

const shardRow = (c: Scorecard): ShardRow => ({
  branchId: c.branchId,
  branchName: c.branchName,
  branchType: c.branchType,
  townshipId: c.townshipId,
  townshipName: c.townshipName,
  total: c.total,
  base: c.base,
  delta: c.delta,
  level: c.level,
  townshipRank: c.townshipRank,
  targetLevel: c.targetStars.length,
});

/** A township's chunks joined, townships in first-seen order. */
function byTownship<C extends { townshipId: string; hash: string }, T>(items: C[], take: (c: C) => T[]) {
  const out = new Map<string, { townshipId: string; hash: string; list: T[] }>();
  for (const i of items) {
    let entry = out.get(i.townshipId);
    if (!entry) {
      entry = { townshipId: i.townshipId, hash: i.hash, list: [] };
      out.set(i.townshipId, entry);
    }
    entry.list.push(...take(i));
  }
  return [...out.values()];
}

/**
 * Quarterly rankings (rankings.entities.ts): version headers with their pointers, and each version's data,
 * written once while the version is computing (ranking-data-writer.ts).
 */
export class DynamoRankingRepository implements RankingRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private async get(key: TableKey, consistent = false) {
    return (await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: consistent }))).Item;
  }

  private query(
    pk: string,
    prefix: string,
    extra: {
      ProjectionExpression?: string;
      ExpressionAttributeNames?: Record<string, string>;
      ConsistentRead?: boolean;
      ScanIndexForward?: boolean;
    } = {},
  ) {
    return queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': pk, ':s': prefix },
      ...extra,
    });
  }

  /* ---------- headers ---------- */

  async latestRun(districtId: string, quarter: string) {
    const ptr = await this.get(E.latest.key({ districtId, quarter }), true);
    return ptr ? this.getRun(districtId, quarter, E.latest.parse(ptr).version) : undefined;
  }

  async getRun(districtId: string, quarter: string, version: number) {
    const i = await this.get(E.header.key({ districtId, quarter, version }), true);
    return i ? E.header.parse(i) : undefined;
  }

  async listRuns(districtId: string, quarter: string) {
    const items = await this.query(E.runPk({ districtId, quarter }), E.prefix.version, { ScanIndexForward: false, ConsistentRead: true });
    return items.map((i) => E.header.parse(i));
  }

  async publishedVersion(districtId: string, quarter: string) {
    const ptr = await this.get(E.published.key({ districtId, quarter }), true);
    return ptr ? E.published.parse(ptr).version : undefined;
  }

  /** One BatchGet of the quarters' PUBLISHED pointers (a handful of keys); unprocessed keys are asked again. */
  async publishedQuarters(districtId: string, quarters: string[]) {
    const found = new Map<string, { version: number; publishedAt: string }>();
    const quarterOf = new Map(quarters.map((quarter) => [E.published.key({ districtId, quarter }).pk, quarter]));
    let keys: TableKey[] = quarters.map((quarter) => E.published.key({ districtId, quarter }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(500, 20 * 2 ** attempt)));
      const res = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys, ConsistentRead: true } } }));
      for (const i of res.Responses?.[this.table] ?? []) {
        const quarter = quarterOf.get(i.pk as string);
        if (quarter) found.set(quarter, E.published.parse(i));
      }
      keys = (res.UnprocessedKeys?.[this.table]?.Keys ?? []) as TableKey[];
    }
    return quarters.flatMap((quarter) => {
      const p = found.get(quarter);
      return p ? [{ quarter, version: p.version, publishedAt: p.publishedAt }] : [];
    });
  }

  async createRun(districtId: string, h: StoredRankingHeader, previousLatest: number) {
    const run = { districtId, quarter: h.quarter };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: E.header.item({ ...run, version: h.version }, h),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.table, Item: E.latest.item(run, { version: h.version }), ...expectVersion(previousLatest) } },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('评比正在由他人计算，请稍后刷新');
      throw err;
    }
  }

  async annotate(districtId: string, quarter: string, version: number, a: RankingAnnotation, expectedRevision: number) {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: E.header.key({ districtId, quarter, version }),
          UpdateExpression: 'SET annotations = list_append(annotations, :a), revision = :next',
          ConditionExpression: '#s = :draft AND revision = :r',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':a': [a], ':next': expectedRevision + 1, ':r': expectedRevision, ':draft': 'draft' },
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw await this.whyRefused(districtId, quarter, version);
      throw err;
    }
  }

  async publish(
    districtId: string,
    quarter: string,
    version: number,
    expectedRevision: number,
    at: string,
    by: string,
    previousPublished: number,
    notices: NoticeWrites = NO_NOTICES,
  ) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: E.header.key({ districtId, quarter, version }),
                UpdateExpression: 'SET #s = :published, publishedAt = :at, publishedBy = :by',
                ConditionExpression: '#s = :draft AND revision = :r',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':published': 'published', ':draft': 'draft', ':r': expectedRevision, ':at': at, ':by': by },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: E.published.item({ districtId, quarter }, { version, publishedAt: at }),
                ...expectVersion(previousPublished),
              },
            },
            ...notices.writes,
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw await this.whyRefused(districtId, quarter, version);
      throw err;
    }
  }

  private async whyRefused(districtId: string, quarter: string, version: number) {
    const h = await this.getRun(districtId, quarter, version);
    if (h && h.status !== 'draft')
      return new DomainError(
        'ILLEGAL_TRANSITION',
        h.status === 'published' ? '已发布的排名不可修改；如需更正，请重新计算生成新版本' : '排名尚未计算完成',
      );
    return conflict('排名已被他人批注或发布，请刷新后重试');
  }

  /* ---------- a version's data ---------- */

  async doneTownships(districtId: string, quarter: string, version: number) {
    const items = await this.query(E.dataPk({ districtId, quarter, version }), E.prefix.done, {
      ProjectionExpression: 'townshipId',
      ConsistentRead: true,
    });
    return new Set(items.map((i) => i.townshipId as string));
  }

  /**
   * The township's chunks, then its DONE marker, in size-bounded transactions that each check the run is
   * still computing. A township of up to ~1,500 branches is one transaction (atomic); a larger one is written
   * in order, and only the marker, written last, makes it count as done. A retry rewrites nothing that exists.
   */
  async putShard(districtId: string, quarter: string, version: number, townshipId: string, cards: Scorecard[], inputsHash: string) {
    const v = { districtId, quarter, version };
    const parts = cards.length ? chunks(cards, CARDS_PER_ITEM) : [[]];
    const items = parts.map((c, chunk) =>
      E.shard.item(
        { ...v, townshipId, chunk },
        { townshipId, chunk, chunks: parts.length, hash: inputsHash, cards: c, rows: c.map(shardRow) },
      ),
    );
    items.push(E.done.item({ ...v, townshipId }, { townshipId, chunks: parts.length, hash: inputsHash }));
    await writeVersionData(this.doc, this.table, E.header.key(v), items);
  }

  async readShards(districtId: string, quarter: string, version: number, townshipIds?: string[]) {
    const pk = E.dataPk({ districtId, quarter, version });
    const items = townshipIds
      ? (await Promise.all(townshipIds.map((t) => this.query(pk, E.prefix.shard(t))))).flat()
      : await this.query(pk, E.prefix.shard());
    return byTownship(
      items.map((i) => E.shard.parse(i)),
      (i) => i.cards,
    ).map(({ list, ...t }) => ({ ...t, cards: list }));
  }

  async readShardRows(districtId: string, quarter: string, version: number) {
    const items = await this.query(E.dataPk({ districtId, quarter, version }), E.prefix.shard(), {
      ProjectionExpression: 'townshipId, #h, #r',
      ExpressionAttributeNames: { '#h': 'hash', '#r': 'rows' },
    });
    return byTownship(
      items.map((i) => E.shard.parse(i)),
      (i) => i.rows,
    ).map(({ list, ...t }) => ({ ...t, rows: list }));
  }

  async finalize(districtId: string, quarter: string, version: number, s: RankingSummary) {
    const v = { districtId, quarter, version };
    const items = [
      ...chunks(s.order, ORDER_ROWS_PER_ITEM).map((rows, chunk) => E.order.item({ ...v, chunk }, { rows })),
      ...Object.entries(s.ranksByTownship).map(([townshipId, ranks]) => E.ranks.item({ ...v, townshipId }, { ranks })),
      E.lists.item(v, s.lists),
      ...chunks(s.starMap, STARMAP_ROWS_PER_ITEM).map((townships, chunk) => E.starMap.item({ ...v, chunk }, { townships })),
    ];
    await writeVersionData(this.doc, this.table, E.header.key(v), items);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: E.header.key(v),
          UpdateExpression: 'SET #s = :draft, inputsHash = :h, branchCount = :n',
          ConditionExpression: '#s = :computing',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':draft': 'draft', ':computing': 'computing', ':h': s.inputsHash, ':n': s.branchCount },
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw new DomainError('ILLEGAL_TRANSITION', '该版本已计算完成或已发布，不能再修改');
      throw err;
    }
  }

  async readOrder(districtId: string, quarter: string, version: number) {
    const items = await this.query(E.dataPk({ districtId, quarter, version }), E.prefix.order);
    return items.flatMap((i) => E.order.parse(i).rows);
  }

  async readRanks(districtId: string, quarter: string, version: number, townshipId: string) {
    const i = await this.get(E.ranks.key({ districtId, quarter, version, townshipId }));
    return i ? E.ranks.parse(i).ranks : {};
  }

  async readLists(districtId: string, quarter: string, version: number) {
    const i = await this.get(E.lists.key({ districtId, quarter, version }));
    const lists = i ? E.lists.parse(i) : undefined;
    return { topTen: lists?.topTen ?? [], topHundred: lists?.topHundred ?? [], mostImproved: lists?.mostImproved ?? [] };
  }

  async readStarMap(districtId: string, quarter: string, version: number) {
    const items = await this.query(E.dataPk({ districtId, quarter, version }), E.prefix.starMap);
    return items.flatMap((i) => E.starMap.parse(i).townships);
  }
}
