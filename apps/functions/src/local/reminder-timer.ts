import { createDocumentClient } from '../adapters/dynamodb/dynamo-client';
import { DynamoReminderRunLedger } from '../adapters/dynamodb/reminder-run-ledger.dynamodb';
import type { AppConfig } from '../config/config';
import type { Deps } from '../ports/deps';
import { type LetterMaintenanceSummary, runLetterMaintenance } from '../use-cases/letter-maintenance';
import { runScheduledReminders, type ScheduledReminderSummary } from '../use-cases/run-scheduled-reminders';

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
