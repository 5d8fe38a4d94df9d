/**
 * Days of the daily report are Asia/Shanghai days. China has no daylight saving time, so a fixed
 * +08:00 offset is exact and does not depend on the device's zone or on Intl data (old WeChat
 * clients lack it).
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The Shanghai wall clock of an instant, as UTC fields of a shifted Date. */
const wall = (epochMs: number) => new Date(epochMs + OFFSET_MS);

/** "YYYY-MM-DD" of the Shanghai day at this instant. */
export function shanghaiDay(epochMs: number = Date.now()): string {
  const d = wall(epochMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "HH:MM" in Shanghai at this instant. */
export function shanghaiTime(epochMs: number): string {
  const d = wall(epochMs);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2025-06-10 21:30" in Shanghai; "" for an unreadable timestamp. */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return `${shanghaiDay(t)} ${shanghaiTime(t)}`;
}

const utcOf = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const dayOfUtc = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

export function isDayKey(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return dayOfUtc(utcOf(value)) === value;
}

export function addDays(day: string, n: number): string {
  return dayOfUtc(utcOf(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcOf(b) - utcOf(a)) / DAY_MS);
}

/** The instant a Shanghai day's "HH:MM" happens. */
export function shanghaiInstant(day: string, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return utcOf(day) + (h * 60 + m) * 60_000 - OFFSET_MS;
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

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function isMonthKey(value: string | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${pad(mm + 1)}`;
}

export function daysInMonth(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
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
