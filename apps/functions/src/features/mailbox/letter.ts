import {
  LETTER_LIMITS,
  LETTER_STATUS_LABELS,
  type LetterCategory,
  type LetterChannel,
  type LetterStatus,
  type MyLetter,
  type Rating,
  type TimelineEntry,
} from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import { monthOf, shanghaiDay, shanghaiInstant } from '../../platform/kernel/shanghai-time';
import { WorkingCalendar } from '../../platform/kernel/working-calendar';

export interface Letter {
  id: string;
  queryCode: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  branchName: string;
  category: LetterCategory;
  text: string;
  /** Storage keys of up to 6 photos (`letter/{branch}/{day}/…`): nothing in them names the writer. */
  photos?: string[];
  anonymous: boolean;
  allowPublication: boolean;
  /** 署名 letters only; empty for anonymous ones. */
  writerName: string;
  /** The writer's user id, sealed (encrypted with a key only the API holds). Never sent to anyone. */
  sealedWriter: string;
  /** Keyed hash of the writer's user id: finds "my letters" without storing who wrote what in clear. */
  writerKey: string;
  /** Sealed phone, only when a call-back was requested (or a 代录 resident left a number). */
  sealedPhone?: string;
  /** 代录: how the resident came; such a letter has no writer account (`sealedWriter` is empty). */
  channel?: LetterChannel;
  /** 代录: the name the resident gave, sealed; opened only for the letter's handler. */
  sealedName?: string;
  /** How many 补充 the writer has added. */
  supplements?: number;
  status: LetterStatus;
  /** The one review round (复核) after an unsatisfied rating has been used. */
  reviewed: boolean;
  rating?: Rating;
  ratingComment?: string;
  /** The latest public reply, kept on the letter so the public board needs no timeline reads. */
  lastReply?: string;
  repliedAt?: string;
  /** 廉情 letters: what 纪检监察 found when they checked it (once). */
  integrityConclusion?: IntegrityConclusion;
  /** When the township was told this letter is overdue (督办); told once. */
  overdueFlaggedAt?: string;
  createdAt: string;
  acceptBy: string;
  replyBy?: string;
  version: number;
}

export interface IntegrityConclusion {
  outcome: 'upheld' | 'not_upheld';
  summary: string;
  at: string;
  byId: string;
  byName: string;
}

/** Letters whose checking can be concluded: accepted, answered, reopened or archived (a declined one was never checked). */
const CHECKED: readonly LetterStatus[] = ['accepted', 'replied', 'reopened', 'archived'];

/** Whether a 廉情 letter waits for its 核查结论 (the case page offers the form exactly then). */
export const awaitsConclusion = (letter: Letter): boolean =>
  letter.category === 'integrity' && !letter.integrityConclusion && CHECKED.includes(letter.status);

export type LetterEvent =
  | { type: 'accept' }
  | { type: 'decline' }
  | { type: 'transfer' }
  | { type: 'note' }
  | { type: 'reply' }
  | { type: 'rate'; rating: Rating }
  | { type: 'expire' }
  | { type: 'withdraw' }
  | { type: 'supplement' };

/**
 * The state machine of the closed loop. Every legal move is listed; anything else is ILLEGAL_TRANSITION.
 * A transfer starts the letter again as `submitted` at the receiving community.
 */
export function nextState(current: Pick<Letter, 'status' | 'reviewed'>, event: LetterEvent): Pick<Letter, 'status' | 'reviewed'> {
  const { status, reviewed } = current;
  const to = (s: LetterStatus, r = reviewed) => ({ status: s, reviewed: r });
  switch (event.type) {
    case 'accept':
      if (status === 'submitted') return to('accepted');
      break;
    case 'decline':
      if (status === 'submitted') return to('declined');
      break;
    case 'transfer':
      if (status === 'submitted' || status === 'accepted') return to('submitted');
      break;
    case 'note':
      if (status === 'submitted' || status === 'accepted' || status === 'reopened' || status === 'replied') return to(status);
      break;
    case 'reply':
      if (status === 'accepted' || status === 'reopened') return to('replied');
      break;
    case 'rate':
      if (status !== 'replied') break;
      if (event.rating === 'unsatisfied' && !reviewed) return to('reopened', true);
      return to('archived');
    case 'expire':
      if (status === 'replied') return to('archived');
      break;
    case 'withdraw':
      // Only before anyone accepted it: once the community works on it, the loop runs to its end.
      if (status === 'submitted') return to('withdrawn');
      break;
    case 'supplement':
      if (status === 'submitted' || status === 'accepted' || status === 'reopened' || status === 'replied') return to(status);
      break;
  }
  throw new DomainError('ILLEGAL_TRANSITION', `信件当前为「${LETTER_STATUS_LABELS[status]}」，不能进行该操作，请刷新后重试`);
}

export const OPEN_STATUSES: readonly LetterStatus[] = ['submitted', 'accepted', 'replied', 'reopened'];
export const isOpen = (s: LetterStatus) => OPEN_STATUSES.includes(s);

/** Past its acceptance or reply deadline while still waiting on the community. */
export function isOverdue(l: Pick<Letter, 'status' | 'acceptBy' | 'replyBy'>, now: Date): boolean {
  if (l.status === 'submitted') return now.getTime() > Date.parse(l.acceptBy);
  if ((l.status === 'accepted' || l.status === 'reopened') && l.replyBy) return now.getTime() > Date.parse(l.replyBy);
  return false;
}

/** What the community owes next and by when: acceptance while it waits, the reply while it is handled. */
export function answerByOf(l: Pick<Letter, 'status' | 'acceptBy' | 'replyBy'>): MyLetter['answerBy'] {
  if (l.status === 'submitted') return { kind: 'accept', at: l.acceptBy };
  if ((l.status === 'accepted' || l.status === 'reopened') && l.replyBy) return { kind: 'reply', at: l.replyBy };
  return undefined;
}

/** May the writer still 补充 (open, and fewer than the limit so far)? */
export const canSupplement = (l: Pick<Letter, 'status' | 'supplements'>) =>
  isOpen(l.status) && (l.supplements ?? 0) < LETTER_LIMITS.supplements;

/** A deadline of N working days: the end (23:59) of the Nth working day after `at`, on the district's calendar. */
export function slaDeadline(at: Date, workingDays: number, calendar = new WorkingCalendar()): string {
  return shanghaiInstant(calendar.addWorkingDays(shanghaiDay(at), workingDays), '23:59').toISOString();
}

export function publicTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.filter((e) => !e.internal);
}

/**
 * Which tally a letter counts in. 廉情 letters are counted for the supervisors only: never in the named
 * community's 三率, which its public board, its officials and the ranking read.
 */
export type CounterTally = 'community' | 'integrity';
export const tallyOf = (l: Pick<Letter, 'category'>): CounterTally => (l.category === 'integrity' ? 'integrity' : 'community');

/** 三率 counters of one community for the month its letters were received. */
export type LetterCounters = Partial<Record<'received' | 'respondedInTime' | 'accepted' | 'replied' | 'rated' | 'satisfied', number>>;

export function ratesOf(c: LetterCounters) {
  const n = (k: keyof LetterCounters) => c[k] ?? 0;
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    received: n('received'),
    respondedInTime: n('respondedInTime'),
    accepted: n('accepted'),
    replied: n('replied'),
    rated: n('rated'),
    satisfied: n('satisfied'),
    responseRate: ratio(n('respondedInTime'), n('received')),
    resolutionRate: ratio(n('replied'), n('accepted')),
    satisfactionRate: ratio(n('satisfied'), n('rated')),
  };
}

/** What a move adds to the 三率 counters (first response, first reply, the rating that closes the letter). */
export function countersFor(
  before: Pick<Letter, 'status' | 'reviewed' | 'acceptBy'>,
  after: Pick<Letter, 'status'>,
  event: LetterEvent,
  at: string,
): LetterCounters {
  if (before.status === 'submitted' && (event.type === 'accept' || event.type === 'decline' || event.type === 'transfer')) {
    return { respondedInTime: at <= before.acceptBy ? 1 : 0, accepted: event.type === 'accept' ? 1 : 0 };
  }
  if (event.type === 'reply' && before.status === 'accepted') return { replied: 1 };
  if (event.type === 'rate' && after.status === 'archived') return { rated: 1, satisfied: event.rating === 'unsatisfied' ? 0 : 1 };
  // A letter its writer withdrew before anyone answered was never owed an answer: it leaves `received` of the
  // community that holds it (a community that answered it before a transfer keeps its response).
  if (event.type === 'withdraw' && before.status === 'submitted') return { received: -1 };
  return {};
}

/** Phone and ID numbers are blanked before a letter reaches the public board. */
export function redactPersonalData(text: string): string {
  return text.replace(/\d{17}[\dXx]/g, '******************').replace(/1[3-9]\d{9}/g, (m) => `${m.slice(0, 3)}****${m.slice(7)}`);
}

/** The month a letter counts in for the 三率: the Shanghai month it was received. */
export const letterMonth = (l: Pick<Letter, 'createdAt'>) => monthOf(shanghaiDay(new Date(l.createdAt)));

/** The Shanghai month of an instant (yyyy-mm): the boards show the current one unless asked for another. */
export const shanghaiMonth = (at: Date) => shanghaiDay(at).slice(0, 7);
