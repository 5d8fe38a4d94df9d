/**
 * Dates for people are shown in Asia/Shanghai time. China has had no daylight saving time since 1991,
 * so a fixed +08:00 offset is exact, and it does not depend on Intl time-zone data, which old
 * WeChat clients lack.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

function shanghaiParts(iso: string) {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** "2026-11-30 10:00" in Beijing time; "" for an unreadable timestamp. */
export function formatShanghaiDateTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return '';
  const { date, time } = shanghaiParts(iso);
  return `${date} ${time}`;
}

/** "2026-11-30" in Beijing time; "" for an unreadable timestamp. */
export function formatShanghaiDate(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return '';
  return shanghaiParts(iso).date;
}
