import type { TimelineEntry } from '@chuangxing/shared';
import { defineEntity, pad } from '../../platform/dynamodb/entity';
import { isOpen, type Letter, type LetterCounters } from './letter';
import type { AuditRecord, CaseScope, StoredIntegrityBoard, StoredMeeting } from './letter-repository';
import type { StoredLetterRules } from './letter-rules-repository';

/**
 * 清风邮局 on the single table. Access patterns (pk / sk, or index):
 * - a letter with its timeline and audit:          LETTER#{id} / LETTER | TL#{at}#{version}#{n} | AUDIT#{at}#{version}
 * - a 补充's idempotency key (a retry replays):     LETTER#{id} / SUPP#{key}
 * - a letter by query code (unique):               LCODE#{code} / LCODE
 * - a writer's letters, day counter, retries:      WRITER#{keyed hash} / LTR#{createdAt}#{id} | DAY#{day} | IDEM#{key}
 * - a township's letters (community queues):       gsi1: LCASES#T#{t} / {open|closed}#{branch}#{createdAt}#{id}
 * - a township's 廉情 letters (supervisors only):   gsi1: LCASES#I#{t} / {open|closed}#{createdAt}#{id}
 * - a township's communities' 三率 for a month:     TWN#{t}#LSTAT#{yyyy-mm} / BR#{b}   (counters)
 * - a township's 廉情 tally for a month:            TWN#{t}#LINTEG#{yyyy-mm} / BR#{b}  (supervisors only)
 * - a community's 微权说廉 board:                   BR#{b} / INTEGRITY
 * - a 社区半月谈 meeting; a community's meetings:    MEETING#{id} / MEETING; gsi1: MEETINGS#{b} / {date}#{id}
 * - the district's mailbox rules:                  DIST#{d} / RULES#LETTERS
 *
 * The query code, the writer's entries, the 三率 counters and the rules were always stored without an
 * `entity` attribute; they stay so (the 廉情 tally, ADDed to like the counters, too).
 */

const letterPk = (id: string) => `LETTER#${id}`;
const writerPk = (writerKey: string) => `WRITER#${writerKey}`;
const countersPk = (townshipId: string, month: string) => `TWN#${townshipId}#LSTAT#${month}`;
const integrityCountersPk = (townshipId: string, month: string) => `TWN#${townshipId}#LINTEG#${month}`;
const meetingsPk = (branchId: string) => `MEETINGS#${branchId}`;
const casesPk = (kind: 'township' | 'integrity', townshipId: string) => `LCASES#${kind === 'integrity' ? 'I' : 'T'}#${townshipId}`;
const caseGroup = (open: boolean) => (open ? 'open' : 'closed');

export const COUNTER_NAMES = ['received', 'respondedInTime', 'accepted', 'replied', 'rated', 'satisfied'] as const;

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
  'channel',
  'sealedName',
  'supplements',
  'status',
  'reviewed',
  'rating',
  'ratingComment',
  'lastReply',
  'repliedAt',
  'overdueFlaggedAt',
  'integrityConclusion',
  'createdAt',
  'acceptBy',
  'replyBy',
  'version',
] as const;

/** A letter sits in its township's open or closed queue: by community, or apart for 廉情 letters. */
function caseIndex(l: Letter) {
  const group = caseGroup(isOpen(l.status));
  return l.category === 'integrity'
    ? { gsi1pk: casesPk('integrity', l.townshipId), gsi1sk: `${group}#${l.createdAt}#${l.id}` }
    : { gsi1pk: casesPk('township', l.townshipId), gsi1sk: `${group}#${l.branchId}#${l.createdAt}#${l.id}` };
}

/** A lookup entry pointing at a letter. */
type LetterRef = { letterId: string };

export const mailboxEntities = {
  letter: defineEntity<Letter, Pick<Letter, 'id'>>({
    name: 'letter',
    key: ({ id }) => ({ pk: letterPk(id), sk: 'LETTER' }),
    index: caseIndex,
    fields: LETTER_FIELDS,
  }),
  /** Keyed by time, then the version the move produced, so two moves in the same millisecond never collide. */
  timeline: defineEntity<TimelineEntry, { letterId: string; at: string; version: number; n: number | string }>({
    name: 'letter-timeline',
    key: ({ letterId, at, version, n }) => ({ pk: letterPk(letterId), sk: `TL#${at}#${pad(version)}#${n}` }),
    fields: ['at', 'kind', 'actor', 'text', 'internal'],
  }),
  audit: defineEntity<AuditRecord, { letterId: string; at: string; version: number }>({
    name: 'letter-audit',
    key: ({ letterId, at, version }) => ({ pk: letterPk(letterId), sk: `AUDIT#${at}#${pad(version)}` }),
    fields: ['at', 'actor', 'action', 'from', 'to'],
  }),
  /** A 补充 the writer sent, by its idempotency key: the retry of a send whose answer was lost adds nothing. */
  supplementRetry: defineEntity<{ at: string }, { letterId: string; idempotencyKey: string }>({
    name: 'letter-supplement',
    key: ({ letterId, idempotencyKey }) => ({ pk: letterPk(letterId), sk: `SUPP#${idempotencyKey}` }),
    fields: ['at'],
  }),
  queryCode: defineEntity<LetterRef, { code: string }>({
    untagged: true,
    name: 'letter-code',
    key: ({ code }) => ({ pk: `LCODE#${code}`, sk: 'LCODE' }),
    fields: ['letterId'],
  }),
  writerLetter: defineEntity<LetterRef, { writerKey: string; createdAt: string; id: string }>({
    untagged: true,
    name: 'writer-letter',
    key: ({ writerKey, createdAt, id }) => ({ pk: writerPk(writerKey), sk: `LTR#${createdAt}#${id}` }),
    fields: ['letterId'],
  }),
  /** The letters a writer sent on a Shanghai day (capped by the rules' perDayLimit). */
  writerDay: defineEntity<{ n: number }, { writerKey: string; day: string }>({
    untagged: true,
    name: 'writer-day',
    key: ({ writerKey, day }) => ({ pk: writerPk(writerKey), sk: `DAY#${day}` }),
    fields: ['n'],
  }),
  /** A submission's idempotency key: a retry replays the letter it created. */
  writerRetry: defineEntity<LetterRef, { writerKey: string; idempotencyKey: string }>({
    untagged: true,
    name: 'writer-retry',
    key: ({ writerKey, idempotencyKey }) => ({ pk: writerPk(writerKey), sk: `IDEM#${idempotencyKey}` }),
    fields: ['letterId'],
  }),
  /** 三率 counters of a community for the month its letters were received (ADDed to by every move). */
  counters: defineEntity<{ branchId: string } & LetterCounters, { townshipId: string; month: string; branchId: string }>({
    untagged: true,
    name: 'letter-counters',
    key: ({ townshipId, month, branchId }) => ({ pk: countersPk(townshipId, month), sk: `BR#${branchId}` }),
    fields: ['branchId', ...COUNTER_NAMES],
  }),
  /**
   * The supervisors' tally of 廉情 letters by the branch they name: the same counters, in a partition that no
   * community-facing read (三率, public board, ranking) ever queries.
   */
  integrityCounters: defineEntity<{ branchId: string } & LetterCounters, { townshipId: string; month: string; branchId: string }>({
    untagged: true,
    name: 'letter-integrity-counters',
    key: ({ townshipId, month, branchId }) => ({ pk: integrityCountersPk(townshipId, month), sk: `BR#${branchId}` }),
    fields: ['branchId', ...COUNTER_NAMES],
  }),
  integrityBoard: defineEntity<StoredIntegrityBoard, { branchId: string }>({
    name: 'integrity-board',
    key: ({ branchId }) => ({ pk: `BR#${branchId}`, sk: 'INTEGRITY' }),
    fields: ['branchId', 'commitments', 'version', 'updatedAt', 'updatedBy'],
  }),
  meeting: defineEntity<StoredMeeting, Pick<StoredMeeting, 'id'>>({
    name: 'meeting',
    key: ({ id }) => ({ pk: `MEETING#${id}`, sk: 'MEETING' }),
    index: (m) => ({ gsi1pk: meetingsPk(m.branchId), gsi1sk: `${m.date}#${m.id}` }),
    fields: ['id', 'branchId', 'branchName', 'townshipId', 'date', 'status', 'agenda', 'minutes', 'version', 'createdBy', 'createdAt'],
  }),
  letterRules: defineEntity<StoredLetterRules, { districtId: string }>({
    untagged: true,
    name: 'letter-rules',
    key: ({ districtId }) => ({ pk: `DIST#${districtId}`, sk: 'RULES#LETTERS' }),
    fields: ['acceptWorkingDays', 'replyWorkingDays', 'autoArchiveDays', 'perDayLimit', 'updatedBy', 'updatedAt'],
  }),
};

/** The partitions the mailbox queries, and the sort-key prefixes it narrows them by. */
export const mailboxPartitions = {
  /** A letter, its timeline and its audit records. */
  letter: letterPk,
  /** A writer's letters, newest first. */
  writerLetters: (writerKey: string) => ({ pk: writerPk(writerKey), skPrefix: 'LTR#' }),
  /** A township's 三率 counters for a month, one item per community. */
  counters: countersPk,
  /** A township's 廉情 tally for a month, one item per named branch (纪检监察 only). */
  integrityCounters: integrityCountersPk,
  /** gsi1: a case queue's letters (`prefix` is followed by `#`). */
  cases: (scope: CaseScope, open: boolean) =>
    scope.kind === 'branch'
      ? { gsi1pk: casesPk('township', scope.townshipId), prefix: `${caseGroup(open)}#${scope.branchId}` }
      : { gsi1pk: casesPk(scope.kind, scope.townshipId), prefix: caseGroup(open) },
  /** gsi1: a community's meetings. */
  meetings: meetingsPk,
};
