import { addDays } from './shanghai-time';

/** Monday–Friday, for a Shanghai calendar day (`yyyy-mm-dd`, which needs no time zone). */
export const isWeekday = (day: string) => {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
};

export const isWeekend = (day: string) => !isWeekday(day);

/**
 * The one working-day calendar: Monday to Friday, less the holidays, plus the 调休 make-up working days (a
 * weekend day worked in exchange for a longer holiday). The letters' SLA and 倒排工期 both count with it.
 * Built from the State Council's published arrangement and the district's own entries over it (see
 * features/reports/working-calendar.ts); a day the district recorded wins over the national one.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;

  constructor(days: { holidays?: Iterable<string>; workdays?: Iterable<string> } = {}) {
    this.holidays = new Set(days.holidays ?? []);
    this.workdays = new Set(days.workdays ?? []);
  }

  isWorkingDay(day: string): boolean {
    if (this.workdays.has(day)) return true;
    return isWeekday(day) && !this.holidays.has(day);
  }

  /** The `n`th working day after `fromDay` (`fromDay` itself never counts). */
  addWorkingDays(fromDay: string, n: number): string {
    let day = fromDay;
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** The working days strictly between `afterDay` and `beforeDay`, in order. */
  workingDaysBetween(afterDay: string, beforeDay: string): string[] {
    const days: string[] = [];
    for (let d = addDays(afterDay, 1); d < beforeDay; d = addDays(d, 1)) if (this.isWorkingDay(d)) days.push(d);
    return days;
  }
}
