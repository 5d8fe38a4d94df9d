import { type Me, type PledgeItemInput, shanghaiDay } from '@chuangxing/shared';
import { newClientId } from '../../services/month-nav';

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
