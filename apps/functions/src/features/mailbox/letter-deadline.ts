import { addDays, shanghaiDay } from '../../platform/kernel/shanghai-time';
import { slaDeadline } from './letter';
import type { MailboxPorts } from './mailbox.ports';

type DeadlinePorts = Pick<MailboxPorts, 'districtId' | 'rules' | 'letterRules'>;

/** A deadline `rule` working days from now, skipping weekends and the district's holidays. */
export async function letterDeadline(deps: DeadlinePorts, now: Date, rule: 'acceptWorkingDays' | 'replyWorkingDays'): Promise<string> {
  const [rules, off] = await Promise.all([deps.letterRules.get(deps.districtId), holidays(deps, now)]);
  return slaDeadline(now, rules[rule], off);
}

/** District holidays this month and next, so SLA deadlines skip them. */
async function holidays(deps: DeadlinePorts, now: Date): Promise<Set<string>> {
  const day = shanghaiDay(now);
  const months = [day.slice(0, 7), addDays(`${day.slice(0, 7)}-28`, 5).slice(0, 7)];
  const lists = await Promise.all(months.map((m) => deps.rules.listExemptions(deps.districtId, m)));
  return new Set(
    lists
      .flat()
      .filter((e) => !e.branchId)
      .map((e) => e.day),
  );
}
