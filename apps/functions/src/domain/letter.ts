import type { LetterCategory, LetterStatus, Rating, TimelineEntry } from '@chuangxing/shared';
import { DomainError } from './domain-error';
import { addDays, shanghaiDay, shanghaiInstant } from './shanghai-time';

export interface Letter {
  id: string;
  queryCode: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  branchName: string;
  category: LetterCategory;
  text: string;
  anonymous: boolean;
  allowPublication: boolean;
  /** 署名 letters only; empty for anonymous ones. */
  writerName: string;
  /** The writer's user id, sealed (encrypted with a key only the API holds). Never sent to anyone. */
  sealedWriter: string;
  /** Keyed hash of the writer's user id: finds "my letters" without storing who wrote what in clear. */
  writerKey: string;
  /** Sealed phone, only when a call-back was requested. */
  sealedPhone?: string;
  status: LetterStatus;
  /** The one review round (复核) after an unsatisfied rating has been used. */
  reviewed: boolean;
  rating?: Rating;
  ratingComment?: string;
  createdAt: string;
  acceptBy: string;
  replyBy?: string;
  version: number;
}

export type LetterEvent =
  | { type: 'accept' }
  | { type: 'decline' }
  | { type: 'transfer' }
  | { type: 'note' }
  | { type: 'reply' }
  | { type: 'rate'; rating: Rating }
  | { type: 'expire' };

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
  }
  throw new DomainError('ILLEGAL_TRANSITION', `当前状态（${status}）下不能进行该操作，请刷新后重试`);
}

export const OPEN_STATUSES: readonly LetterStatus[] = ['submitted', 'accepted', 'replied', 'reopened'];
export const isOpen = (s: LetterStatus) => OPEN_STATUSES.includes(s);

/** Working days: Monday to Friday, Shanghai days, skipping the given holidays. */
export function addWorkingDays(fromDay: string, n: number, holidays: ReadonlySet<string> = new Set()): string {
  let day = fromDay;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) left--;
  }
  return day;
}

export const LETTER_SLA = { acceptWorkingDays: 2, replyWorkingDays: 15 } as const;

/** A deadline of N working days: the end (23:59) of the Nth working day after `at`. */
export function slaDeadline(at: Date, workingDays: number, holidays?: ReadonlySet<string>): string {
  return shanghaiInstant(addWorkingDays(shanghaiDay(at), workingDays, holidays), '23:59').toISOString();
}

export function publicTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.filter((e) => !e.internal);
}
