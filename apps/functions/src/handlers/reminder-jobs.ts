import { inboxRepository } from '../features/inbox/inbox.wiring';
import { mailboxPorts } from '../features/mailbox/mailbox.wiring';
import { type LetterMaintenanceSummary, runLetterMaintenance } from '../features/mailbox/run-letter-maintenance';
import { reminderRunLedger, reportsPorts } from '../features/reports/reports.wiring';
import { runScheduledReminders, type ScheduledReminderSummary } from '../features/reports/run-scheduled-reminders';
import { expandLeftoverFanouts } from '../platform/notify/notices';
import type { Wiring } from '../platform/wiring';

export interface ReminderJobsSummary {
  reminders: ScheduledReminderSummary;
  letters: LetterMaintenanceSummary;
}

/**
 * The scheduled jobs of one wake-up: the daily-report reminders (claimed once a day through the ledger),
 * then the letters' clock (auto-archive and 督办 flags), then notices a stopped process left in fan-out
 * records. The Lambda handler and the local timer share it.
 */
export function reminderJobs(w: Wiring) {
  const reports = reportsPorts(w);
  const mailbox = mailboxPorts(w);
  const ledger = reminderRunLedger(w);
  return {
    reminders: () => runScheduledReminders(reports, ledger),
    letters: () => runLetterMaintenance(mailbox),
    fanouts: () => expandLeftoverFanouts({ inbox: inboxRepository(w), clock: w.clock }),
  };
}
