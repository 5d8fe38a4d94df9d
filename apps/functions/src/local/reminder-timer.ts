import type { LetterMaintenanceSummary } from '../features/mailbox/run-letter-maintenance';
import type { ScheduledReminderSummary } from '../features/reports/run-scheduled-reminders';
import { reminderJobs } from '../handlers/reminder-jobs';
import type { Wiring } from '../platform/wiring';

export interface ReminderTimerOptions {
  /** The local stack's wiring: the jobs run against its table, notifier and clock. */
  wiring: Wiring;
  intervalMs?: number;
  /** Called after every run (most do nothing: outcome too_early, after_deadline or already_ran). */
  onRun?: (summary: ScheduledReminderSummary) => void;
  onError?: (err: unknown) => void;
  /** Called after the letters' maintenance that follows each run. */
  onLetters?: (summary: LetterMaintenanceSummary) => void;
}

/**
 * The local stand-in for EventBridge Scheduler: the same jobs as reminder.handler (reminders, then the
 * letters' maintenance), against the local
 * stack's deps, once at start and then every minute. Runs never overlap.
 */
export function startReminderTimer(opts: ReminderTimerOptions) {
  const jobs = reminderJobs(opts.wiring);
  let running: Promise<ScheduledReminderSummary | undefined> | undefined;
  const runNow = () => {
    running ??= jobs
      .reminders()
      .then(async (summary) => {
        opts.onRun?.(summary);
        opts.onLetters?.(await jobs.letters());
        await jobs.fanouts();
        return summary;
      })
      .catch((err: unknown) => {
        opts.onError?.(err);
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  void runNow();
  const timer = setInterval(() => void runNow(), opts.intervalMs ?? 60_000);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
