import { describe, expect, it } from 'vitest';
import type { Letter } from '../../src/features/mailbox/letter';
import type { StoredMeeting } from '../../src/features/mailbox/letter-repository';
import { letterKeys } from '../../src/features/mailbox/letter-repository.dynamodb';
import { mailboxEntities as e, mailboxPartitions as p } from '../../src/features/mailbox/mailbox.entities';

const letter: Letter = {
  id: 'L1',
  queryCode: 'ABCDEFGHJK',
  districtId: 'erqi',
  townshipId: 'wulibao',
  branchId: 'jianxinnanjie',
  branchName: '建新南街社区',
  category: 'complaint',
  text: '路灯坏了',
  anonymous: true,
  allowPublication: false,
  writerName: '',
  sealedWriter: 'sealed',
  writerKey: 'wk',
  status: 'submitted',
  reviewed: false,
  createdAt: '2026-11-27T02:00:00.000Z',
  acceptBy: '2026-12-01T15:59:00.000Z',
  version: 1,
};

/** The stored formats existing data was written in: they must not move. */
describe('mailbox entities keep the stored keys and attributes', () => {
  it('a letter: its key, case-queue index, `entity` and fields only', () => {
    const item = e.letter.item(letter, { ...letter, replyBy: undefined });
    expect(item).toEqual({
      pk: 'LETTER#L1',
      sk: 'LETTER',
      gsi1pk: 'LCASES#T#wulibao',
      gsi1sk: 'open#jianxinnanjie#2026-11-27T02:00:00.000Z#L1',
      entity: 'letter',
      ...letter,
    });
    expect(e.letter.parse({ ...item, stray: 1 })).toEqual(letter);
    const closed = e.letter.item(letter, { ...letter, category: 'integrity', status: 'archived' });
    expect([closed.gsi1pk, closed.gsi1sk]).toEqual(['LCASES#I#wulibao', 'closed#2026-11-27T02:00:00.000Z#L1']);
  });

  it('a letter’s timeline and audit records, under the letter', () => {
    const entry = { at: '2026-11-27T02:00:00.000Z', kind: 'note' as const, actor: '居民', internal: false };
    expect(e.timeline.item({ letterId: 'L1', at: entry.at, version: 12, n: 0 }, entry)).toEqual({
      pk: 'LETTER#L1',
      sk: 'TL#2026-11-27T02:00:00.000Z#0012#0',
      entity: 'letter-timeline',
      ...entry,
    });
    expect(e.timeline.key({ letterId: 'L1', at: entry.at, version: 3, n: 'mM1' }).sk).toBe('TL#2026-11-27T02:00:00.000Z#0003#mM1');
    const record = { at: entry.at, actor: 'writer', action: 'submit', from: '', to: 'submitted' };
    expect(e.audit.item({ letterId: 'L1', at: entry.at, version: 1 }, record)).toEqual({
      pk: 'LETTER#L1',
      sk: 'AUDIT#2026-11-27T02:00:00.000Z#0001',
      entity: 'letter-audit',
      ...record,
    });
  });

  it('the query code and the writer’s entries carry no `entity` attribute', () => {
    const ref = { letterId: 'L1' };
    expect(e.queryCode.item({ code: 'ABCDEFGHJK' }, ref)).toEqual({ pk: 'LCODE#ABCDEFGHJK', sk: 'LCODE', letterId: 'L1' });
    expect(e.writerLetter.item({ writerKey: 'wk', createdAt: letter.createdAt, id: 'L1' }, ref)).toEqual({
      pk: 'WRITER#wk',
      sk: 'LTR#2026-11-27T02:00:00.000Z#L1',
      letterId: 'L1',
    });
    expect(e.writerDay.key({ writerKey: 'wk', day: '2026-11-27' })).toEqual({ pk: 'WRITER#wk', sk: 'DAY#2026-11-27' });
    expect(e.writerRetry.item({ writerKey: 'wk', idempotencyKey: 'k-1' }, ref)).toEqual({
      pk: 'WRITER#wk',
      sk: 'IDEM#k-1',
      letterId: 'L1',
    });
    expect(p.writerLetters('wk')).toEqual({ pk: 'WRITER#wk', skPrefix: 'LTR#' });
  });

  it('the 三率 counters: one item per community and month under the township, no `entity`', () => {
    const k = { townshipId: 'wulibao', month: '2026-11', branchId: 'jianxinnanjie' };
    expect(e.counters.item(k, { branchId: 'jianxinnanjie', received: 2, satisfied: 1 })).toEqual({
      pk: 'TWN#wulibao#LSTAT#2026-11',
      sk: 'BR#jianxinnanjie',
      branchId: 'jianxinnanjie',
      received: 2,
      satisfied: 1,
    });
    expect(p.counters('wulibao', '2026-11')).toBe('TWN#wulibao#LSTAT#2026-11');
    // The ranking still reads them by this key until it uses the reader.
    expect(letterKeys.stats('wulibao', '2026-11', '').pk).toBe('TWN#wulibao#LSTAT#2026-11');
  });

  it('the case queues on gsi1', () => {
    expect(p.cases({ kind: 'branch', townshipId: 'w', branchId: 'b' }, true)).toEqual({ gsi1pk: 'LCASES#T#w', prefix: 'open#b' });
    expect(p.cases({ kind: 'township', townshipId: 'w' }, false)).toEqual({ gsi1pk: 'LCASES#T#w', prefix: 'closed' });
    expect(p.cases({ kind: 'integrity', townshipId: 'w' }, true)).toEqual({ gsi1pk: 'LCASES#I#w', prefix: 'open' });
  });

  it('the integrity board, meetings and the district’s mailbox rules', () => {
    const board = { branchId: 'b', commitments: [], version: 2, updatedAt: 'at', updatedBy: 'u' };
    expect(e.integrityBoard.item(board, board)).toEqual({ pk: 'BR#b', sk: 'INTEGRITY', entity: 'integrity-board', ...board });
    const m: StoredMeeting = {
      id: 'M1',
      branchId: 'b',
      branchName: '社区',
      townshipId: 'w',
      date: '2026-12-01',
      status: 'planned',
      agenda: [],
      version: 1,
      createdBy: 'u',
      createdAt: 'at',
    };
    expect(e.meeting.item(m, m)).toEqual({
      pk: 'MEETING#M1',
      sk: 'MEETING',
      gsi1pk: 'MEETINGS#b',
      gsi1sk: '2026-12-01#M1',
      entity: 'meeting',
      ...m,
    });
    expect(p.meetings('b')).toBe('MEETINGS#b');
    const rules = { acceptWorkingDays: 2, replyWorkingDays: 15, autoArchiveDays: 7, perDayLimit: 5, updatedBy: 'u', updatedAt: 'at' };
    expect(e.letterRules.item({ districtId: 'erqi' }, rules)).toEqual({ pk: 'DIST#erqi', sk: 'RULES#LETTERS', ...rules });
  });
});
