import { describe, expect, it } from 'vitest';
import { mailboxEntities } from '../../src/features/mailbox/mailbox.entities';
import type { DailyReport } from '../../src/features/reports/daily-report';
import { reportsEntities as e, REMINDER_RUN_TTL_SECONDS, reportsPartitions } from '../../src/features/reports/reports.entities';
import { exemptionKeyOf } from '../../src/features/reports/rules-repository.dynamodb';

/** The items as the reports wrote them before their entities were declared: existing data must keep working. */
describe('the reports entities keep the stored keys and attributes', () => {
  const report: DailyReport = {
    branchId: 'b1',
    townshipId: 't1',
    districtId: 'erqi',
    day: '2026-11-27',
    status: 'late',
    content: { items: [{ star: 'industry', text: '走访' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    version: 1,
    submittedAt: 'at',
    submittedBy: 'u1',
    updatedAt: 'at',
    updatedBy: 'u1',
    lastIdempotencyKey: 'key',
  };

  it('a report, its revisions and comments live under the branch, with their entity names', () => {
    expect(e.report.item({ branchId: 'b1', day: '2026-11-27' }, report)).toEqual({
      pk: 'BR#b1',
      sk: 'RPT#2026-11-27',
      entity: 'report',
      ...report,
    });
    const rev = { version: 12, editedBy: 'u1', editedByName: '李明', editedAt: 'at' };
    expect(e.revision.item({ branchId: 'b1', day: '2026-11-27', version: 12 }, rev)).toEqual({
      pk: 'BR#b1',
      sk: 'RPT#2026-11-27#REV#0012',
      entity: 'report-revision',
      ...rev,
    });
    const comment = { id: 'c1', authorId: 'u2', authorName: '王', authorRole: '支部书记', text: '好', createdAt: 'at' };
    expect(e.comment.item({ branchId: 'b1', day: '2026-11-27', id: 'c1' }, comment)).toEqual({
      pk: 'BR#b1',
      sk: 'RPT#2026-11-27#CMT#c1',
      entity: 'report-comment',
      ...comment,
    });
  });

  it('counters, markers and rollups keep their keys and carry no entity', () => {
    expect(e.monthStats.key({ branchId: 'b1', month: '2026-11' })).toEqual({ pk: 'BR#b1', sk: 'STAT#M#2026-11' });
    expect(e.quarterStats.key({ branchId: 'b1', quarter: '2026-Q4' })).toEqual({ pk: 'BR#b1', sk: 'STAT#Q#2026-Q4' });
    expect(e.townshipDayRollup.key({ districtId: 'erqi', day: '2026-11-27', townshipId: 't1' })).toEqual({
      pk: 'DIST#erqi#DAY#2026-11-27',
      sk: 'TWN#t1',
    });
    expect(e.townshipDayMarker.item({ townshipId: 't1', day: '2026-11-27', branchId: 'b1' }, report)).toEqual({
      pk: 'TWN#t1#DAY#2026-11-27',
      sk: 'BR#b1',
      branchId: 'b1',
      status: 'late',
      submittedAt: 'at',
    });
    expect(reportsPartitions.townshipDay('t1', '2026-11-27')).toBe('TWN#t1#DAY#2026-11-27');
    expect(reportsPartitions.districtDay('erqi', '2026-11-27')).toBe('DIST#erqi#DAY#2026-11-27');
  });

  it('rules and exemptions keep their keys and carry no entity', () => {
    const rules = { deadline: '21:00', maxBackfillDays: 2, reminderTime: '19:00' };
    expect(e.dailyRules.item({ districtId: 'erqi' }, { ...rules, updatedBy: 'admin', updatedAt: 'at' })).toEqual({
      pk: 'DIST#erqi',
      sk: 'RULES#DAILY',
      ...rules,
      updatedBy: 'admin',
      updatedAt: 'at',
    });
    const letters = { acceptWorkingDays: 2, replyWorkingDays: 15, autoArchiveDays: 7, perDayLimit: 5 };
    // The letter rules sit beside the daily rules, but the mailbox owns them.
    expect(mailboxEntities.letterRules.item({ districtId: 'erqi' }, { ...letters, updatedBy: 'admin', updatedAt: 'at' })).toEqual({
      pk: 'DIST#erqi',
      sk: 'RULES#LETTERS',
      ...letters,
      updatedBy: 'admin',
      updatedAt: 'at',
    });
    const holiday = { id: '2026-10-01_all', districtId: 'erqi', day: '2026-10-01', reason: '国庆', createdBy: 'admin', createdAt: 'at' };
    expect(e.exemption.item({ districtId: 'erqi', day: holiday.day }, holiday)).toEqual({
      pk: 'DIST#erqi#EXEMPT',
      sk: '2026-10-01#*',
      ...holiday,
    });
    const leave = { ...holiday, id: '2026-10-08_b1', day: '2026-10-08', branchId: 'b1', townshipId: 't1', reason: '请假' };
    expect(e.exemption.item({ districtId: 'erqi', day: leave.day, branchId: 'b1' }, leave)).toEqual({
      pk: 'DIST#erqi#EXEMPT',
      sk: '2026-10-08#b1',
      ...leave,
    });
    expect(exemptionKeyOf('erqi', '2026-10-01_all')).toEqual({ pk: 'DIST#erqi#EXEMPT', sk: '2026-10-01#*' });
    expect(exemptionKeyOf('erqi', '2026-10-08_b1')).toEqual({ pk: 'DIST#erqi#EXEMPT', sk: '2026-10-08#b1' });
    expect(exemptionKeyOf('erqi', 'nonsense')).toBeUndefined();
    expect(reportsPartitions.exemptions('erqi')).toBe('DIST#erqi#EXEMPT');
  });

  it('a reminder run keeps its key, entity name and ttl', () => {
    const at = new Date('2026-11-27T12:05:00.000Z');
    expect(
      e.reminderRun.item(
        { districtId: 'erqi', day: '2026-11-27' },
        { districtId: 'erqi', day: '2026-11-27', startedAt: at.toISOString() },
        { ttl: Math.floor(at.getTime() / 1000) + 90 * 86_400 },
      ),
    ).toEqual({
      pk: 'DIST#erqi#REMINDRUN',
      sk: '2026-11-27',
      entity: 'reminderRun',
      districtId: 'erqi',
      day: '2026-11-27',
      startedAt: '2026-11-27T12:05:00.000Z',
      ttl: Math.floor(at.getTime() / 1000) + 90 * 86_400,
    });
    expect(REMINDER_RUN_TTL_SECONDS).toBe(90 * 86_400);
  });
});
