import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RankingAnnotation, StarMapRow } from '@chuangxing/shared';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError } from '../../platform/kernel/domain-error';
import type { Scorecard } from './ranking';
import type {
  OrderRow,
  RankingRepository,
  RankingSummary,
  ShardRow,
  StoredRankingHeader,
  StoredScoringDraft,
  StoredScoringModel,
} from './ranking-repository';

/**
 * Scoring model: DIST#{d}#SCORING / V#{0001} (published, immutable) | LATEST | DRAFT.
 * Ranking of a quarter: DIST#{d}#RANK#{yyyy-Qn} / V#{0001} (header: status, scoring version, inputs hash,
 * annotations) | LATEST | PUBLISHED.
 * A version's data: DIST#{d}#RANK#{q}#V#{0001} / SHARD#{t}#{chunk} (a township's scorecards) | DONE#{t} (the
 * township's checkpoint, written after its chunks) | ORDER#{chunk} (district order) | RANKS#{t} (district
 * rank by branch) | LISTS | STARMAP#{chunk}.
 * Every data item is written conditionally, in a transaction that checks the header is still `computing`,
 * so nothing under a draft or published version can change afterwards.
 */
const pad = (n: number, w = 4) => String(n).padStart(w, '0');
export const rankingKeys = {
  modelPk: (d: string) => `DIST#${d}#SCORING`,
  model: (d: string, v: number) => ({ pk: `DIST#${d}#SCORING`, sk: `V#${pad(v)}` }),
  modelLatest: (d: string) => ({ pk: `DIST#${d}#SCORING`, sk: 'LATEST' }),
  modelDraft: (d: string) => ({ pk: `DIST#${d}#SCORING`, sk: 'DRAFT' }),
  runPk: (d: string, q: string) => `DIST#${d}#RANK#${q}`,
  run: (d: string, q: string, v: number) => ({ pk: `DIST#${d}#RANK#${q}`, sk: `V#${pad(v)}` }),
  runLatest: (d: string, q: string) => ({ pk: `DIST#${d}#RANK#${q}`, sk: 'LATEST' }),
  runPublished: (d: string, q: string) => ({ pk: `DIST#${d}#RANK#${q}`, sk: 'PUBLISHED' }),
  dataPk: (d: string, q: string, v: number) => `DIST#${d}#RANK#${q}#V#${pad(v)}`,
  shard: (d: string, q: string, v: number, t: string, chunk: number) => ({
    pk: `DIST#${d}#RANK#${q}#V#${pad(v)}`,
    sk: `SHARD#${t}#${pad(chunk, 3)}`,
  }),
  order: (d: string, q: string, v: number, chunk: number) => ({ pk: `DIST#${d}#RANK#${q}#V#${pad(v)}`, sk: `ORDER#${pad(chunk)}` }),
  done: (d: string, q: string, v: number, t: string) => ({ pk: `DIST#${d}#RANK#${q}#V#${pad(v)}`, sk: `DONE#${t}` }),
  ranks: (d: string, q: string, v: number, t: string) => ({ pk: `DIST#${d}#RANK#${q}#V#${pad(v)}`, sk: `RANKS#${t}` }),
  lists: (d: string, q: string, v: number) => ({ pk: `DIST#${d}#RANK#${q}#V#${pad(v)}`, sk: 'LISTS' }),
  starMap: (d: string, q: string, v: number, chunk: number) => ({ pk: `DIST#${d}#RANK#${q}#V#${pad(v)}`, sk: `STARMAP#${pad(chunk)}` }),
};

/** Rows per item, each kept well under DynamoDB's 400 KB item limit even with long names. */
export const CARDS_PER_ITEM = 100;
export const ORDER_ROWS_PER_ITEM = 500;
const STARMAP_ROWS_PER_ITEM = 400;
/** A transaction holds at most 100 items and 4 MB; we stay at 90 items and about 2 MB (JSON estimate). */
const ITEMS_PER_TRANSACTION = 90;
const BYTES_PER_TRANSACTION = 2_000_000;

const MODEL_FIELDS = ['version', 'content', 'publishedAt', 'publishedBy', 'note'] as const;
const HEADER_FIELDS = [
  'quarter',
  'version',
  'status',
  'trigger',
  'scoringVersion',
  'model',
  'townshipIds',
  'asOfDay',
  'inputsHash',
  'branchCount',
  'revision',
  'annotations',
  'createdAt',
  'createdBy',
  'publishedAt',
  'publishedBy',
] as const;
const pick = <T>(i: Record<string, unknown>, f: readonly string[]) =>
  Object.fromEntries(f.filter((k) => i[k] !== undefined).map((k) => [k, i[k]])) as T;
const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Consecutive groups within the transaction limits, in order. */
function transactionGroups(items: Record<string, unknown>[]): Record<string, unknown>[][] {
  const groups: Record<string, unknown>[][] = [];
  let current: Record<string, unknown>[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (current.length && (current.length >= ITEMS_PER_TRANSACTION || bytes + size > BYTES_PER_TRANSACTION)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) groups.push(current);
  return groups;
}

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

export class DynamoRankingRepository implements RankingRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private async get(key: { pk: string; sk: string }, consistent = false) {
    return (await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: consistent }))).Item;
  }

  /* ---------- scoring model ---------- */

  async latestModel(d: string) {
    const ptr = await this.get(rankingKeys.modelLatest(d), true);
    return ptr ? this.modelVersion(d, ptr.version as number) : undefined;
  }

  async modelVersion(d: string, v: number) {
    const i = await this.get(rankingKeys.model(d, v));
    return i ? pick<StoredScoringModel>(i, MODEL_FIELDS) : undefined;
  }

  async modelVersions(d: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': rankingKeys.modelPk(d), ':v': 'V#' },
      ProjectionExpression: 'version, publishedAt, publishedBy, note',
      ScanIndexForward: false,
    });
    return items.map((i) => pick<Omit<StoredScoringModel, 'content'>>(i, ['version', 'publishedAt', 'publishedBy', 'note']));
  }

  async modelDraft(d: string) {
    const i = await this.get(rankingKeys.modelDraft(d), true);
    return i ? pick<StoredScoringDraft>(i, ['revision', 'basedOnVersion', 'content', 'updatedAt', 'updatedBy']) : undefined;
  }

  async saveModelDraft(d: string, draft: StoredScoringDraft, expectedRevision: number) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...rankingKeys.modelDraft(d), entity: 'scoring-draft', ...draft },
          ...(expectedRevision === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'revision = :r', ExpressionAttributeValues: { ':r': expectedRevision } }),
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw conflict('草稿已被他人修改，请刷新后重试');
      throw err;
    }
  }

  async publishModel(d: string, m: StoredScoringModel, previousVersion: number, draftRevision: number) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...rankingKeys.model(d, m.version), entity: 'scoring-version', ...m },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...rankingKeys.modelLatest(d), version: m.version },
                ...(previousVersion === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'version = :prev', ExpressionAttributeValues: { ':prev': previousVersion } }),
              },
            },
            {
              Delete: {
                TableName: this.table,
                Key: rankingKeys.modelDraft(d),
                ConditionExpression: 'revision = :r',
                ExpressionAttributeValues: { ':r': draftRevision },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('评分办法已有更新的版本或草稿已变更，请刷新后重试');
      throw err;
    }
  }

  /* ---------- runs ---------- */

  async latestRun(d: string, q: string) {
    const ptr = await this.get(rankingKeys.runLatest(d, q), true);
    return ptr ? this.getRun(d, q, ptr.version as number) : undefined;
  }

  async getRun(d: string, q: string, v: number) {
    const i = await this.get(rankingKeys.run(d, q, v), true);
    return i ? pick<StoredRankingHeader>(i, HEADER_FIELDS) : undefined;
  }

  async listRuns(d: string, q: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': rankingKeys.runPk(d, q), ':v': 'V#' },
      ScanIndexForward: false,
      ConsistentRead: true,
    });
    return items.map((i) => pick<StoredRankingHeader>(i, HEADER_FIELDS));
  }

  async publishedVersion(d: string, q: string) {
    const ptr = await this.get(rankingKeys.runPublished(d, q), true);
    return ptr ? (ptr.version as number) : undefined;
  }

  async createRun(d: string, h: StoredRankingHeader, previousLatest: number) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...rankingKeys.run(d, h.quarter, h.version), entity: 'ranking-version', ...h },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...rankingKeys.runLatest(d, h.quarter), version: h.version },
                ...(previousLatest === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'version = :prev', ExpressionAttributeValues: { ':prev': previousLatest } }),
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('评比正在由他人计算，请稍后刷新');
      throw err;
    }
  }

  async doneTownships(d: string, q: string, v: number) {
    const items = await queryAll<{ townshipId: string }>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': rankingKeys.dataPk(d, q, v), ':s': 'DONE#' },
      ProjectionExpression: 'townshipId',
      ConsistentRead: true,
    });
    return new Set(items.map((i) => i.townshipId));
  }

  /** The header still computing, checked inside every data transaction. */
  private computing(d: string, q: string, v: number) {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: rankingKeys.run(d, q, v),
        ConditionExpression: '#s = :computing',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':computing': 'computing' },
      },
    };
  }

  /**
   * Writes items (each new) with the computing check; an item already there from an earlier attempt is fine.
   * A transaction that collides with a twin writer (TransactionConflict) is retried after a short wait.
   */
  private async writeData(d: string, q: string, v: number, items: Record<string, unknown>[]) {
    const frozen = () => new DomainError('ILLEGAL_TRANSITION', '该版本已计算完成或已发布，不能再修改');
    const send = async (group: Record<string, unknown>[]): Promise<(string | undefined)[] | undefined> => {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                this.computing(d, q, v),
                ...group.map((Item) => ({ Put: { TableName: this.table, Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
              ],
            }),
          );
          return undefined;
        } catch (err) {
          const reasons = cancellationReasons(err);
          if (!reasons) throw err;
          if (reasons[0] === 'ConditionalCheckFailed') throw frozen();
          if (reasons.includes('TransactionConflict') && attempt < 6) {
            await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 40));
            continue;
          }
          if (reasons.slice(1).some((r) => r === 'ConditionalCheckFailed')) return reasons;
          throw err;
        }
      }
    };
    for (const group of transactionGroups(items)) {
      // Some items exist: a retry of this very step. Write the missing ones one by one.
      if (await send(group)) for (const item of group) await send([item]);
    }
  }

  /**
   * The township's chunks, then its DONE marker, in size-bounded transactions that each check the run is
   * still computing. A township of up to ~1,500 branches is one transaction (atomic); a larger one is written
   * in order, and only the marker, written last, makes it count as done. A retry rewrites nothing that exists.
   */
  async putShard(d: string, q: string, v: number, townshipId: string, cards: Scorecard[], inputsHash: string) {
    const parts = cards.length ? chunks(cards, CARDS_PER_ITEM) : [[]];
    const items: Record<string, unknown>[] = parts.map((c, chunk) => ({
      ...rankingKeys.shard(d, q, v, townshipId, chunk),
      townshipId,
      chunk,
      chunks: parts.length,
      hash: inputsHash,
      cards: c,
      rows: c.map(shardRow),
    }));
    items.push({ ...rankingKeys.done(d, q, v, townshipId), townshipId, chunks: parts.length, hash: inputsHash });
    await this.writeData(d, q, v, items);
  }

  async readShards(d: string, q: string, v: number, townshipIds?: string[]) {
    const read = (prefix: string) =>
      queryAll<Record<string, unknown>>(this.doc, {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':pk': rankingKeys.dataPk(d, q, v), ':s': prefix },
      });
    const items = townshipIds ? (await Promise.all(townshipIds.map((t) => read(`SHARD#${t}#`)))).flat() : await read('SHARD#');
    const byTownship = new Map<string, { townshipId: string; hash: string; cards: Scorecard[] }>();
    for (const i of items) {
      const t = i.townshipId as string;
      const entry = byTownship.get(t) ?? byTownship.set(t, { townshipId: t, hash: i.hash as string, cards: [] }).get(t)!;
      entry.cards.push(...(i.cards as Scorecard[]));
    }
    return [...byTownship.values()];
  }

  async readShardRows(d: string, q: string, v: number) {
    const items = await queryAll<{ townshipId: string; hash: string; rows: ShardRow[] }>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': rankingKeys.dataPk(d, q, v), ':s': 'SHARD#' },
      ProjectionExpression: 'townshipId, #h, #r',
      ExpressionAttributeNames: { '#h': 'hash', '#r': 'rows' },
    });
    const byTownship = new Map<string, { townshipId: string; hash: string; rows: ShardRow[] }>();
    for (const i of items) {
      const entry =
        byTownship.get(i.townshipId) ??
        byTownship.set(i.townshipId, { townshipId: i.townshipId, hash: i.hash, rows: [] }).get(i.townshipId)!;
      entry.rows.push(...i.rows);
    }
    return [...byTownship.values()];
  }

  async finalize(d: string, q: string, v: number, s: RankingSummary) {
    const items: Record<string, unknown>[] = [
      ...chunks(s.order, ORDER_ROWS_PER_ITEM).map((rows, k) => ({ ...rankingKeys.order(d, q, v, k), rows })),
      ...Object.entries(s.ranksByTownship).map(([t, ranks]) => ({ ...rankingKeys.ranks(d, q, v, t), ranks })),
      { ...rankingKeys.lists(d, q, v), ...s.lists },
      ...chunks(s.starMap, STARMAP_ROWS_PER_ITEM).map((townships, k) => ({ ...rankingKeys.starMap(d, q, v, k), townships })),
    ];
    await this.writeData(d, q, v, items);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: rankingKeys.run(d, q, v),
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

  async readOrder(d: string, q: string, v: number) {
    const items = await queryAll<{ rows: OrderRow[] }>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': rankingKeys.dataPk(d, q, v), ':s': 'ORDER#' },
    });
    return items.flatMap((i) => i.rows);
  }

  async readRanks(d: string, q: string, v: number, t: string) {
    return ((await this.get(rankingKeys.ranks(d, q, v, t)))?.ranks as Record<string, number>) ?? {};
  }

  async readLists(d: string, q: string, v: number) {
    const i = await this.get(rankingKeys.lists(d, q, v));
    return {
      topTen: (i?.topTen as OrderRow[]) ?? [],
      topHundred: (i?.topHundred as OrderRow[]) ?? [],
      mostImproved: (i?.mostImproved as OrderRow[]) ?? [],
    };
  }

  async readStarMap(d: string, q: string, v: number) {
    const items = await queryAll<{ townships: StarMapRow[] }>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': rankingKeys.dataPk(d, q, v), ':s': 'STARMAP#' },
    });
    return items.flatMap((i) => i.townships);
  }

  async annotate(d: string, q: string, v: number, a: RankingAnnotation, expectedRevision: number) {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: rankingKeys.run(d, q, v),
          UpdateExpression: 'SET annotations = list_append(annotations, :a), revision = :next',
          ConditionExpression: '#s = :draft AND revision = :r',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':a': [a], ':next': expectedRevision + 1, ':r': expectedRevision, ':draft': 'draft' },
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw await this.whyRefused(d, q, v);
      throw err;
    }
  }

  async publish(d: string, q: string, v: number, expectedRevision: number, at: string, by: string, previousPublished: number) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: rankingKeys.run(d, q, v),
                UpdateExpression: 'SET #s = :published, publishedAt = :at, publishedBy = :by',
                ConditionExpression: '#s = :draft AND revision = :r',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':published': 'published', ':draft': 'draft', ':r': expectedRevision, ':at': at, ':by': by },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...rankingKeys.runPublished(d, q), version: v, publishedAt: at },
                ...(previousPublished === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'version = :prev', ExpressionAttributeValues: { ':prev': previousPublished } }),
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw await this.whyRefused(d, q, v);
      throw err;
    }
  }

  private async whyRefused(d: string, q: string, v: number) {
    const h = await this.getRun(d, q, v);
    if (h && h.status !== 'draft')
      return new DomainError(
        'ILLEGAL_TRANSITION',
        h.status === 'published' ? '已发布的排名不可修改；如需更正，请重新计算生成新版本' : '排名尚未计算完成',
      );
    return conflict('排名已被他人批注或发布，请刷新后重试');
  }
}
