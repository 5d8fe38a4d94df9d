import type { Context } from 'aws-lambda';
import { runRankingJob } from '../features/rankings/compute-ranking';
import { quarterToRank } from '../features/rankings/ranking';
import type { RankingsPorts } from '../features/rankings/rankings.ports';
import { rankingsPorts } from '../features/rankings/rankings.wiring';
import { parseConfig } from '../platform/config/config';
import { openSecrets } from '../platform/config/secrets';
import { createJobTracer } from '../platform/observability/job-tracer';
import { createLogger } from '../platform/observability/logger';
import { createPowertoolsMetrics } from '../platform/observability/powertools-metrics';
import { createWiring } from '../platform/wiring';

const config = parseConfig(process.env);
const { logger, powertools } = createLogger('chuangxing-ranking');
const { metrics, flush } = createPowertoolsMetrics('chuangxing-ranking');
const tracer = createJobTracer('chuangxing-ranking');
let wiring: Promise<RankingsPorts> | undefined;

/** Thrown when time ran out between shards: Lambda's retry of the asynchronous invocation resumes from the checkpoints. */
export class RankingIncomplete extends Error {
  constructor(
    readonly quarter: string,
    readonly version: number,
  ) {
    super(`ranking ${quarter} v${version} not complete yet; a retry resumes it`);
    this.name = 'RankingIncomplete';
  }
}

/**
 * EventBridge Scheduler target, at quarter end (and on demand with `{ "quarter": "2026-Q4" }`). It writes a
 * draft ranking; the district admin reviews and publishes it. Shards are checkpointed, so a retry after a
 * timeout or an error continues where the last attempt stopped.
 */
export const handler = (event: unknown, context: Context) =>
  tracer.run('ranking', async () => {
    try {
      return await rank(event, context);
    } finally {
      flush();
    }
  });

async function rank(event: unknown, context: Context) {
  powertools.addContext(context);
  wiring ??= openSecrets(config)
    .then((secrets) => {
      const w = createWiring(config, secrets, undefined, undefined, metrics);
      tracer.captureClient(w.doc);
      return rankingsPorts(w);
    })
    .catch((err) => {
      wiring = undefined;
      throw err;
    });
  const deps = await wiring;
  const quarter = quarterToRank(deps.clock.now(), event);
  const res = await runRankingJob(deps, {
    quarter,
    trigger: 'schedule',
    by: 'schedule',
    timeLeft: () => context.getRemainingTimeInMillis(),
    marginMs: 30_000,
  });
  const summary = {
    quarter,
    version: res.header.version,
    status: res.header.status,
    computedTownships: res.computedTownships,
    townships: res.header.townshipIds.length,
  };
  if (!res.complete) {
    logger.warn('ranking incomplete, will resume on retry', summary);
    throw new RankingIncomplete(quarter, res.header.version);
  }
  logger.info('ranking computed', summary);
  return summary;
}
