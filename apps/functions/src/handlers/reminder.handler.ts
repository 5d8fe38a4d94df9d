import type { Context } from 'aws-lambda';
import { runLetterMaintenance } from '../features/mailbox/run-letter-maintenance';
import type { ReminderRunLedger } from '../features/reports/reminder-run-ledger';
import { DynamoReminderRunLedger } from '../features/reports/reminder-run-ledger.dynamodb';
import { runScheduledReminders } from '../features/reports/run-scheduled-reminders';
import { parseConfig } from '../platform/config/config';
import { loadSecrets } from '../platform/config/secrets';
import { createDocumentClient } from '../platform/dynamodb/document-client';
import type { Deps } from '../platform/kernel/deps';
import { createLogger } from '../platform/observability/logger';
import { composeDeps } from './compose';

// Cold start: config is parsed once and a bad one fails the init, loudly.
const config = parseConfig(process.env);
const { logger, powertools } = createLogger('chuangxing-reminders');
let wiring: Promise<{ deps: Deps; ledger: ReminderRunLedger }> | undefined;

async function build() {
  const secrets = await loadSecrets(config);
  const deps = composeDeps(config, secrets);
  const ledger = new DynamoReminderRunLedger(createDocumentClient({ endpoint: config.dynamoEndpoint }), config.tableName);
  return { deps, ledger };
}

/**
 * EventBridge Scheduler target. The schedule may fire as often as it likes (say every 10 minutes in the
 * evening, Asia/Shanghai): the job itself decides whether it is time and claims the day once.
 */
export const handler = async (_event: unknown, context: Context) => {
  powertools.addContext(context);
  wiring ??= build().catch((err) => {
    wiring = undefined; // let the next invocation retry a failed secret fetch
    throw err;
  });
  const { deps, ledger } = await wiring;
  const summary = await runScheduledReminders(deps, ledger);
  const { failedTownships, ...counts } = summary;
  if (failedTownships.length) logger.error('scheduled reminders: some townships failed', { ...counts, failedTownships });
  else logger.info('scheduled reminders', { ...counts });
  // The same schedule keeps the letters' clock: auto-archive and 督办 flags.
  const letters = await runLetterMaintenance(deps);
  logger.info('letter maintenance', { ...letters });
  return { ...counts, letters };
};
