import { addMonths, isMonthKey, type Me, shanghaiDay } from '@chuangxing/shared';

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

/** The branch's own 支部干部 / 书记 keep its lists (the server decides; this only shows the controls). */
export function keepsLists(me: Me | undefined, branchId: string): boolean {
  return !!me?.bindings.some(
    (b) => !b.revokedAt && (b.role === 'cadre' || b.role === 'secretary') && b.scope.level === 'branch' && b.scope.branchId === branchId,
  );
}

/** A new item's id, made on the phone so that a retried add is recognised (16–32 letters and digits). */
export function newItemId(): string {
  const rand = Array.from({ length: 14 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 36)]).join('');
  return `${Date.now().toString(36)}${rand}`;
}
