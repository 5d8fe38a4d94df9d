import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEntry } from '@chuangxing/shared';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError } from '../../platform/kernel/domain-error';
import { isOpen, type Letter, type LetterCounters, letterMonth } from './letter';
import type { AuditRecord, CaseScope, CounterBump, LetterRepository, StoredIntegrityBoard, StoredMeeting } from './letter-repository';

/**
 * Letter keys (see table-definition.ts):
 * LETTER#{id} / LETTER | TL#{at}#{version}#{n} | AUDIT#{at}#{version};  LCODE#{code} / LCODE;
 * WRITER#{writerKey} / LTR#{createdAt}#{id} | DAY#{day} | IDEM#{key};
 * gsi1: LCASES#T#{township} / {open|closed}#{branch}#{createdAt}#{id}, LCASES#I#{township} / {open|closed}#{createdAt}#{id}.
 */
export const letterKeys = {
  letter: (id: string) => ({ pk: `LETTER#${id}`, sk: 'LETTER' }),
  /** Keyed by time, then the version the move produced, so two moves in the same millisecond never collide. */
  timeline: (id: string, at: string, version: number, n: number | string = 0) => ({
    pk: `LETTER#${id}`,
    sk: `TL#${at}#${String(version).padStart(4, '0')}#${n}`,
  }),
  audit: (id: string, at: string, version: number) => ({ pk: `LETTER#${id}`, sk: `AUDIT#${at}#${String(version).padStart(4, '0')}` }),
  code: (code: string) => ({ pk: `LCODE#${code}`, sk: 'LCODE' }),
  writerIndex: (writerKey: string, createdAt: string, id: string) => ({ pk: `WRITER#${writerKey}`, sk: `LTR#${createdAt}#${id}` }),
  writerDay: (writerKey: string, day: string) => ({ pk: `WRITER#${writerKey}`, sk: `DAY#${day}` }),
  writerIdem: (writerKey: string, key: string) => ({ pk: `WRITER#${writerKey}`, sk: `IDEM#${key}` }),
  /** 三率 counters: a township's communities for a month, one query. */
  stats: (townshipId: string, month: string, branchId: string) => ({ pk: `TWN#${townshipId}#LSTAT#${month}`, sk: `BR#${branchId}` }),
  integrity: (branchId: string) => ({ pk: `BR#${branchId}`, sk: 'INTEGRITY' }),
  meeting: (id: string) => ({ pk: `MEETING#${id}`, sk: 'MEETING' }),
  meetingsOf: (branchId: string) => `MEETINGS#${branchId}`,
};

const COUNTER_NAMES = ['received', 'respondedInTime', 'accepted', 'replied', 'rated', 'satisfied'] as const;

function caseIndex(l: Letter) {
  const group = isOpen(l.status) ? 'open' : 'closed';
  return l.category === 'integrity'
    ? { gsi1pk: `LCASES#I#${l.townshipId}`, gsi1sk: `${group}#${l.createdAt}#${l.id}` }
    : { gsi1pk: `LCASES#T#${l.townshipId}`, gsi1sk: `${group}#${l.branchId}#${l.createdAt}#${l.id}` };
}

const LETTER_FIELDS = [
  'id',
  'queryCode',
  'districtId',
  'townshipId',
  'branchId',
  'branchName',
  'category',
  'text',
  'photos',
  'anonymous',
  'allowPublication',
  'writerName',
  'sealedWriter',
  'writerKey',
  'sealedPhone',
  'status',
  'reviewed',
  'rating',
  'ratingComment',
  'lastReply',
  'repliedAt',
  'overdueFlaggedAt',
  'createdAt',
  'acceptBy',
  'replyBy',
  'version',
] as const;
const pick = (i: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => i[f] !== undefined).map((f) => [f, i[f]]));
const toLetter = (i: Record<string, unknown>) => pick(i, LETTER_FIELDS) as unknown as Letter;
const toEntry = (i: Record<string, unknown>) => pick(i, ['at', 'kind', 'actor', 'text', 'internal']) as unknown as TimelineEntry;

export class DynamoLetterRepository implements LetterRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private bump(b: CounterBump) {
    const names = COUNTER_NAMES.filter((n) => (b.add[n] ?? 0) !== 0);
    if (names.length === 0) return [];
    return [
      {
        Update: {
          TableName: this.table,
          Key: letterKeys.stats(b.townshipId, b.month, b.branchId),
          UpdateExpression: `ADD ${names.map((n) => `${n} :${n}`).join(', ')} SET branchId = :b`,
          ExpressionAttributeValues: { ...Object.fromEntries(names.map((n) => [`:${n}`, b.add[n]])), ':b': b.branchId },
        },
      },
    ];
  }

  private put(item: Record<string, unknown>, unique = true) {
    return { Put: { TableName: this.table, Item: item, ...(unique ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) } };
  }

  async create(letter: Letter, o: { idempotencyKey: string; day: string; maxPerDay: number; timeline: TimelineEntry; audit: AuditRecord }) {
    const idem = letterKeys.writerIdem(letter.writerKey, o.idempotencyKey);
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.put({ ...idem, letterId: letter.id }),
            {
              Update: {
                TableName: this.table,
                Key: letterKeys.writerDay(letter.writerKey, o.day),
                UpdateExpression: 'SET n = if_not_exists(n, :zero) + :one',
                ConditionExpression: 'attribute_not_exists(n) OR n < :max',
                ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': o.maxPerDay },
              },
            },
            this.put({ ...letterKeys.letter(letter.id), entity: 'letter', ...caseIndex(letter), ...letter }),
            this.put({ ...letterKeys.code(letter.queryCode), letterId: letter.id }),
            this.put({ ...letterKeys.writerIndex(letter.writerKey, letter.createdAt, letter.id), letterId: letter.id }),
            this.put({ ...letterKeys.timeline(letter.id, o.timeline.at, letter.version), entity: 'letter-timeline', ...o.timeline }),
            this.put({ ...letterKeys.audit(letter.id, o.audit.at, letter.version), entity: 'letter-audit', ...o.audit }),
            ...this.bump({ townshipId: letter.townshipId, branchId: letter.branchId, month: letterMonth(letter), add: { received: 1 } }),
          ],
        }),
      );
      return { kind: 'created' as const, letter };
    } catch (err) {
      if (!cancellationReasons(err)) throw err;
      if (failedCondition(err, 0)) {
        const prior = await this.doc.send(new GetCommand({ TableName: this.table, Key: idem, ConsistentRead: true }));
        const stored = prior.Item && (await this.get(prior.Item.letterId as string));
        if (stored) return { kind: 'replayed' as const, letter: stored.letter };
      }
      if (failedCondition(err, 1)) throw new DomainError('RATE_LIMITED', `每人每天最多写 ${o.maxPerDay} 封信，请明天再写`);
      if (failedCondition(err, 3)) throw conflict('查询码重复，请重新提交');
      throw err;
    }
  }

  async get(letterId: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': letterKeys.letter(letterId).pk },
      ConsistentRead: true,
    });
    const letter = items.find((i) => i.entity === 'letter');
    if (!letter) return undefined;
    return { letter: toLetter(letter), timeline: items.filter((i) => i.entity === 'letter-timeline').map(toEntry) };
  }

  async letterIdByCode(code: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: letterKeys.code(code) }));
    return res.Item?.letterId as string | undefined;
  }

  async listByWriter(writerKey: string) {
    const index = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `WRITER#${writerKey}`, ':p': 'LTR#' },
      ScanIndexForward: false,
      Limit: 100,
    });
    // At most a hundred letters, each one query: a resident writes a few a year, capped at 5 a day.
    const all = await Promise.all(index.map((i) => this.get(i.letterId as string)));
    return all.filter((x): x is NonNullable<typeof x> => Boolean(x));
  }

  async listCases(scope: CaseScope, open: boolean): Promise<Letter[]> {
    const group = open ? 'open' : 'closed';
    const items =
      scope.kind === 'integrity'
        ? await queryGsi1<Record<string, unknown>>(this.doc, this.table, `LCASES#I#${scope.townshipId}`, group)
        : await queryGsi1<Record<string, unknown>>(
            this.doc,
            this.table,
            `LCASES#T#${scope.townshipId}`,
            scope.kind === 'branch' ? `${group}#${scope.branchId}` : group,
          );
    return items.map(toLetter).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async transition(
    next: Letter,
    expectedVersion: number,
    entries: TimelineEntry[],
    audit: AuditRecord,
    counters: CounterBump[] = [],
  ): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...letterKeys.letter(next.id), entity: 'letter', ...caseIndex(next), ...next },
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            ...entries.map((e, n) => this.put({ ...letterKeys.timeline(next.id, e.at, next.version, n), entity: 'letter-timeline', ...e })),
            this.put({ ...letterKeys.audit(next.id, audit.at, next.version), entity: 'letter-audit', ...audit }),
            ...counters.flatMap((c) => this.bump(c)),
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('这封信刚被他人处理过，请刷新后重试');
      throw err;
    }
  }

  async countersOf(townshipId: string, month: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': letterKeys.stats(townshipId, month, '').pk },
    });
    return items.map((i) => ({ branchId: i.branchId as string, counters: pick(i, COUNTER_NAMES) as LetterCounters }));
  }

  async published(townshipId: string, branchId: string, limit: number): Promise<Letter[]> {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, `LCASES#T#${townshipId}`, `closed#${branchId}`);
    return items
      .map(toLetter)
      .filter((l) => l.allowPublication && l.status === 'archived')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }

  async getIntegrityBoard(branchId: string): Promise<StoredIntegrityBoard | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: letterKeys.integrity(branchId) }));
    return res.Item
      ? (pick(res.Item, ['branchId', 'commitments', 'version', 'updatedAt', 'updatedBy']) as unknown as StoredIntegrityBoard)
      : undefined;
  }

  async putIntegrityBoard(board: StoredIntegrityBoard, expectedVersion: number): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...letterKeys.integrity(board.branchId), entity: 'integrity-board', ...board },
                ...(expectedVersion === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('公示内容已被他人修改，请刷新后重试');
      throw err;
    }
  }

  private meetingPut(m: StoredMeeting, expectedVersion?: number) {
    return {
      Put: {
        TableName: this.table,
        Item: {
          ...letterKeys.meeting(m.id),
          entity: 'meeting',
          gsi1pk: letterKeys.meetingsOf(m.branchId),
          gsi1sk: `${m.date}#${m.id}`,
          ...m,
        },
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :mv', ExpressionAttributeValues: { ':mv': expectedVersion } }),
      },
    };
  }

  async createMeeting(m: StoredMeeting): Promise<void> {
    await this.doc.send(new TransactWriteCommand({ TransactItems: [this.meetingPut(m)] }));
  }

  async getMeeting(id: string): Promise<StoredMeeting | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: letterKeys.meeting(id), ConsistentRead: true }));
    return res.Item
      ? (pick(res.Item, [
          'id',
          'branchId',
          'branchName',
          'townshipId',
          'date',
          'status',
          'agenda',
          'minutes',
          'version',
          'createdBy',
          'createdAt',
        ]) as unknown as StoredMeeting)
      : undefined;
  }

  async listMeetings(branchId: string): Promise<StoredMeeting[]> {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, letterKeys.meetingsOf(branchId));
    return items
      .map(
        (i) =>
          pick(i, [
            'id',
            'branchId',
            'branchName',
            'townshipId',
            'date',
            'status',
            'agenda',
            'minutes',
            'version',
            'createdBy',
            'createdAt',
          ]) as unknown as StoredMeeting,
      )
      .sort((a, b) => b.date.localeCompare(a.date));
  }

  async scheduleOnAgenda(
    meeting: StoredMeeting,
    meetingVersion: number,
    letter: Letter,
    letterVersion: number,
    entry: TimelineEntry,
    audit: AuditRecord,
  ): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.meetingPut(meeting, meetingVersion),
            {
              Put: {
                TableName: this.table,
                Item: { ...letterKeys.letter(letter.id), entity: 'letter', ...caseIndex(letter), ...letter },
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': letterVersion },
              },
            },
            this.put({ ...letterKeys.timeline(letter.id, entry.at, letter.version), entity: 'letter-timeline', ...entry }),
            this.put({ ...letterKeys.audit(letter.id, audit.at, letter.version), entity: 'letter-audit', ...audit }),
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('会议或信件刚被他人修改，请刷新后重试');
      throw err;
    }
  }

  async recordMinutes(
    meeting: StoredMeeting,
    meetingVersion: number,
    entries: { letterId: string; letterVersion: number; entry: TimelineEntry }[],
  ): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.meetingPut(meeting, meetingVersion),
            ...entries.map((e) =>
              this.put({
                ...letterKeys.timeline(e.letterId, e.entry.at, e.letterVersion, `m${meeting.id}`),
                entity: 'letter-timeline',
                ...e.entry,
              }),
            ),
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('会议刚被他人修改，请刷新后重试');
      throw err;
    }
  }
}
