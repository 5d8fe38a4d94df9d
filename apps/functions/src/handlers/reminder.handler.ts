import type { Context } from 'aws-lambda';
import { createDocumentClient } from '../adapters/dynamodb/dynamo-client';
import { DynamoReminderRunLedger } from '../adapters/dynamodb/reminder-run-ledger.dynamodb';
import { parseConfig } from '../config/config';
import { loadSecrets } from '../config/secrets';
import { createLogger } from '../observability/logger';
import type { Deps } from '../ports/deps';
import type { ReminderRunLedger } from '../ports/reminder-run-ledger';
import { runLetterMaintenance } from '../use-cases/letter-maintenance';
import { runScheduledReminders } from '../use-cases/run-scheduled-reminders';
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
