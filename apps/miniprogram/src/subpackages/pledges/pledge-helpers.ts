import { addMonths, isMonthKey, type Me, type PledgeItemInput, type PledgePeriod, shanghaiDay } from '@chuangxing/shared';

/** The month in the link, else this Shanghai month; never a month ahead of this one. */
export function monthParam(param: string | undefined): string {
  const now = shanghaiDay().slice(0, 7);
  return isMonthKey(param) && param <= now ? param : now;
}

/** The year in the link when it is this year or the next (亮承诺 looks ahead), else this Shanghai year. */
export function yearParam(param: string | undefined): number {
  const now = Number(shanghaiDay().slice(0, 4));
  const asked = Number(param);
  return Number.isInteger(asked) && asked >= 2020 && asked <= now + 1 ? asked : now;
}

export const thisMonth = () => shanghaiDay().slice(0, 7);
export const prevMonth = (m: string) => addMonths(m, -1);
export const nextMonth = (m: string) => addMonths(m, 1);
/** "2026 年 3 月" */
export const monthLabel = (m: string) => `${m.slice(0, 4)} 年 ${Number(m.slice(5, 7))} 月`;

const active = (me: Me | undefined) => (me ? me.bindings.filter((b) => !b.revokedAt) : []);
const onBranch = (me: Me | undefined, branchId: string, roles: readonly string[]) =>
  active(me).some((b) => roles.includes(b.role) && b.scope.level === 'branch' && b.scope.branchId === branchId);

/** The branch's secretary publishes its commitments (the server decides; this only shows the controls). */
export const publishesPledges = (me: Me | undefined, branchId: string) => onBranch(me, branchId, ['secretary']);
/** Its secretary and cadres report the month's progress. */
export const reportsProgress = (me: Me | undefined, branchId: string) => onBranch(me, branchId, ['secretary', 'cadre']);

/** A commitment counts in a month when it is for the whole year or for that month's quarter (as the server reckons). */
export function inForce(period: PledgePeriod, month: string): boolean {
  return period === 'year' || period === `Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A new commitment's id, made on the phone so that its progress follows it through later edits. */
export function newPledgeId(): string {
  const rand = Array.from({ length: 10 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 36)]).join('');
  return `${Date.now().toString(36)}${rand}`;
}

export const blankPledge = (star: PledgeItemInput['star']): PledgeItemInput => ({
  id: newPledgeId(),
  star,
  period: 'year',
  text: '',
  measure: '',
});
