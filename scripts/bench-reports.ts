/**
 * `npm run bench:reports`: the daily-report load of issue 3, against the local stack (in-memory DynamoDB
 * Local, the real API over HTTP on 127.0.0.1).
 * - Load: 1,000 branches each file today's report, arrivals spread evenly over one minute (open loop).
 *   Success rate, p50/p99 latency and DynamoDB requests per submission, by operation.
 * - Dashboard: requests and ms of the township day view for a township of 200 branches.
 * Writes .artifacts/bench-reports.json. A benchmark, not a test: it prints figures.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { bindingItem, profileItem } from '@chuangxing/functions/features/identity/identity.entities';
import { branchItem, orgEntities, townshipItem } from '@chuangxing/functions/features/org/org.entities';
import { startLocalStack } from '@chuangxing/functions/local/local-stack';
import { batchPut } from '@chuangxing/functions/local/seed';
import { createDocumentClient } from '@chuangxing/functions/platform/dynamodb/document-client';
import { shanghaiDay } from '@chuangxing/functions/platform/kernel/shanghai-time';

const ROOT = resolve(__dirname, '..');
const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 1000);
const PER_TOWNSHIP = 200;
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 60_000);

/** Counts every AWS SDK request by command, so the figures are requests, not guesses. */
const counts = new Map<string, number>();
// The SDK's base client class: every DynamoDB (and document) client sends through it.
const clientProto = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (...a: unknown[]) => unknown };
const originalSend = clientProto.send;
clientProto.send = function (this: unknown, ...args: unknown[]) {
  const [command, ...rest] = args as [{ constructor: { name: string } }, ...unknown[]];
  const name = command.constructor.name.replace(/Command$/, '');
  counts.set(name, (counts.get(name) ?? 0) + 1);
  return originalSend.call(this, command, ...rest);
};
const snapshot = () => new Map(counts);
const diff = (before: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, v]) => v > 0));
const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function http(method: string, url: string, token: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
    if (data) Object.assign(headers, { 'content-type': 'application/json', 'content-length': data.length });
    const req = request(url, { method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(data);
  });
}

async function main() {
  console.log(`bench:reports: ${BRANCHES} branches, ${PER_TOWNSHIP} per township, arrivals over ${WINDOW_MS / 1000} s`);
  const stack = await startLocalStack({ seed: false });
  const doc = createDocumentClient({ endpoint: stack.dynamoEndpoint });
  const d = 'erqi';
  const townships = Math.ceil(BRANCHES / PER_TOWNSHIP);
  const now = new Date().toISOString();
  const items: Record<string, unknown>[] = [orgEntities.district.item({ districtId: d }, { id: d, name: '压测区' })];
  const cadres: { userId: string; branchId: string }[] = [];
  for (let t = 0; t < townships; t++) {
    const tid = `bt${t}`;
    const n = Math.min(PER_TOWNSHIP, BRANCHES - t * PER_TOWNSHIP);
    items.push(
      townshipItem({
        id: tid,
        districtId: d,
        name: `压测乡镇${t + 1}`,
        kind: 'town',
        isDemo: true,
        order: t,
        counts: { rural: n, community: 0 },
      }),
    );
    for (let b = 0; b < n; b++) {
      const bid = `${tid}-b${b}`;
      const uid = `bench-cadre-${tid}-${b}`;
      items.push(
        branchItem({
          id: bid,
          districtId: d,
          townshipId: tid,
          name: `压测村${b}`,
          type: 'rural',
          isDemo: true,
          version: 1,
          createdAt: now,
          updatedAt: now,
        }),
      );
      items.push(profileItem({ id: uid, displayName: `干部${b}`, isDemo: false, createdAt: now }));
      items.push(
        bindingItem({
          bindingId: `${uid}-b`,
          userId: uid,
          role: 'cadre',
          scope: { level: 'branch', districtId: d, townshipId: tid, branchId: bid },
          scopeLabel: bid,
          createdAt: now,
          createdBy: 'bench',
        }),
      );
      cadres.push({ userId: uid, branchId: bid });
    }
  }
  items.push(profileItem({ id: 'bench-staff', displayName: '乡镇干事', isDemo: false, createdAt: now }));
  items.push(
    bindingItem({
      bindingId: 'bench-staff-b',
      userId: 'bench-staff',
      role: 'township_staff',
      scope: { level: 'township', districtId: d, townshipIds: ['bt0'] },
      scopeLabel: 'bt0',
      createdAt: now,
      createdBy: 'bench',
    }),
  );
  await batchPut(doc, stack.tableName, items);
  const tokens = await Promise.all(cadres.map((c) => stack.deps.tokens.issue(c.userId).then((t) => t.token)));
  const staffToken = (await stack.deps.tokens.issue('bench-staff')).token;
  const day = shanghaiDay(new Date());
  const body = (i: number) => ({
    content: {
      items: [
        { star: 'industry', text: `第${i}号支部：走访农户，化解纠纷` },
        { star: 'branch_strong', text: '召开支委会' },
      ],
      counts: { householdsVisited: 5, disputesResolved: 1 },
      problems: '无',
      tomorrowPlan: '继续走访',
    },
    idempotencyKey: `bench-${i}-${day}-0123456789`,
  });

  // Warm-up (not counted).
  await http('GET', `${stack.apiUrl}/v1/townships/bt0/compliance?day=${day}`, staffToken);

  // The photo presign, counted on its own.
  let presign: Record<string, number> | string;
  {
    const before = snapshot();
    const r = await http('POST', `${stack.apiUrl}/v1/uploads/photos`, tokens[0], {
      branchId: cadres[0].branchId,
      day,
      variant: 'photo',
      contentType: 'image/jpeg',
      size: 150_000,
    });
    presign = r.status === 200 ? diff(before) : `HTTP ${r.status}`;
  }

  const beforeLoad = snapshot();
  const latencies: number[] = [];
  let ok = 0;
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(
    cadres.map(async (c, i) => {
      const at = (i / cadres.length) * WINDOW_MS;
      await new Promise((r) => setTimeout(r, Math.max(0, at - (performance.now() - started))));
      const t0 = performance.now();
      try {
        const res = await http('PUT', `${stack.apiUrl}/v1/branches/${c.branchId}/reports/${day}`, tokens[i], body(i));
        latencies.push(performance.now() - t0);
        if (res.status === 201) ok++;
        else failures.push(`${res.status} ${res.text.slice(0, 160)}`);
      } catch (err) {
        failures.push(String(err));
      }
    }),
  );
  const elapsed = performance.now() - started;
  const loadReqs = diff(beforeLoad);
  latencies.sort((a, b) => a - b);

  // The township dashboard for 200 branches, all filed.
  const dash: number[] = [];
  let dashReqs: Record<string, number> = {};
  for (let i = 0; i < 20; i++) {
    const before = snapshot();
    const t0 = performance.now();
    const r = await http('GET', `${stack.apiUrl}/v1/townships/bt0/compliance?day=${day}`, staffToken);
    dash.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`dashboard HTTP ${r.status}: ${r.text}`);
    dashReqs = diff(before);
  }
  dash.sort((a, b) => a - b);

  const perSubmission = Object.fromEntries(Object.entries(loadReqs).map(([k, v]) => [k, Number((v / cadres.length).toFixed(3))]));
  const result = {
    date: new Date().toISOString(),
    branches: BRANCHES,
    windowSeconds: WINDOW_MS / 1000,
    load: {
      submitted: cadres.length,
      succeeded: ok,
      successRate: ok / cadres.length,
      elapsedSeconds: Number((elapsed / 1000).toFixed(1)),
      p50ms: Number(pct(latencies, 50).toFixed(1)),
      p99ms: Number(pct(latencies, 99).toFixed(1)),
      maxms: Number(latencies[latencies.length - 1].toFixed(1)),
      dynamoRequestsPerSubmission: perSubmission,
      dynamoRequestsPerSubmissionTotal: Number((total(loadReqs) / cadres.length).toFixed(3)),
      failures: failures.slice(0, 5),
    },
    presignRequests: presign,
    dashboard200: {
      p50ms: Number(pct(dash, 50).toFixed(1)),
      maxms: Number(dash[dash.length - 1].toFixed(1)),
      dynamoRequests: dashReqs,
      dynamoRequestsTotal: total(dashReqs),
    },
  };
  console.table({
    'success rate': `${(result.load.successRate * 100).toFixed(1)} % (${ok}/${cadres.length}) in ${result.load.elapsedSeconds} s`,
    'submit p50 / p99': `${result.load.p50ms} ms / ${result.load.p99ms} ms (max ${result.load.maxms} ms)`,
    'DynamoDB requests per submission': `${result.load.dynamoRequestsPerSubmissionTotal} ${JSON.stringify(perSubmission)}`,
    'presign DynamoDB requests': JSON.stringify(presign),
    'dashboard (200 branches) p50 / max': `${result.dashboard200.p50ms} ms / ${result.dashboard200.maxms} ms`,
    'dashboard DynamoDB requests': `${result.dashboard200.dynamoRequestsTotal} ${JSON.stringify(dashReqs)}`,
  });
  if (failures.length) console.log('first failures:', failures.slice(0, 5));
  mkdirSync(join(ROOT, '.artifacts'), { recursive: true });
  writeFileSync(join(ROOT, '.artifacts/bench-reports.json'), JSON.stringify(result, null, 2));
  agent.destroy();
  await stack.stop();
  if (ok !== cadres.length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
