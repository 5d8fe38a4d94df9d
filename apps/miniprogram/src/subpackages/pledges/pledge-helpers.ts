import { type Me, type PledgeItemInput, shanghaiDay } from '@chuangxing/shared';
import { newClientId } from '../../services/month-nav';
import { PAGES } from '../../services/routes';

export { monthLabel, monthParam, nextMonth, prevMonth, thisMonth } from '../../services/month-nav';

/** The year in the link when it is this year or the next (亮承诺 looks ahead), else this Shanghai year. */
export function yearParam(param: string | undefined): number {
  const now = Number(shanghaiDay().slice(0, 4));
  const asked = Number(param);
  return Number.isInteger(asked) && asked >= 2020 && asked <= now + 1 ? asked : now;
}

const active = (me: Me | undefined) => (me ? me.bindings.filter((b) => !b.revokedAt) : []);
const onBranch = (me: Me | undefined, branchId: string, roles: readonly string[]) =>
  active(me).some((b) => roles.includes(b.role) && b.scope.level === 'branch' && b.scope.branchId === branchId);

/** The branch's secretary publishes its commitments (the server decides; this only shows the controls). */
export const publishesPledges = (me: Me | undefined, branchId: string) => onBranch(me, branchId, ['secretary']);
/** Its secretary and cadres report the month's progress. */
export const reportsProgress = (me: Me | undefined, branchId: string) => onBranch(me, branchId, ['secretary', 'cadre']);

export const blankPledge = (star: PledgeItemInput['star']): PledgeItemInput => ({
  // Made on the phone, so that its progress follows it through later edits.
  id: newClientId(),
  star,
  period: 'year',
  text: '',
  measure: '',
});

const QUARTER_NAMES = ['一', '二', '三', '四'];
/** `2026-Q3` → 2026年第三季度 (as the 述职评议 pages say it). */
export const quarterLabel = (quarter: string) => `${quarter.slice(0, 4)}年第${QUARTER_NAMES[Number(quarter.slice(6)) - 1] ?? ''}季度`;

/**
 * Where the caller opens a closed 述职评议 in full, if anywhere (the server decides; this only offers the link):
 * a secretary of the township their branch's own result; its staff, a leader or district admin covering it every result.
 */
export function appraisalLink(me: Me | undefined, townshipId: string, quarter: string): string | undefined {
  const bindings = active(me);
  const own = bindings.find((b) => b.role === 'secretary' && b.scope.level === 'branch' && b.scope.townshipId === townshipId);
  if (own?.scope.level === 'branch') return PAGES.appraisalMine(townshipId, quarter, own.scope.branchId);
  const covers = bindings.some((b) => {
    if (!['township_staff', 'leader', 'district_admin'].includes(b.role)) return false;
    return b.scope.level === 'district' || (b.scope.level === 'township' && b.scope.townshipIds.includes(townshipId));
  });
  return covers ? PAGES.appraisalManage(townshipId, quarter) : undefined;
}
