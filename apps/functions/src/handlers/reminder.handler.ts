import type { Context } from 'aws-lambda';
import { parseConfig } from '../platform/config/config';
import { openSecrets } from '../platform/config/secrets';
import { createJobTracer } from '../platform/observability/job-tracer';
import { createLogger } from '../platform/observability/logger';
import { createPowertoolsMetrics } from '../platform/observability/powertools-metrics';
import { createWiring } from '../platform/wiring';
import { reminderJobs } from './reminder-jobs';

// Cold start: config is parsed once and a bad one fails the init, loudly.
const config = parseConfig(process.env);
const { logger, powertools } = createLogger('chuangxing-reminders');
const { metrics, flush } = createPowertoolsMetrics('chuangxing-reminders');
const tracer = createJobTracer('chuangxing-reminders');
let jobs: Promise<ReturnType<typeof reminderJobs>> | undefined;

/**
 * EventBridge Scheduler target. The schedule may fire as often as it likes (say every 10 minutes in the
 * evening, Asia/Shanghai): the job itself decides whether it is time and claims the day once.
 */
export const handler = (_event: unknown, context: Context) =>
  tracer.run('reminders', async () => {
    try {
      return await remind(context);
    } finally {
      flush();
    }
  });

async function remind(context: Context) {
  powertools.addContext(context);
  jobs ??= openSecrets(config)
    .then((secrets) => {
      const w = createWiring(config, secrets, undefined, undefined, metrics);
      tracer.captureClient(w.doc);
      return reminderJobs(w);
    })
    .catch((err) => {
      jobs = undefined; // let the next invocation retry a failed secret fetch
      throw err;
    });
  const run = await jobs;
  const summary = await run.reminders();
  const { failedTownships, ...counts } = summary;
  if (failedTownships.length) logger.error('scheduled reminders: some townships failed', { ...counts, failedTownships });
  else logger.info('scheduled reminders', { ...counts });
  // The same schedule keeps the letters' clock: auto-archive and 督办 flags.
  const letters = await run.letters();
  logger.info('letter maintenance', { ...letters });
  const fanouts = await run.fanouts();
  if (fanouts.fanouts) logger.warn('notices left in fan-out records were put in their inboxes', { ...fanouts });
  return { ...counts, letters, fanouts };
}
