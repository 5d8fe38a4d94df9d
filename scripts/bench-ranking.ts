/**
 * `npm run bench:ranking`: the quarterly ranking job of issue 6 on DynamoDB Local (in memory).
 * - Scale: a quarter for 5,000 and 50,000 synthetic branches (25 per township, as in a province), each with
 *   its quarter report counters, 三率 counters, an observation result and (half of them) an approved plan.
 *   Time, DynamoDB requests by operation, and peak memory of the job.
 * - Reports don't matter: the same 500 branches with 9 and with 90 real daily reports each (as stored by
 *   the report feature, counters consistent) → the same request count, because the job reads rollups only.
 * - Awarded stars: every branch holds a baseline of 2–5 stars, some won one in the quarter, a few lost one (撤星);
 *   every township closed its quarter's 述职评议 (比干劲) session.
 * - The floor: the job's DynamoDB requests are recorded and replayed raw through the SDK on an identically seeded
 *   table, in the job's causal order (scripts/bench/dynamo-replay.ts); the job's wall time is printed as a ratio.
 * Set BENCH_SIZES=5000 to skip the 50,000 run. Writes .artifacts/bench-ranking.json. A benchmark, not a test.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { appraisalEntities } from '@chuangxing/functions/features/appraisals/appraisals.entities';
import { inspectionEntities } from '@chuangxing/functions/features/inspections/inspections.entities';
import { mailboxEntities } from '@chuangxing/functions/features/mailbox/mailbox.entities';
import { observationResultItem } from '@chuangxing/functions/features/observations/observations.entities';
import { branchItem, orgEntities, townshipItem } from '@chuangxing/functions/features/org/org.entities';
import { runRankingJob } from '@chuangxing/functions/features/rankings/compute-ranking';
import type { RankingsPorts } from '@chuangxing/functions/features/rankings/rankings.ports';
import { rankingsPorts } from '@chuangxing/functions/features/rankings/rankings.wiring';
import { reportsEntities } from '@chuangxing/functions/features/reports/reports.entities';
import { starEntities } from '@chuangxing/functions/features/stars/stars.entities';
import { startDynamoLocal } from '@chuangxing/functions/local/dynamo-local';
import { batchPut } from '@chuangxing/functions/local/seed';
import { parseConfig } from '@chuangxing/functions/platform/config/config';
import { createDocumentClient } from '@chuangxing/functions/platform/dynamodb/document-client';
import { createTableInput } from '@chuangxing/functions/platform/dynamodb/table-definition';
import { createWiring } from '@chuangxing/functions/platform/wiring';
import { DEFAULT_APPRAISAL_FORM, STAR_SETS } from '@chuangxing/shared';
import { installRequestCounter, record, replay, requestCounts } from './bench/dynamo-replay';

const ROOT = resolve(__dirname, '..');
const SIZES = (process.env.BENCH_SIZES ?? '5000,50000').split(',').map(Number);
const PER_TOWNSHIP = 25;
/** Measured rounds per size (BENCH_ROUNDS overrides): three where a round takes seconds, two at 50,000. */
const ROUNDS = (n: number) => Number(process.env.BENCH_ROUNDS ?? (n <= 5000 ? 3 : 2));
const D = 'bench';
const NOW = new Date('2026-10-01T02:00:00.000Z'); // 10:00 on 1 October in Shanghai: Q3 is over

installRequestCounter();
const snapshot = requestCounts;
const diff = (before: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...requestCounts()].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, v]) => v > 0));
const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

async function parallelPut(doc: ReturnType<typeof createDocumentClient>, table: string, items: Record<string, unknown>[], lanes = 8) {
  const size = Math.ceil(items.length / lanes);
  await Promise.all(Array.from({ length: lanes }, (_, k) => batchPut(doc, table, items.slice(k * size, (k + 1) * size))));
}

/** The ranking's own ports, as the job's Lambda wires them, over the bench's (request-counting) client and table. */
function depsFor(doc: ReturnType<typeof createDocumentClient>, table: string): RankingsPorts {
  const config = parseConfig({
    CX_STAGE: 'test',
    CX_TABLE_NAME: table,
    CX_DISTRICT_ID: D,
    CX_TOKEN_SIGNING_KEY: 'bench-signing-key-0123456789abcdefghij',
  });
  const base = createWiring(config, { tokenSigningKey: 'bench-signing-key-0123456789abcdefghij', wechatAppSecret: '' }, { now: () => NOW });
  const ports = rankingsPorts({ ...base, doc, table });
  return {
    ...ports,
    ids: { next: () => `id${Math.random().toString(36).slice(2)}` },
    sha256: (t: string) => createHash('sha256').update(t).digest('hex'),
  };
}

/** The district, its townships and branches, and each branch's rollups for the quarter. */
function districtItems(branches: number, quarter: string, months: string[], reportDays?: string[]) {
  const items: Record<string, unknown>[] = [orgEntities.district.item({ districtId: D }, { id: D, name: '压测省' })];
  const at = '2025-01-01T00:00:00.000Z';
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const townships = Math.ceil(branches / PER_TOWNSHIP);
  for (let t = 0; t < townships; t++) {
    const tid = `t${String(t).padStart(4, '0')}`;
    const n = Math.min(PER_TOWNSHIP, branches - t * PER_TOWNSHIP);
    items.push(
      townshipItem({
        id: tid,
        districtId: D,
        name: `乡镇${t + 1}`,
        kind: 'town',
        isDemo: true,
        order: t,
        counts: { rural: n, community: 0 },
      }),
    );
    for (let b = 0; b < n; b++) {
      const bid = `${tid}-b${String(b).padStart(2, '0')}`;
      const type = b % 5 === 0 ? 'community' : 'rural';
      items.push(
        branchItem({
          id: bid,
          districtId: D,
          townshipId: tid,
          name: `支部${b}`,
          type,
          isDemo: true,
          version: 1,
          createdAt: at,
          updatedAt: at,
        }),
      );
      if (reportDays) {
        // Real report items, as the report feature stores them, and the counters it keeps with them.
        for (const day of reportDays)
          items.push({
            ...reportsEntities.report.key({ branchId: bid, day }),
            entity: 'report',
            branchId: bid,
            townshipId: tid,
            districtId: D,
            day,
            status: 'on_time',
            content: { items: [{ star: 'industry', text: '走访农户，化解纠纷' }] },
            version: 1,
            submittedAt: `${day}T10:00:00.000Z`,
          });
        items.push({
          ...reportsEntities.quarterStats.key({ branchId: bid, quarter }),
          submitted: reportDays.length,
          onTime: reportDays.length,
          late: 0,
        });
      } else {
        const onTime = 40 + rand(52);
        const late = rand(92 - onTime);
        items.push({ ...reportsEntities.quarterStats.key({ branchId: bid, quarter }), submitted: onTime + late, onTime, late });
      }
      const received = 1 + rand(12);
      items.push(
        mailboxEntities.counters.item(
          { townshipId: tid, month: months[rand(3)], branchId: bid },
          {
            branchId: bid,
            received,
            respondedInTime: rand(received + 1),
            accepted: received,
            replied: rand(received + 1),
            rated: 2,
            satisfied: rand(3),
          },
        ),
      );
      items.push(
        observationResultItem({
          observationId: 'o1',
          title: '观摩',
          month: months[1],
          branchId: bid,
          branchName: bid,
          townshipId: tid,
          perStar: [{ star: 'branch_strong', value: 6 + rand(40) / 10, count: 3, trimmed: false }],
          overall: 5 + rand(50) / 10,
          observerCount: 3,
          comments: [],
          closedAt: `${months[1]}-20T08:00:00.000Z`,
        }),
      );
      // Key-task states (the board's rollup) and, for one branch in five, an open 问题清单 item.
      for (const [t, star] of [
        ['bs-1', 'branch_strong'],
        ['bs-2', 'branch_strong'],
        ['in-1', 'industry'],
        ['in-2', 'industry'],
        ['ec-1', 'ecology'],
      ] as const) {
        const done = rand(3) === 0;
        items.push({
          pk: `BR#${bid}`,
          sk: `PLAN#2026#LATEST#${t}`,
          gsi1pk: `TWN#${tid}#PROG#2026`,
          gsi1sk: `${bid}#${t}`,
          entity: 'task-latest',
          branchId: bid,
          taskId: t,
          star,
          status: done ? 'done' : 'in_progress',
          percent: done ? 100 : rand(90),
          at: `${months[0]}-15T02:00:00.000Z`,
        });
      }
      if (b % 5 === 0) {
        const fid = `f-${bid}`;
        items.push({
          ...inspectionEntities.finding.key({ id: fid }),
          entity: 'finding',
          gsi1pk: inspectionEntities.townshipFindings(tid),
          gsi1sk: `${bid}#${fid}`,
          id: fid,
          branchId: bid,
          townshipId: tid,
          star: 'industry',
          status: 'open',
          deadline: `${months[1]}-10`,
          createdAt: `${months[0]}-20T02:00:00.000Z`,
          description: '台账不全',
          owner: '书记',
          version: 1,
        });
      }
      if (b % 2 === 0) {
        items.push({
          pk: `BR#${bid}`,
          sk: 'PLAN#2026',
          gsi1pk: `TWN#${tid}#PLANS#2026`,
          gsi1sk: `approved#${bid}`,
          entity: 'plan',
          branchId: bid,
          townshipId: tid,
          year: 2026,
          status: 'approved',
          content: { heldStars: [], targetStars: ['branch_strong', 'industry', 'ecology'].slice(0, 1 + rand(3)) },
        });
      }
      items.push(...heldStarItems({ branchId: bid, townshipId: tid, type, months }, rand));
    }
    items.push(appraisalItem(tid, n, quarter, months, rand));
  }
  return items;
}

/**
 * 比干劲: the township's closed 述职评议 session of the quarter with its frozen results (as the appraisals feature stores
 * it at close; one branch in ten unscored), which the ranking reads as a component.
 */
function appraisalItem(townshipId: string, n: number, quarter: string, months: string[], rand: (n: number) => number) {
  const branches = Array.from({ length: n }, (_, b) => ({ id: `${townshipId}-b${String(b).padStart(2, '0')}`, name: `支部${b}` }));
  const results = branches.map((b, i) => {
    const scored = i % 10 !== 9;
    const score = scored ? 60 + rand(4000) / 100 : null;
    return {
      branchId: b.id,
      branchName: b.name,
      score,
      rank: null,
      groups: { committee: score, secretaries: score, residents: null },
      appliedWeights: scored ? { committee: 63, secretaries: 37, residents: 0 } : { committee: 0, secretaries: 0, residents: 0 },
      sheetCount: scored ? 6 : 0,
    };
  });
  const closedAt = `${months[2]}-25T08:00:00.000Z`;
  return appraisalEntities.session.item(
    { townshipId, quarter },
    {
      townshipId,
      quarter,
      date: `${months[2]}-20`,
      state: 'closed',
      version: 4,
      ...DEFAULT_APPRAISAL_FORM,
      seats: [],
      branches,
      sheetRev: results.length * 6,
      results,
      closedAt,
      updatedAt: closedAt,
      updatedBy: 'bench',
    },
  );
}

/**
 * The stars a branch holds (评星定级), as the stars feature stores them: a campaign-start baseline of 2–5 stars,
 * for one branch in four a star awarded during the quarter, and for one in twenty a baseline star withdrawn
 * (撤星) during the quarter, so the township's index query returns held and ended records.
 */
function heldStarItems(
  b: { branchId: string; townshipId: string; type: 'rural' | 'community'; months: string[] },
  rand: (n: number) => number,
): Record<string, unknown>[] {
  const set = STAR_SETS[b.type];
  const baseline = set.slice(0, 2 + rand(4));
  const common = { branchId: b.branchId, districtId: D, townshipId: b.townshipId, branchName: b.branchId, version: 1, recordedBy: 'bench' };
  const items: Record<string, unknown>[] = [];
  const withdrawn = rand(20) === 0 ? baseline[baseline.length - 1] : undefined;
  for (const star of baseline) {
    const held = { ...common, star, heldFrom: '2025-01-01', basis: 'baseline' as const, recordedAt: '2025-01-01T02:00:00.000Z' };
    if (star === withdrawn) {
      const ended = { ...held, withdrawnOn: `${b.months[1]}-12`, withdrawalId: `wd-${b.branchId}` };
      items.push(starEntities.endedStar.item(ended, ended));
    } else items.push(starEntities.heldStar.item({ branchId: b.branchId, star }, held));
  }
  if (baseline.length < set.length && rand(4) === 0) {
    const star = set[baseline.length];
    const award = {
      ...common,
      star,
      heldFrom: `${b.months[2]}-05`,
      basis: 'award' as const,
      applicationId: `app-${b.branchId}`,
      recordedAt: `${b.months[2]}-05T02:00:00.000Z`,
    };
    items.push(starEntities.heldStar.item({ branchId: b.branchId, star }, award));
  }
  return items;
}

interface Measured {
  seconds: number;
  requests: Record<string, number>;
  requestsTotal: number;
  peakHeapMB: number;
  peakRssMB: number;
  branchCount: number;
  versions: number;
  requestsPerBranch: number;
}

async function measure(
  deps: RankingsPorts,
  quarter: string,
  trigger: 'schedule' | 'preview' = 'schedule',
): Promise<Measured & { recorded: Awaited<ReturnType<typeof record>>['requests']; peakInFlight: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 25);
  const before = snapshot();
  const t0 = performance.now();
  const {
    result: res,
    requests: recorded,
    peakInFlight,
  } = await record(() => runRankingJob(deps, { quarter, trigger, by: 'bench', timeLeft: () => 600_000, concurrency: 8 }));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (!res.complete) throw new Error('ranking did not complete');
  const requests = diff(before);
  return {
    seconds: Number(seconds.toFixed(1)),
    requests,
    requestsTotal: total(requests),
    peakHeapMB: Math.round((peakHeap - base.heapUsed) / 2 ** 20),
    peakRssMB: Math.round(peakRss / 2 ** 20),
    branchCount: res.header.branchCount,
    versions: res.header.version,
    requestsPerBranch: Number((total(requests) / res.header.branchCount).toFixed(3)),
    recorded,
    peakInFlight,
  };
}

async function withTable<T>(endpoint: string, name: string, fn: (doc: ReturnType<typeof createDocumentClient>) => Promise<T>): Promise<T> {
  const raw = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await raw.send(new CreateTableCommand(createTableInput(name)));
  // The SDK's own timeouts, not the API's per-attempt bound: one JVM holding 1.3 M items on a shared machine can
  // take longer than that for a request, and the bench measures the job's requests, not the API's fail-fast.
  const doc = createDocumentClient({ endpoint }, false);
  try {
    return await fn(doc);
  } finally {
    await raw.send(new DeleteTableCommand({ TableName: name }));
    raw.destroy();
  }
}

const Q3 = { quarter: '2026-Q3', months: ['2026-07', '2026-08', '2026-09'] };

async function main() {
  const dynamo = await startDynamoLocal({});
  const results: Record<string, unknown> = { date: new Date().toISOString(), perTownship: PER_TOWNSHIP };
  try {
    for (const n of SIZES) {
      console.log(`seeding ${n} branches (twice: the job's table and the replay's)…`);
      const items = districtItems(n, Q3.quarter, Q3.months);
      results[`branches${n}`] = await withTable(dynamo.endpoint, `bench-rank-${n}`, (doc) =>
        withTable(dynamo.endpoint, `bench-replay-${n}`, async (replayDoc) => {
          const t0 = performance.now();
          await parallelPut(doc, `bench-rank-${n}`, items);
          await parallelPut(replayDoc, `bench-replay-${n}`, items);
          const seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
          console.log(`  ${items.length} items (×2) in ${seedSeconds} s; computing ${Q3.quarter}…`);
          // DynamoDB Local is a JVM: whatever runs first on it runs cold. Both tables get one unmeasured run of the
          // job first (the quarter's scheduled draft), so the measured job and its replay both meet a warm server
          // and identical tables; then rounds alternate a recorded run (an admin's recompute, a new version) and
          // the raw replay of exactly its requests on the other table, which keeps the two tables in step.
          const jobDeps = depsFor(doc, `bench-rank-${n}`);
          const tw = performance.now();
          await runRankingJob(jobDeps, { quarter: Q3.quarter, trigger: 'schedule', by: 'bench', timeLeft: () => 600_000, concurrency: 8 });
          await runRankingJob(depsFor(replayDoc, `bench-replay-${n}`), {
            quarter: Q3.quarter,
            trigger: 'schedule',
            by: 'bench',
            timeLeft: () => 600_000,
            concurrency: 8,
          });
          console.log(`  warm-up (one scheduled run on each table, not measured): ${((performance.now() - tw) / 1000).toFixed(1)} s`);
          const rounds: { job: Omit<Measured, 'versions'>; replay: Awaited<ReturnType<typeof replay>>; ratio: number }[] = [];
          for (let r = 1; r <= ROUNDS(n); r++) {
            const { recorded, peakInFlight, versions: _v, ...m } = await measure(jobDeps, Q3.quarter, 'preview');
            console.log(
              `  round ${r}: ${n} branches: ${m.seconds} s, ${m.requestsTotal} requests (${m.requestsPerBranch} per branch) ${JSON.stringify(m.requests)}, peak heap +${m.peakHeapMB} MB (rss ${m.peakRssMB} MB)`,
            );
            // The floor: the same requests straight through the SDK, in the job's causal order, on an identical table.
            const floor = await replay(
              recorded,
              (command) => replayDoc.send(command as never),
              { from: `bench-rank-${n}`, to: `bench-replay-${n}` },
              peakInFlight,
            );
            const ratio = Number((m.seconds / floor.seconds).toFixed(2));
            console.log(
              `  round ${r}: raw SDK replay of the same ${floor.requests} requests: ${floor.seconds.toFixed(1)} s (up to ${floor.peakInFlight} in flight, ${floor.failed} failed) → the job takes ${ratio}× the replay`,
            );
            if (floor.failed > 0) throw new Error(`${floor.failed} replayed requests failed: the replay table differs from the job's`);
            rounds.push({ job: m, replay: { ...floor, seconds: Number(floor.seconds.toFixed(1)) }, ratio });
          }
          const median = <T>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)];
          const mid = median(rounds, (x) => x.ratio);
          console.log(`  ${n} branches: median of ${rounds.length} rounds: the job takes ${mid.ratio}× its raw replay (budget ≤ 1.5×)`);
          return {
            seededItems: items.length,
            seedSeconds,
            townships: Math.ceil(n / PER_TOWNSHIP),
            ...mid.job,
            peakHeapMB: Math.max(...rounds.map((x) => x.job.peakHeapMB)),
            peakRssMB: Math.max(...rounds.map((x) => x.job.peakRssMB)),
            replay: mid.replay,
            ratioToReplay: mid.ratio,
            rounds: rounds.map((x) => ({ seconds: x.job.seconds, replaySeconds: x.replay.seconds, ratio: x.ratio })),
          };
        }),
      );
    }

    // Same branches, 10× the reports: the job's requests do not change.
    const reportRuns: Record<string, Measured & { reports: number }> = {};
    for (const perBranch of [9, 90]) {
      const days = Array.from({ length: perBranch }, (_, i) => new Date(Date.UTC(2026, 6, 1 + i)).toISOString().slice(0, 10));
      const name = `bench-rank-reports-${perBranch}`;
      reportRuns[`reportsPerBranch${perBranch}`] = await withTable(dynamo.endpoint, name, async (doc) => {
        const items = districtItems(500, Q3.quarter, Q3.months, days);
        await parallelPut(doc, name, items);
        const { recorded: _recorded, peakInFlight: _peak, ...m } = await measure(depsFor(doc, name), Q3.quarter);
        console.log(
          `  500 branches × ${perBranch} reports (${500 * perBranch} reports): ${m.seconds} s, ${m.requestsTotal} requests ${JSON.stringify(m.requests)}`,
        );
        return { reports: 500 * perBranch, ...m };
      });
    }
    results.reports = reportRuns;
  } finally {
    await dynamo.stop();
  }
  mkdirSync(join(ROOT, '.artifacts'), { recursive: true });
  writeFileSync(join(ROOT, '.artifacts/bench-ranking.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
