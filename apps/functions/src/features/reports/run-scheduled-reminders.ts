import { shanghaiDay, shanghaiInstant, shanghaiTime } from '../../platform/kernel/shanghai-time';
import { remindTownship } from './remind-missing';
import type { ReminderRunLedger } from './reminder-run-ledger';
import type { ReportsPorts } from './reports.ports';

export interface ScheduledReminderSummary {
  day: string;
  /** Shanghai HH:MM when the job ran. */
  time: string;
  /** sent: this run claimed the day and reminded; the others did nothing. */
  outcome: 'sent' | 'too_early' | 'after_deadline' | 'already_ran';
  reminderTime: string;
  deadline: string;
  townships: number;
  /** Branches still missing the day's report when reminded. */
  branches: number;
  /** Reminders that also went out on WeChat, and how many were written to inboxes. */
  recipients: number;
  attempted: number;
  /** Missing branches with nobody bound (nobody told), and people told in the 消息中心 only. */
  unbound: number;
  inboxOnly: number;
  /** Townships whose reminders failed (logged by the caller); the others were still reminded. */
  failedTownships: { townshipId: string; error: string }[];
}

const CONCURRENCY = 4;

/**
 * The scheduled reminder for the whole district (EventBridge Scheduler in AWS, a one-minute timer
 * locally). It may run as often as wanted: between the district's reminderTime and the deadline
 * (Asia/Shanghai) the first run of the day claims the day with a conditional put, before sending
 * anything, and only that run reminds. Reminders are at most once per day: a run that crashes after its
 * claim is not repeated, since a second wave of messages is worse than a missed one.
 */
export async function runScheduledReminders(deps: ReportsPorts, ledger: ReminderRunLedger): Promise<ScheduledReminderSummary> {
  const now = deps.clock.now();
  const day = shanghaiDay(now);
  const rules = await deps.rules.getDailyRules(deps.districtId);
  const summary: ScheduledReminderSummary = {
    day,
    time: shanghaiTime(now),
    outcome: 'sent',
    reminderTime: rules.reminderTime,
    deadline: rules.deadline,
    townships: 0,
    branches: 0,
    recipients: 0,
    attempted: 0,
    unbound: 0,
    inboxOnly: 0,
    failedTownships: [],
  };
  if (now.getTime() < shanghaiInstant(day, rules.reminderTime).getTime()) return { ...summary, outcome: 'too_early' };
  if (now.getTime() >= shanghaiInstant(day, rules.deadline).getTime()) return { ...summary, outcome: 'after_deadline' };
  if (!(await ledger.claim(deps.districtId, day, now))) return { ...summary, outcome: 'already_ran' };

  const townships = await deps.org.listTownships(deps.districtId);
  const queue = [...townships];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      try {
        const r = await remindTownship(deps, t.id, day);
        summary.townships++;
        summary.branches += r.branches;
        summary.recipients += r.recipients;
        summary.attempted += r.attempted;
        summary.unbound += r.unbound.length;
        summary.inboxOnly += r.inboxOnly.length;
      } catch (err) {
        summary.failedTownships.push({ townshipId: t.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, townships.length) }, worker));
  await ledger
    .complete(deps.districtId, day, {
      finishedAt: deps.clock.now().toISOString(),
      townships: summary.townships,
      branches: summary.branches,
      recipients: summary.recipients,
      attempted: summary.attempted,
      unbound: summary.unbound,
      inboxOnly: summary.inboxOnly,
      failedTownships: summary.failedTownships.map((f) => f.townshipId),
    })
    .catch(() => undefined);
  return summary;
}
