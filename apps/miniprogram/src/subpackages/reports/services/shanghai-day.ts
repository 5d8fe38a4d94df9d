/**
 * Report-page calendar helpers. The Shanghai-day arithmetic itself is shared with the API
 * (@chuangxing/shared), so both sides count days alike.
 */
import { addDays, daysInMonth, shanghaiInstant as instantOf } from '@chuangxing/shared';

export {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatShanghaiDateTime as formatDateTime,
  isDayKey,
  isMonthKey,
  monthOf,
  shanghaiDay,
  shanghaiTime,
} from '@chuangxing/shared';

const utcOf = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** The epoch ms at which a Shanghai day's "HH:MM" happens. */
export function shanghaiInstant(day: string, hhmm: string): number {
  return instantOf(day, hhmm).getTime();
}

export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(utcOf(day)).getUTCDay() + 6) % 7;
}

/** "6月10日 周二" */
export function dayLabel(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 周${WEEKDAY_LABELS[weekdayIndex(day)]}`;
}

/** "2025年6月" */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * The weeks of a month for a Monday-first grid: each week has 7 cells, `undefined` outside the month.
 */
export function monthWeeks(month: string): (string | undefined)[][] {
  const first = `${month}-01`;
  const lead = weekdayIndex(first);
  const cells: (string | undefined)[] = Array.from({ length: lead }, () => undefined);
  for (let i = 0; i < daysInMonth(month); i++) cells.push(addDays(first, i));
  while (cells.length % 7) cells.push(undefined);
  const weeks: (string | undefined)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
