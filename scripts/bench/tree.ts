import { Agent, get as httpGet } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fetchOnce } from './processes';
import { ms, percentile, results, round, rows } from './report';

const TREE = { warmup: 50, requests: 2000, concurrency: 50, sequentialRequests: 200, requestTimeoutMs: 10_000, runDeadlineMs: 60_000 };

interface LoadResult {
  path: string;
  requests: number;
  concurrency: number;
  non200: number;
  errors: number;
  wallMs: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  bodyBytes: number;
  /** CPU time of this process (API server + load generator share it) as a share of one core over the run. */
  benchProcessCpu: number;
}

function timedGet(agent: Agent, url: URL, token: string): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const req = httpGet(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        agent,
        timeout: TREE.requestTimeoutMs,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () => ok({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }));
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${TREE.requestTimeoutMs} ms`)));
    req.on('error', fail);
  });
}

async function load(agent: Agent, url: URL, token: string, total: number, concurrency: number = TREE.concurrency): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let non200 = 0;
  let errs = 0;
  let bodyBytes = 0;
  let firstError = '';
  const deadline = Date.now() + TREE.runDeadlineMs;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
      next += 1;
      try {
        const r = await timedGet(agent, url, token);
        latencies.push(r.ms);
        bodyBytes = r.bytes;
        if (r.status !== 200) {
          non200 += 1;
          firstError ||= `HTTP ${r.status}`;
        }
      } catch (err) {
        errs += 1;
        firstError ||= String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const done = latencies.length + errs;
  if (done < total) throw new Error(`${url.pathname}: only ${done}/${total} requests within ${TREE.runDeadlineMs / 1000} s`);
  if (non200 + errs > 0) throw new Error(`${url.pathname}: ${non200} non-200 and ${errs} failed requests (first: ${firstError})`);
  const s = latencies.sort((a, b) => a - b);
  return {
    path: url.pathname,
    requests: total,
    concurrency,
    non200,
    errors: errs,
    wallMs: round(wallMs, 0),
    reqPerSec: round((total / wallMs) * 1000, 0),
    p50Ms: round(percentile(s, 50)),
    p95Ms: round(percentile(s, 95)),
    p99Ms: round(percentile(s, 99)),
    maxMs: round(s[s.length - 1]),
    bodyBytes,
    benchProcessCpu: round((cpu.user + cpu.system) / 1000 / wallMs),
  };
}

export async function benchTree() {
  const { startLocalStack } = await import('@chuangxing/functions/local/local-stack');
  const t0 = performance.now();
  const stack = await startLocalStack({});
  const stackMs = performance.now() - t0;
  const agent = new Agent({ keepAlive: true, maxSockets: TREE.concurrency });
  try {
    const { token } = await stack.deps.tokens.issue('demo-district-admin');
    const out: LoadResult[] = [];
    const unloaded: LoadResult[] = [];
    for (const path of ['/v1/org/tree', '/v1/org/townships/wulibao/branches']) {
      const url = new URL(path, stack.apiUrl);
      const check = await timedGet(agent, url, token);
      if (check.status !== 200) throw new Error(`GET ${path} answered ${check.status}`);
      await load(agent, url, token, TREE.warmup);
      out.push(await load(agent, url, token, TREE.requests));
      // One at a time: the service time without queueing, for comparison.
      unloaded.push(await load(agent, url, token, TREE.sequentialRequests, 1));
    }
    const after = await fetchOnce(new URL('/v1/org/tree', stack.apiUrl).href).catch(() => undefined); // 401 without token: just proves the server is still up
    results.tree = {
      localStackStartMs: round(stackMs, 0),
      user: 'demo-district-admin',
      runs: out,
      sequential: unloaded,
      serverStillUp: after?.status === 401,
    };
    for (const [i, r] of out.entries()) {
      const one = unloaded[i];
      rows.push({
        figure: `GET ${r.path} (${r.requests} req, ${r.concurrency} concurrent)`,
        measured: `p50 ${ms(r.p50Ms)}, p99 ${ms(r.p99Ms)}`,
        budget: 'recorded',
        ok: null,
      });
      rows.push({
        figure: '  p95 / max / throughput',
        measured: `${ms(r.p95Ms)} / ${ms(r.maxMs)} / ${r.reqPerSec} req/s (node CPU ${Math.round(r.benchProcessCpu * 100)}%)`,
        budget: '',
        ok: null,
      });
      rows.push({
        figure: `  one at a time (${one.requests} req): p50 / p99`,
        measured: `${ms(one.p50Ms)} / ${ms(one.p99Ms)} (${one.reqPerSec} req/s)`,
        budget: '',
        ok: null,
      });
    }
  } finally {
    agent.destroy();
    await stack.stop();
  }
}
