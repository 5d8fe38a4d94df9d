import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEntry } from '@chuangxing/shared';
import type { Item } from '../../platform/dynamodb/entity';
import { expectExistingVersion, expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import { type Letter, letterMonth, tallyOf } from './letter';
import { DynamoLetterCounters } from './letter-counters.dynamodb';
import type { AuditRecord, CaseScope, CounterBump, LetterRepository, StoredIntegrityBoard, StoredMeeting } from './letter-repository';
import { mailboxEntities, mailboxPartitions } from './mailbox.entities';

const {
  letter: letterEntity,
  timeline,
  audit,
  queryCode,
  writerLetter,
  writerDay,
  writerRetry,
  supplementRetry,
  integrityBoard,
  meeting,
} = mailboxEntities;

/**
 * Legacy: the ranking's scoring inputs read the 三率 counters by their key until they read them through
 * `LetterCountersReader` (mailbox.wiring.ts). Only the partition key is used.
 */
export const letterKeys = {
  stats: (townshipId: string, month: string, branchId: string) => mailboxEntities.counters.key({ townshipId, month, branchId }),
};

export class DynamoLetterRepository implements LetterRepository {
  private readonly counters: DynamoLetterCounters;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.counters = new DynamoLetterCounters(doc, table);
  }

  /** A Put of an item that must not exist yet. */
  private putNew(item: Item) {
    return { Put: { TableName: this.table, Item: item, ...expectVersion(0) } };
  }

  /** A Put of the letter, conditional on the version the actor saw. */
  private putLetter(next: Letter, expectedVersion: number) {
    return { Put: { TableName: this.table, Item: letterEntity.item(next, next), ...expectExistingVersion(expectedVersion) } };
  }

  private putEntry(letterId: string, version: number, entry: TimelineEntry, n: number | string = 0) {
    return this.putNew(timeline.item({ letterId, at: entry.at, version, n }, entry));
  }

  private putAudit(letterId: string, version: number, record: AuditRecord) {
    return this.putNew(audit.item({ letterId, at: record.at, version }, record));
  }

  async create(letter: Letter, o: { idempotencyKey: string; day: string; maxPerDay: number; timeline: TimelineEntry; audit: AuditRecord }) {
    const { writerKey } = letter;
    const retry = writerRetry.key({ writerKey, idempotencyKey: o.idempotencyKey });
    const ref = { letterId: letter.id };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.putNew(writerRetry.item({ writerKey, idempotencyKey: o.idempotencyKey }, ref)),
            {
              Update: {
                TableName: this.table,
                Key: writerDay.key({ writerKey, day: o.day }),
                UpdateExpression: 'SET n = if_not_exists(n, :zero) + :one',
                ConditionExpression: 'attribute_not_exists(n) OR n < :max',
                ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': o.maxPerDay },
              },
            },
            this.putNew(letterEntity.item(letter, letter)),
            this.putNew(queryCode.item({ code: letter.queryCode }, ref)),
            this.putNew(writerLetter.item({ writerKey, createdAt: letter.createdAt, id: letter.id }, ref)),
            this.putEntry(letter.id, letter.version, o.timeline),
            this.putAudit(letter.id, letter.version, o.audit),
            ...this.counters.bump({
              tally: tallyOf(letter),
              townshipId: letter.townshipId,
              branchId: letter.branchId,
              month: letterMonth(letter),
              add: { received: 1 },
            }),
          ],
        }),
      );
      return { kind: 'created' as const, letter };
    } catch (err) {
      if (!cancellationReasons(err)) throw err;
      if (failedCondition(err, 0)) {
        const prior = await this.doc.send(new GetCommand({ TableName: this.table, Key: retry, ConsistentRead: true }));
        const stored = prior.Item && (await this.get(writerRetry.parse(prior.Item).letterId));
        if (stored) return { kind: 'replayed' as const, letter: stored.letter };
      }
      if (failedCondition(err, 1)) throw new DomainError('RATE_LIMITED', `每人每天最多写 ${o.maxPerDay} 封信，请明天再写`);
      if (failedCondition(err, 3)) throw conflict('查询码重复，请重新提交');
      throw err;
    }
  }

  async get(letterId: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': mailboxPartitions.letter(letterId) },
      ConsistentRead: true,
    });
    const letter = items.find((i) => i.entity === letterEntity.name);
    if (!letter) return undefined;
    return { letter: letterEntity.parse(letter), timeline: items.filter((i) => i.entity === timeline.name).map(timeline.parse) };
  }

  async letterIdByCode(code: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: queryCode.key({ code }) }));
    return res.Item ? queryCode.parse(res.Item).letterId : undefined;
  }

  async listByWriter(writerKey: string) {
    const { pk, skPrefix } = mailboxPartitions.writerLetters(writerKey);
    const index = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
      ScanIndexForward: false,
      Limit: 100,
    });
    // At most a hundred letters, each one query: a resident writes a few a year, capped at 5 a day.
    const all = await Promise.all(index.map((i) => this.get(writerLetter.parse(i).letterId)));
    return all.filter((x): x is NonNullable<typeof x> => Boolean(x));
  }

  async listCases(scope: CaseScope, open: boolean): Promise<Letter[]> {
    const { gsi1pk, prefix } = mailboxPartitions.cases(scope, open);
    const items = await queryGsi1<Item>(this.doc, this.table, gsi1pk, prefix);
    return items.map(letterEntity.parse).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async transition(
    next: Letter,
    expectedVersion: number,
    entries: TimelineEntry[],
    record: AuditRecord,
    counters: CounterBump[] = [],
    notices: NoticeWrites = NO_NOTICES,
  ): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.putLetter(next, expectedVersion),
            ...entries.map((e, n) => this.putEntry(next.id, next.version, e, n)),
            this.putAudit(next.id, next.version, record),
            ...counters.flatMap((c) => this.counters.bump(c)),
            ...notices.writes,
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('这封信刚被他人处理过，请刷新后重试');
      throw err;
    }
  }

  async supplement(next: Letter, expectedVersion: number, entry: TimelineEntry, record: AuditRecord, idempotencyKey: string) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.putNew(supplementRetry.item({ letterId: next.id, idempotencyKey }, { at: entry.at })),
            this.putLetter(next, expectedVersion),
            this.putEntry(next.id, next.version, entry),
            this.putAudit(next.id, next.version, record),
          ],
        }),
      );
      return 'added' as const;
    } catch (err) {
      if (!cancellationReasons(err)) throw err;
      if (failedCondition(err, 0)) return 'replayed' as const;
      throw conflict('这封信刚有变化，请刷新后再补充');
    }
  }

  countersOf(townshipId: string, month: string) {
    return this.counters.countersOf(townshipId, month);
  }

  integrityCountersOf(townshipId: string, month: string) {
    return this.counters.integrityCountersOf(townshipId, month);
  }

  async published(townshipId: string, branchId: string, limit: number): Promise<Letter[]> {
    const { gsi1pk, prefix } = mailboxPartitions.cases({ kind: 'branch', townshipId, branchId }, false);
    const items = await queryGsi1<Item>(this.doc, this.table, gsi1pk, prefix);
    return items
      .map(letterEntity.parse)
      .filter((l) => l.allowPublication && l.status === 'archived')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }

  async getIntegrityBoard(branchId: string): Promise<StoredIntegrityBoard | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: integrityBoard.key({ branchId }) }));
    return res.Item ? integrityBoard.parse(res.Item) : undefined;
  }

  async putIntegrityBoard(board: StoredIntegrityBoard, expectedVersion: number): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: this.table, Item: integrityBoard.item(board, board), ...expectVersion(expectedVersion) } }],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('公示内容已被他人修改，请刷新后重试');
      throw err;
    }
  }

  /** A new meeting (no `expectedVersion`), or the next version of the one the editor saw. */
  private putMeeting(m: StoredMeeting, expectedVersion?: number) {
    return {
      Put: {
        TableName: this.table,
        Item: meeting.item(m, m),
        ...(expectedVersion === undefined ? expectVersion(0) : expectExistingVersion(expectedVersion)),
      },
    };
  }

  async createMeeting(m: StoredMeeting): Promise<void> {
    await this.doc.send(new TransactWriteCommand({ TransactItems: [this.putMeeting(m)] }));
  }

  async getMeeting(id: string): Promise<StoredMeeting | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: meeting.key({ id }), ConsistentRead: true }));
    return res.Item ? meeting.parse(res.Item) : undefined;
  }

  async listMeetings(branchId: string): Promise<StoredMeeting[]> {
    const items = await queryGsi1<Item>(this.doc, this.table, mailboxPartitions.meetings(branchId));
    return items.map(meeting.parse).sort((a, b) => b.date.localeCompare(a.date));
  }

  async scheduleOnAgenda(
    m: StoredMeeting,
    meetingVersion: number,
    letter: Letter,
    letterVersion: number,
    entry: TimelineEntry,
    record: AuditRecord,
  ): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.putMeeting(m, meetingVersion),
            this.putLetter(letter, letterVersion),
            this.putEntry(letter.id, letter.version, entry),
            this.putAudit(letter.id, letter.version, record),
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('会议或信件刚被他人修改，请刷新后重试');
      throw err;
    }
  }

  async recordMinutes(
    m: StoredMeeting,
    meetingVersion: number,
    entries: { letterId: string; letterVersion: number; entry: TimelineEntry }[],
  ): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.putMeeting(m, meetingVersion),
            ...entries.map((e) => this.putEntry(e.letterId, e.letterVersion, e.entry, `m${m.id}`)),
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('会议刚被他人修改，请刷新后重试');
      throw err;
    }
  }
}
