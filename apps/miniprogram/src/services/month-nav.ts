import { addMonths, isMonthKey, shanghaiDay } from '@chuangxing/shared';

/** The month pages that step month by month (学讲评, 亮赛比擂台) share: Asia/Shanghai months, keyed yyyy-mm. */

/** The month in the link, else this Shanghai month; never a month ahead of this one. */
export function monthParam(param: string | undefined): string {
  const now = shanghaiDay().slice(0, 7);
  return isMonthKey(param) && param <= now ? param : now;
}

export const thisMonth = () => shanghaiDay().slice(0, 7);
export const prevMonth = (m: string) => addMonths(m, -1);
export const nextMonth = (m: string) => addMonths(m, 1);

/** "2026 年 3 月" */
export const monthLabel = (m: string) => `${m.slice(0, 4)} 年 ${Number(m.slice(5, 7))} 月`;

/** A new record's id, made on the phone so that a retried write is recognised (about 22 letters and digits). */
export function newClientId(): string {
  const rand = Array.from({ length: 14 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 36)]).join('');
  return `${Date.now().toString(36)}${rand}`;
}
