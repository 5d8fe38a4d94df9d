/**
 * Asia/Shanghai calendar arithmetic for both sides. China has kept UTC+8 with no daylight saving since
 * 1991, so a fixed offset is exact: no server time zone, no device zone and no Intl data (old WeChat
 * clients lack it) are ever consulted.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const msOf = (at: Date | number) => (typeof at === 'number' ? at : at.getTime());
const utcOf = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const dayOfUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The Shanghai day (`YYYY-MM-DD`) an instant falls on. */
export function shanghaiDay(at: Date | number = Date.now()): string {
  return dayOfUtc(msOf(at) + OFFSET_MS);
}

/** `HH:MM`, Shanghai wall clock. */
export function shanghaiTime(at: Date | number): string {
  return new Date(msOf(at) + OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant at `HH:MM` Shanghai time on `day`. */
export function shanghaiInstant(day: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(utcOf(day) + (h * 60 + m) * 60_000 - OFFSET_MS);
}

export function isDayKey(value: string | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOfUtc(utcOf(value)) === value;
}

export function isMonthKey(value: string | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function addDays(day: string, n: number): string {
  return dayOfUtc(utcOf(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcOf(b) - utcOf(a)) / DAY_MS);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const m = Number(month.slice(5, 7)) - 1 + n;
  return `${Number(month.slice(0, 4)) + Math.floor(m / 12)}-${pad((((m % 12) + 12) % 12) + 1)}`;
}

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

export function daysOfMonth(month: string): string[] {
  return Array.from({ length: daysInMonth(month) }, (_, i) => `${month}-${pad(i + 1)}`);
}

/** `2026-Q4` */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** "2026-11-30" in Shanghai; "" for an unreadable timestamp. */
export function formatShanghaiDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : shanghaiDay(t);
}

/** "2026-11-30 10:00" in Shanghai; "" for an unreadable timestamp. */
export function formatShanghaiDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : `${shanghaiDay(t)} ${shanghaiTime(t)}`;
}
