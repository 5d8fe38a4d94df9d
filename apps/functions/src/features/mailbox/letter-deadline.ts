import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { calendarForWorkingDays } from '../reports/reports.readers';
import { slaDeadline } from './letter';
import type { MailboxPorts } from './mailbox.ports';

type DeadlinePorts = Pick<MailboxPorts, 'districtId' | 'calendar' | 'letterRules'>;

/** A deadline `rule` working days from now, on the district's working-day calendar (holidays, 调休). */
export async function letterDeadline(deps: DeadlinePorts, now: Date, rule: 'acceptWorkingDays' | 'replyWorkingDays'): Promise<string> {
  const n = (await deps.letterRules.get(deps.districtId))[rule];
  return slaDeadline(now, n, await calendarForWorkingDays(deps.calendar, deps.districtId, shanghaiDay(now), n));
}
