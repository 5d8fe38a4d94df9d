import type { RemindResult, Role } from '@chuangxing/shared';
import { forbiddenScope, invalid, notFound } from '../../platform/kernel/domain-error';
import { activeBindings, type Binding, bindingsFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import { daysBetween, shanghaiDay, shanghaiInstant } from '../../platform/kernel/shanghai-time';
import type { NoticeDraft } from '../../platform/notify/notice';
import { computeTownshipCompliance } from './get-township-compliance';
import type { ReportsPorts } from './reports.ports';

/** Who is reminded: the people who file a branch's report. */
const FILER_ROLES: readonly Role[] = ['cadre', 'secretary'];

export interface TownshipReminder extends RemindResult {
  townshipId: string;
  /** Notices written to inboxes; `recipients` counts those WeChat (locally, the outbox) also delivered. */
  attempted: number;
}

/** `2026-11-27` → `11月27日` */
function dayLabel(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

export function reminderBody(branchName: string, day: string, deadline: string, deadlinePassed: boolean): string {
  const what = `${branchName}${dayLabel(day)}的日报尚未提交`;
  return deadlinePassed ? `${what}，已过${deadline}截止时间，请尽快补报` : `${what}，请在${deadline}前提交`;
}

export function reportEditPage(branchId: string, day: string): string {
  return `subpackages/reports/pages/edit/index?branchId=${encodeURIComponent(branchId)}&day=${day}`;
}

/** The active cadres and secretaries bound to each branch of a township, once per person and branch. */
export function filersByBranch(bindings: readonly Binding[]): Map<string, Binding[]> {
  const out = new Map<string, Binding[]>();
  for (const b of activeBindings([...bindings])) {
    if (!FILER_ROLES.includes(b.role) || b.scope.level !== 'branch') continue;
    const list = out.get(b.scope.branchId) ?? [];
    // A cadre who is also its secretary is one person to remind.
    if (!list.some((x) => x.userId === b.userId)) list.push(b);
    out.set(b.scope.branchId, list);
  }
  return out;
}

/**
 * Reminds the cadres and secretaries of every branch of one township still missing `day`'s report, and says
 * what happened: the branches reached, those with nobody bound (nobody told), and the people reached in the
 * 消息中心 only. Reads: the township's compliance (O(branches)) and the township's bindings (one query). No
 * authorization here: the route (remindMissing) and the scheduled job decide who may call it.
 */
export async function remindTownship(deps: ReportsPorts, townshipId: string, day: string): Promise<TownshipReminder> {
  const compliance = await computeTownshipCompliance(deps, townshipId, day);
  const missing = compliance.branches.filter((b) => b.status === 'missing');
  const empty = { townshipId, day, branches: 0, recipients: 0, attempted: 0, reached: [], unbound: [], inboxOnly: [] };
  if (missing.length === 0) return empty;

  const filers = filersByBranch(await deps.users.listBindings(deps.districtId, townshipId));
  const deadline = shanghaiInstant(day, compliance.deadline).toISOString();
  const targets: { binding: Binding; branch: (typeof missing)[number] }[] = [];
  for (const branch of missing) for (const binding of filers.get(branch.branchId) ?? []) targets.push({ binding, branch });
  const drafts: NoticeDraft[] = targets.map(({ binding: b, branch }) => ({
    kind: 'daily_reminder',
    recipientUserId: b.userId,
    recipientName: b.holderName ?? '',
    title: '日报提醒',
    body: reminderBody(branch.name, day, compliance.deadline, compliance.deadlinePassed),
    page: reportEditPage(branch.branchId, day),
    fields: {
      subject: `${branch.name}${dayLabel(day)}日报`,
      deadline,
      note: compliance.deadlinePassed ? '已过截止时间，请尽快补报' : '尚未提交，请按时填报',
    },
  }));
  // The reminder is the event: its notices are written in their own transaction, then pushed where consented.
  const report = drafts.length ? await deps.notices.post(drafts) : { sent: 0, results: [] };
  const onWechat = new Set(report.results.flatMap((r, i) => (r.outcome === 'sent' ? [i] : [])));
  return {
    townshipId,
    day,
    branches: missing.length,
    recipients: report.sent,
    attempted: drafts.length,
    reached: missing.flatMap((b) => {
      const people = filers.get(b.branchId)?.length ?? 0;
      return people ? [{ branchId: b.branchId, name: b.name, people }] : [];
    }),
    unbound: missing.filter((b) => !filers.get(b.branchId)?.length).map((b) => ({ branchId: b.branchId, name: b.name })),
    inboxOnly: targets.flatMap(({ binding, branch }, i) =>
      onWechat.has(i)
        ? []
        : [{ userId: binding.userId, name: binding.holderName ?? '', branchId: branch.branchId, branchName: branch.name }],
    ),
  };
}

/**
 * One tap: the township's staff (or a district admin) remind the missing branches. The day defaults to
 * today (Asia/Shanghai); it may be an earlier day that can still be filed, never a future one.
 */
export async function remindMissing(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  day?: string,
): Promise<RemindResult> {
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  if (!bindingsFor(principal, allowed).some((b) => managesTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const now = deps.clock.now();
  const target = day ?? shanghaiDay(now);
  const age = daysBetween(target, shanghaiDay(now));
  if (age < 0) throw invalid('body.day', '不能提醒未来日期的日报', 'future_day');
  if (age > 0) {
    const rules = await deps.rules.getDailyRules(deps.districtId);
    if (age > rules.maxBackfillDays) throw invalid('body.day', '该日已超过补报期限，提醒后也无法提交', 'too_old');
  }
  const r = await remindTownship(deps, townshipId, target);
  return { day: r.day, branches: r.branches, recipients: r.recipients, reached: r.reached, unbound: r.unbound, inboxOnly: r.inboxOnly };
}

/**
 * The people who file each branch's report, with the work phone they gave: the township's missing-branch
 * list offers a call. Only the township's managers (its staff, a district admin) see the phones.
 */
export async function listBranchFilers(deps: ReportsPorts, principal: Principal, allowed: readonly Role[], townshipId: string) {
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  if (!bindingsFor(principal, allowed).some((b) => managesTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const filers = filersByBranch(await deps.users.listBindings(deps.districtId, townshipId));
  // Names and work phones are the people's own, as they confirmed them (identity's profiles).
  const people = await deps.people.peopleOf([...new Set([...filers.values()].flat().map((b) => b.userId))]);
  return {
    branches: [...filers.entries()].map(([branchId, list]) => ({
      branchId,
      filers: list.map((b) => {
        const person = people.get(b.userId);
        return {
          userId: b.userId,
          name: person?.displayName ?? b.holderName ?? '',
          role: b.role as 'cadre' | 'secretary',
          ...(person?.workPhone ? { phone: person.workPhone } : {}),
        };
      }),
    })),
  };
}
