import { type LetterMaintenanceSummary, runLetterMaintenance } from '../features/mailbox/run-letter-maintenance';
import { DynamoReminderRunLedger } from '../features/reports/reminder-run-ledger.dynamodb';
import { runScheduledReminders, type ScheduledReminderSummary } from '../features/reports/run-scheduled-reminders';
import type { AppConfig } from '../platform/config/config';
import { createDocumentClient } from '../platform/dynamodb/document-client';
import type { Deps } from '../platform/kernel/deps';

export interface ReminderTimerOptions {
  deps: Deps;
  config: Pick<AppConfig, 'dynamoEndpoint' | 'tableName'>;
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
  const ledger = new DynamoReminderRunLedger(createDocumentClient({ endpoint: opts.config.dynamoEndpoint }), opts.config.tableName);
  let running: Promise<ScheduledReminderSummary | undefined> | undefined;
  const runNow = () => {
    running ??= runScheduledReminders(opts.deps, ledger)
      .then(async (summary) => {
        opts.onRun?.(summary);
        opts.onLetters?.(await runLetterMaintenance(opts.deps));
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
