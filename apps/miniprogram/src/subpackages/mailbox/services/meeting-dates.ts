import { addDays, daysBetween, isDayKey, shanghaiDay } from '@chuangxing/shared';

/** How far ahead a 半月谈 may be planned (the server refuses later dates with the same words). */
export const MEETING_MAX_DAYS_AHEAD = 60;

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 0 = Sunday … 6 = Saturday, of a calendar day (no time zone involved). */
export function weekdayOf(day: string): number {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay();
}

/**
 * The date chips: the next 4 Wednesdays and the next 4 Saturdays (the days communities usually meet),
 * Shanghai days, today included, in date order.
 */
export function meetingDayChoices(today: string = shanghaiDay()): string[] {
  const out: string[] = [];
  for (let i = 0; i < 28; i++) {
    const day = addDays(today, i);
    const wd = weekdayOf(day);
    if (wd === 3 || wd === 6) out.push(day);
  }
  return out;
}

/** "1月14日 周三" (with the year when it is not this year's), with 今天 / 明天 when it is. */
export function meetingDayLabel(day: string, today: string = shanghaiDay()): string {
  const year = day.slice(0, 4) === today.slice(0, 4) ? '' : `${day.slice(0, 4)}年`;
  const base = `${year}${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${WEEKDAYS[weekdayOf(day)]}`;
  const ahead = daysBetween(today, day);
  if (ahead === 0) return `${base}（今天）`;
  if (ahead === 1) return `${base}（明天）`;
  return base;
}

/** A typed date is checked before it is sent: the problem to show, or undefined. */
export function meetingDayProblem(day: string | undefined, today: string = shanghaiDay()): string | undefined {
  if (!day) return '请选择或填写会议日期';
  if (!isDayKey(day)) return '日期格式应为 YYYY-MM-DD，例如 2026-01-14';
  const ahead = daysBetween(today, day);
  if (ahead < 0 || ahead > MEETING_MAX_DAYS_AHEAD) return `会议日期应在今天到 ${MEETING_MAX_DAYS_AHEAD} 天之内`;
  return undefined;
}
