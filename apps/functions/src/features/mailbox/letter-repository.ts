import type { IntegrityCommitment, TimelineEntry } from '@chuangxing/shared';
import type { NoticeWrites } from '../../platform/notify/notices';
import type { CounterTally, Letter, LetterCounters } from './letter';

/** An addition to one community's counters (its 三率, or the supervisors' 廉情 tally), for the month its letters were received. */
export interface CounterBump {
  tally: CounterTally;
  townshipId: string;
  branchId: string;
  month: string;
  add: LetterCounters;
}

export interface StoredIntegrityBoard {
  branchId: string;
  commitments: IntegrityCommitment[];
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** An immutable record of a state change: who (an official's user id, or `writer`), when, from, to. */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

/** Where the handlers look: a community's queue, a township's oversight view, or its 廉情 queue. */
export type CaseScope =
  | { kind: 'branch'; townshipId: string; branchId: string }
  | { kind: 'township'; townshipId: string }
  | { kind: 'integrity'; townshipId: string };

export interface StoredMeeting {
  id: string;
  branchId: string;
  branchName: string;
  townshipId: string;
  date: string;
  status: 'planned' | 'held';
  agenda: { letterId: string; queryCode: string; category: Letter['category']; excerpt: string }[];
  minutes?: string;
  version: number;
  createdBy: string;
  createdAt: string;
}

export interface LetterRepository {
  /**
   * One transaction: the letter, its unique query code, the writer's index entry, the idempotency marker,
   * the writer's counter for the day (refused past `maxPerDay` → RATE_LIMITED), the first timeline entry and
   * the audit record. A retry with the same key replays the stored letter.
   */
  create(
    letter: Letter,
    opts: { idempotencyKey: string; day: string; maxPerDay: number; timeline: TimelineEntry; audit: AuditRecord },
  ): Promise<{ kind: 'created' | 'replayed'; letter: Letter }>;
  /** The letter and its whole timeline, in one query. */
  get(letterId: string): Promise<{ letter: Letter; timeline: TimelineEntry[] } | undefined>;
  letterIdByCode(code: string): Promise<string | undefined>;
  listByWriter(writerKey: string): Promise<{ letter: Letter; timeline: TimelineEntry[] }[]>;
  listCases(scope: CaseScope, open: boolean): Promise<Letter[]>;
  /**
   * Conditional on the version the actor saw: of two concurrent actions exactly one wins, the other → CONFLICT.
   * The notices the move causes (the writer's 受理/转办/答复, overseers' 督办) are written in the same transaction.
   */
  transition(
    next: Letter,
    expectedVersion: number,
    entries: TimelineEntry[],
    audit: AuditRecord,
    counters?: CounterBump[],
    notices?: NoticeWrites,
  ): Promise<void>;
  /**
   * A 补充: the letter (conditional on the version the writer's request read), its timeline entry and audit,
   * and the idempotency marker in one transaction. A retry with the same key → `replayed`, nothing written;
   * a letter that moved meanwhile → CONFLICT.
   */
  supplement(
    next: Letter,
    expectedVersion: number,
    entry: TimelineEntry,
    audit: AuditRecord,
    idempotencyKey: string,
  ): Promise<'added' | 'replayed'>;
  /** Every community of a township with letters received in `month`: one query. 廉情 letters are not in it. */
  countersOf(townshipId: string, month: string): Promise<{ branchId: string; counters: LetterCounters }[]>;
  /** The supervisors' tally of 廉情 letters naming each branch of a township in `month`: one query. */
  integrityCountersOf(townshipId: string, month: string): Promise<{ branchId: string; counters: LetterCounters }[]>;
  /** Archived letters of a community whose writers allowed publication, newest first. */
  published(townshipId: string, branchId: string, limit: number): Promise<Letter[]>;
  getIntegrityBoard(branchId: string): Promise<StoredIntegrityBoard | undefined>;
  createMeeting(m: StoredMeeting): Promise<void>;
  getMeeting(id: string): Promise<StoredMeeting | undefined>;
  listMeetings(branchId: string): Promise<StoredMeeting[]>;
  /** One transaction: the meeting's agenda grows and the letter gets its timeline entry, both version-guarded. */
  scheduleOnAgenda(
    meeting: StoredMeeting,
    meetingVersion: number,
    letter: Letter,
    letterVersion: number,
    entry: TimelineEntry,
    audit: AuditRecord,
  ): Promise<void>;
  /** One transaction: the meeting is held, and every letter on its agenda gets a public timeline entry. */
  recordMinutes(
    meeting: StoredMeeting,
    meetingVersion: number,
    entries: { letterId: string; letterVersion: number; entry: TimelineEntry }[],
  ): Promise<void>;
  /** Conditional on the version the editor saw (0: none published yet) → CONFLICT otherwise. */
  putIntegrityBoard(board: StoredIntegrityBoard, expectedVersion: number): Promise<void>;
}
