import { LETTER_STATUSES, type LetterStatus } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  answerByOf,
  canSupplement,
  countersFor,
  type LetterEvent,
  nextState,
  ratesOf,
  redactPersonalData,
  slaDeadline,
} from '../../src/features/mailbox/letter';
import { WorkingCalendar } from '../../src/platform/kernel/working-calendar';
import { LocalSealer } from '../../src/platform/sealing/local-sealer';

const EVENTS: LetterEvent[] = [
  { type: 'accept' },
  { type: 'decline' },
  { type: 'transfer' },
  { type: 'note' },
  { type: 'reply' },
  { type: 'rate', rating: 'satisfied' },
  { type: 'rate', rating: 'basically_satisfied' },
  { type: 'rate', rating: 'unsatisfied' },
  { type: 'expire' },
  { type: 'withdraw' },
  { type: 'supplement' },
];
const name = (e: LetterEvent) => (e.type === 'rate' ? `rate:${e.rating}` : e.type);

/** Every legal move, with its outcome; every pair not listed must be refused. */
const LEGAL: Record<string, string> = {
  'submitted|false|accept': 'accepted|false',
  'submitted|false|decline': 'declined|false',
  'submitted|false|transfer': 'submitted|false',
  'submitted|false|note': 'submitted|false',
  'accepted|false|transfer': 'submitted|false',
  'accepted|false|note': 'accepted|false',
  'accepted|false|reply': 'replied|false',
  'replied|false|note': 'replied|false',
  'replied|false|rate:satisfied': 'archived|false',
  'replied|false|rate:basically_satisfied': 'archived|false',
  'replied|false|rate:unsatisfied': 'reopened|true',
  'replied|false|expire': 'archived|false',
  'reopened|true|note': 'reopened|true',
  'reopened|true|reply': 'replied|true',
  'replied|true|note': 'replied|true',
  'replied|true|rate:satisfied': 'archived|true',
  'replied|true|rate:basically_satisfied': 'archived|true',
  'replied|true|rate:unsatisfied': 'archived|true',
  'replied|true|expire': 'archived|true',
  // the same moves are legal whether or not the review round was used
  'submitted|true|accept': 'accepted|true',
  'submitted|true|decline': 'declined|true',
  'submitted|true|transfer': 'submitted|true',
  'submitted|true|note': 'submitted|true',
  'accepted|true|transfer': 'submitted|true',
  'accepted|true|note': 'accepted|true',
  'accepted|true|reply': 'replied|true',
  'reopened|false|note': 'reopened|false',
  'reopened|false|reply': 'replied|false',
  // 撤回 only before anyone answered; 补充 while the letter is open
  'submitted|false|withdraw': 'withdrawn|false',
  'submitted|true|withdraw': 'withdrawn|true',
  'submitted|false|supplement': 'submitted|false',
  'submitted|true|supplement': 'submitted|true',
  'accepted|false|supplement': 'accepted|false',
  'accepted|true|supplement': 'accepted|true',
  'replied|false|supplement': 'replied|false',
  'replied|true|supplement': 'replied|true',
  'reopened|false|supplement': 'reopened|false',
  'reopened|true|supplement': 'reopened|true',
};

describe('the letter state machine', () => {
  const cases = LETTER_STATUSES.flatMap((status) => [false, true].flatMap((reviewed) => EVENTS.map((e) => [status, reviewed, e] as const)));

  it.each(cases)('%s (reviewed: %s) on %o', (status: LetterStatus, reviewed, event) => {
    const key = `${status}|${reviewed}|${name(event)}`;
    const expected = LEGAL[key];
    if (expected) {
      const out = nextState({ status, reviewed }, event);
      expect(`${out.status}|${out.reviewed}`).toBe(expected);
    } else {
      expect(() => nextState({ status, reviewed }, event)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    }
  });

  it('covers every status × event pair', () => {
    expect(cases).toHaveLength(LETTER_STATUSES.length * 2 * EVENTS.length);
    for (const k of Object.keys(LEGAL)) expect(cases.some(([s, r, e]) => `${s}|${r}|${name(e)}` === k)).toBe(true);
  });

  it('declined, archived and withdrawn letters are final', () => {
    for (const status of ['declined', 'archived', 'withdrawn'] as const)
      for (const e of EVENTS) expect(() => nextState({ status, reviewed: false }, e)).toThrow();
  });
});

describe('SLA deadlines in working days', () => {
  it('skips weekends and holidays', () => {
    const addWorkingDays = (from: string, n: number, holidays: string[] = []) => new WorkingCalendar({ holidays }).addWorkingDays(from, n);
    expect(addWorkingDays('2026-11-27', 2)).toBe('2026-12-01'); // Friday + 2 → Tuesday
    expect(addWorkingDays('2026-11-27', 2, ['2026-11-30'])).toBe('2026-12-02');
    expect(addWorkingDays('2026-11-23', 15)).toBe('2026-12-14');
  });

  it('ends at 23:59 Shanghai time of the last working day', () => {
    expect(slaDeadline(new Date('2026-11-27T02:00:00Z'), 2)).toBe('2026-12-01T15:59:00.000Z');
  });
});

describe('local sealing', () => {
  const sealer = new LocalSealer('a-secret-that-is-long-enough-0123456789');

  it('round-trips, never shows the plaintext, and differs each time', async () => {
    const a = await sealer.seal('demo-resident');
    const b = await sealer.seal('demo-resident');
    expect(a).not.toContain('demo-resident');
    expect(a).not.toBe(b);
    expect(await sealer.open(a)).toBe('demo-resident');
  });

  it('refuses a tampered value or another key', async () => {
    const sealed = await sealer.seal('13800138000');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('13900139000').toString('base64url');
    await expect(sealer.open(parts.join('.'))).rejects.toThrow();
    await expect(new LocalSealer('another-secret-that-is-long-enough-012345').open(sealed)).rejects.toThrow();
  });

  it('keyed hashes are stable per input and secret', () => {
    expect(sealer.keyedHash('u1')).toBe(sealer.keyedHash('u1'));
    expect(sealer.keyedHash('u1')).not.toBe(sealer.keyedHash('u2'));
    expect(new LocalSealer('another-secret-that-is-long-enough-012345').keyedHash('u1')).not.toBe(sealer.keyedHash('u1'));
  });
});

describe('三率 arithmetic', () => {
  const at = '2026-11-27T08:00:00.000Z';
  const submitted = { status: 'submitted' as const, reviewed: false, acceptBy: '2026-12-01T15:59:00.000Z' };

  it('the first response counts once, in time or late; acceptance also counts as accepted', () => {
    expect(countersFor(submitted, { status: 'accepted' }, { type: 'accept' }, at)).toEqual({ respondedInTime: 1, accepted: 1 });
    expect(countersFor(submitted, { status: 'declined' }, { type: 'decline' }, '2026-12-02T00:00:00.000Z')).toEqual({
      respondedInTime: 0,
      accepted: 0,
    });
    expect(countersFor({ ...submitted, status: 'accepted' }, { status: 'accepted' }, { type: 'note' }, at)).toEqual({});
  });

  it('only the first reply and the closing rating count', () => {
    expect(countersFor({ ...submitted, status: 'accepted' }, { status: 'replied' }, { type: 'reply' }, at)).toEqual({ replied: 1 });
    expect(countersFor({ ...submitted, status: 'reopened', reviewed: true }, { status: 'replied' }, { type: 'reply' }, at)).toEqual({});
    expect(countersFor({ ...submitted, status: 'replied' }, { status: 'reopened' }, { type: 'rate', rating: 'unsatisfied' }, at)).toEqual(
      {},
    );
    expect(
      countersFor({ ...submitted, status: 'replied', reviewed: true }, { status: 'archived' }, { type: 'rate', rating: 'unsatisfied' }, at),
    ).toEqual({ rated: 1, satisfied: 0 });
    expect(
      countersFor({ ...submitted, status: 'replied' }, { status: 'archived' }, { type: 'rate', rating: 'basically_satisfied' }, at),
    ).toEqual({ rated: 1, satisfied: 1 });
  });

  it('a withdrawal before any answer takes the letter out of `received`; nothing else moves a counter', () => {
    const at = '2026-11-28T01:00:00.000Z';
    const submitted = { status: 'submitted' as const, reviewed: false, acceptBy: '2026-11-30T15:59:00.000Z' };
    expect(countersFor(submitted, { status: 'withdrawn' }, { type: 'withdraw' }, at)).toEqual({ received: -1 });
    expect(countersFor(submitted, { status: 'submitted' }, { type: 'supplement' }, at)).toEqual({});
    expect(countersFor({ ...submitted, status: 'accepted' }, { status: 'accepted' }, { type: 'supplement' }, at)).toEqual({});
  });

  it('rates divide the right counters, and are 0 with nothing to divide', () => {
    expect(ratesOf({ received: 8, respondedInTime: 6, accepted: 5, replied: 4, rated: 3, satisfied: 2 })).toMatchObject({
      responseRate: 0.75,
      resolutionRate: 0.8,
      satisfactionRate: 2 / 3,
    });
    expect(ratesOf({})).toMatchObject({ received: 0, responseRate: 0, resolutionRate: 0, satisfactionRate: 0 });
  });

  it('phone and ID numbers are blanked for the public board', () => {
    expect(redactPersonalData('请联系13812345678，身份证410102199001011234')).toBe('请联系138****5678，身份证******************');
  });
});

describe('what the writer is told', () => {
  const base = { acceptBy: '2026-11-30T15:59:00.000Z', replyBy: '2026-12-18T15:59:00.000Z' };
  it('the deadline the community owes next: acceptance, then the reply, then none', () => {
    expect(answerByOf({ ...base, status: 'submitted' })).toEqual({ kind: 'accept', at: base.acceptBy });
    expect(answerByOf({ ...base, status: 'accepted' })).toEqual({ kind: 'reply', at: base.replyBy });
    expect(answerByOf({ ...base, status: 'reopened' })).toEqual({ kind: 'reply', at: base.replyBy });
    for (const status of ['replied', 'archived', 'declined', 'withdrawn'] as const) expect(answerByOf({ ...base, status })).toBeUndefined();
  });

  it('补充 while open and under the limit', () => {
    expect(canSupplement({ status: 'submitted' })).toBe(true);
    expect(canSupplement({ status: 'replied', supplements: 4 })).toBe(true);
    expect(canSupplement({ status: 'accepted', supplements: 5 })).toBe(false);
    expect(canSupplement({ status: 'withdrawn' })).toBe(false);
    expect(canSupplement({ status: 'archived' })).toBe(false);
  });
});
