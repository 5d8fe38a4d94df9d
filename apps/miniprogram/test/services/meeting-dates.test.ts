import { describe, expect, it } from 'vitest';
import { meetingDayChoices, meetingDayLabel, meetingDayProblem } from '../../src/subpackages/mailbox/services/meeting-dates';

describe('社区半月谈 dates', () => {
  it('the next 4 Wednesdays and 4 Saturdays, today included, in date order', () => {
    // 2026-01-05 is a Monday.
    expect(meetingDayChoices('2026-01-05')).toEqual([
      '2026-01-07',
      '2026-01-10',
      '2026-01-14',
      '2026-01-17',
      '2026-01-21',
      '2026-01-24',
      '2026-01-28',
      '2026-01-31',
    ]);
    // A Wednesday counts itself; across a month and a year end.
    expect(meetingDayChoices('2025-12-31')).toEqual([
      '2025-12-31',
      '2026-01-03',
      '2026-01-07',
      '2026-01-10',
      '2026-01-14',
      '2026-01-17',
      '2026-01-21',
      '2026-01-24',
    ]);
  });

  it('labels in Chinese, with 今天 / 明天 and the year only when it differs', () => {
    expect(meetingDayLabel('2026-01-07', '2026-01-07')).toBe('1月7日 周三（今天）');
    expect(meetingDayLabel('2026-01-10', '2026-01-09')).toBe('1月10日 周六（明天）');
    expect(meetingDayLabel('2026-01-14', '2026-01-05')).toBe('1月14日 周三');
    expect(meetingDayLabel('2025-12-31', '2026-01-05')).toBe('2025年12月31日 周三');
  });

  it('a typed day: a real calendar day, today to 60 days ahead', () => {
    expect(meetingDayProblem(undefined, '2026-01-05')).toBe('请选择或填写会议日期');
    expect(meetingDayProblem('2026-02-30', '2026-01-05')).toBe('日期格式应为 YYYY-MM-DD，例如 2026-01-14');
    expect(meetingDayProblem('2026-01-04', '2026-01-05')).toBe('会议日期应在今天到 60 天之内');
    expect(meetingDayProblem('2026-03-07', '2026-01-05')).toBe('会议日期应在今天到 60 天之内');
    expect(meetingDayProblem('2026-03-06', '2026-01-05')).toBeUndefined();
    expect(meetingDayProblem('2026-01-05', '2026-01-05')).toBeUndefined();
  });
});
