import type { Me } from '@chuangxing/shared';

export { monthLabel, monthParam, newClientId as newItemId, nextMonth, prevMonth, thisMonth } from '../../services/month-nav';

/** The branch's own 支部干部 / 书记 keep its lists (the server decides; this only shows the controls). */
export function keepsLists(me: Me | undefined, branchId: string): boolean {
  return !!me?.bindings.some(
    (b) => !b.revokedAt && (b.role === 'cadre' || b.role === 'secretary') && b.scope.level === 'branch' && b.scope.branchId === branchId,
  );
}
