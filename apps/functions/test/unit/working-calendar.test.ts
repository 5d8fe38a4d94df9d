import { describe, expect, it } from 'vitest';
import { calendarForWorkingDays, calendarOf, districtCalendar } from '../../src/features/reports/reports.readers';
import type { StoredExemption } from '../../src/features/reports/rules-repository';
import { CN_PUBLIC_HOLIDAYS, publicHolidaysBetween } from '../../src/platform/kernel/cn-public-holidays';
import { isWeekend, WorkingCalendar } from '../../src/platform/kernel/working-calendar';

const entry = (day: string, p: Partial<StoredExemption> = {}): StoredExemption => ({
  id: `${day}_${p.branchId ?? 'all'}`,
  districtId: 'erqi',
  day,
  reason: '原因',
  createdBy: 'admin',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...p,
});

describe('the working-day calendar', () => {
  it('Monday to Friday, less holidays, plus 调休 make-up working days', () => {
    const cal = new WorkingCalendar({ holidays: ['2026-12-02'], workdays: ['2026-12-05'] });
    expect(['2026-12-01', '2026-12-02', '2026-12-05', '2026-12-06'].map((d) => cal.isWorkingDay(d))).toEqual([true, false, true, false]);
    // Friday 12-04 + 1: the make-up Saturday; + 2: Monday.
    expect(cal.addWorkingDays('2026-12-04', 1)).toBe('2026-12-05');
    expect(cal.addWorkingDays('2026-12-04', 2)).toBe('2026-12-07');
    expect(cal.workingDaysBetween('2026-11-30', '2026-12-08')).toEqual([
      '2026-12-01',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-07',
    ]);
    expect(cal.addWorkingDays('2026-12-04', 0)).toBe('2026-12-04');
  });

  it('2026 as the State Council published it: 国庆 and 中秋 off, the make-up Sundays and Saturdays worked', () => {
    const cal = calendarOf([], '2026-09-01', '2026-10-31');
    expect(cal.isWorkingDay('2026-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-10-07')).toBe(false); // a Wednesday, still 国庆
    expect(cal.isWorkingDay('2026-09-25')).toBe(false); // 中秋, a Friday
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // a Sunday worked
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // a Saturday worked
    // From Wednesday 09-30, two working days: 10-08 and 10-09 (without the calendar it would be 10-02).
    expect(cal.addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('the district’s own entries win over the national ones; a branch’s leave changes nobody’s working days', () => {
    const cal = calendarOf(
      [
        entry('2026-10-10', { reason: '本区不调休' }), // a national make-up day the district keeps off
        entry('2026-10-07', { kind: 'workday', reason: '本区提前上班' }), // a national holiday the district works
        entry('2026-12-05', { kind: 'workday' }),
        entry('2026-12-07'),
        entry('2026-12-08', { branchId: 'b1', townshipId: 't1' }),
      ],
      '2026-09-01',
      '2026-12-31',
    );
    expect(['2026-10-10', '2026-10-07', '2026-12-05', '2026-12-07', '2026-12-08'].map((d) => cal.isWorkingDay(d))).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
  });

  it('the published data is consistent: make-up days are weekends, no day is both, 33 holidays in 2026', () => {
    for (const { holidays, workdays } of Object.values(CN_PUBLIC_HOLIDAYS)) {
      expect(workdays.every(isWeekend)).toBe(true);
      expect(workdays.filter((d) => holidays.includes(d))).toEqual([]);
      expect(new Set(holidays).size).toBe(holidays.length);
    }
    expect(CN_PUBLIC_HOLIDAYS[2026].holidays).toHaveLength(33);
    expect(publicHolidaysBetween('2026-02-14', '2026-02-28')).toEqual({
      holidays: [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ],
      workdays: ['2026-02-14', '2026-02-28'],
    });
    expect(publicHolidaysBetween('2027-01-01', '2027-12-31')).toEqual({ holidays: [], workdays: [] });
  });

  it('reads one query per month of the span, and further when holidays push the nth working day past it', async () => {
    const asked: string[] = [];
    // Two weeks of district holidays right after the start.
    const days = Array.from({ length: 14 }, (_, i) => `2026-11-${17 + i}`); // 11-17 … 11-30
    const reader = {
      listCalendar: async (_d: string, month: string) => {
        asked.push(month);
        return days.filter((d) => d.startsWith(month)).map((d) => entry(d));
      },
    };
    const cal = await districtCalendar(reader, 'erqi', '2026-11-27', '2027-01-05');
    expect(asked).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(cal.isWorkingDay('2026-11-27')).toBe(false);
    asked.length = 0;
    const far = await calendarForWorkingDays(reader, 'erqi', '2026-11-16', 10);
    expect(far.addWorkingDays('2026-11-16', 10)).toBe('2026-12-14');
    expect(asked.length).toBeGreaterThan(1);
  });
});
