/**
 * `npm run bench`: the performance figures of docs/benchmarks.md, printed as a table and written to
 * .artifacts/bench.json (git-ignored). Exits non-zero when a budgeted figure is over budget or a
 * figure could not be measured.
 *
 *   npm run bench                         all figures (about 1–2 minutes on 2 cores)
 *   npm run bench -- --only=bundle,tree   a subset: start, weapp, bundle, coldload, tree
 *
 * Everything runs on 127.0.0.1 and is bounded in count and time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { freePort } from '@chuangxing/functions/local/dynamo-local';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '..');
const ARTIFACTS = join(ROOT, '.artifacts');
const API_ENTRY = join(ROOT, 'apps/functions/src/handlers/api.handler.ts');
const MINIPROGRAM_DIST = join(ROOT, 'apps/miniprogram/dist');
/** Inside the repo (git-ignored), so the external `@aws-sdk/*` resolve from the root node_modules, as the Lambda runtime provides them. */
const BUNDLE_DIR = join(ARTIFACTS, 'bench-bundle');

const KB = 1024;
/** apiBundleBytes applies to each API function (one per bounded context). */
const BUDGET = { weappMainBytes: 600 * KB, apiBundleBytes: 400 * KB };
const FIGURES = ['start', 'weapp', 'bundle', 'coldload', 'tree'] as const;
type FigureName = (typeof FIGURES)[number];

const COLD_LOAD_RUNS = 15;
const TREE = { warmup: 50, requests: 2000, concurrency: 50, sequentialRequests: 200, requestTimeoutMs: 10_000, runDeadlineMs: 60_000 };

interface Row {
  figure: string;
  measured: string;
  budget: string;
  /** true/false when budgeted; null when only recorded. */
  ok: boolean | null;
}

const rows: Row[] = [];
const NOT_MEASURED = 'NOT MEASURED (see below)';
const errors: { figure: FigureName; message: string }[] = [];
const results: Partial<Record<FigureName, unknown>> = {};

// ---------------------------------------------------------------- helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const round = (v: number, digits = 2) => Number(v.toFixed(digits));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** One GET on a fresh connection (no keep-alive), bounded in time. */
function fetchOnce(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = httpGet(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', fail);
  });
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const req = httpGet({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      ok(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', (err: NodeJS.ErrnoException) => ok(err.code !== 'ECONNREFUSED'));
  });
}

/** Runs a command to completion, bounded in time; resolves with its exit code and output tail. */
function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; out: string; stdout: string; ms: number }> {
  return new Promise((ok) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let stdout = '';
    const keep = (d: Buffer) => {
      out = (out + d.toString()).slice(-20_000);
    };
    child.stdout!.on('data', (d: Buffer) => {
      stdout = (stdout + d.toString()).slice(-20_000);
      keep(d);
    });
    child.stderr!.on('data', keep);
    const timer = setTimeout(() => {
      out += `\n[bench] killed after ${opts.timeoutMs} ms`;
      killGroup(child, 'SIGKILL');
    }, opts.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, out, stdout, ms: performance.now() - t0 });
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** PIDs still in the process group led by `pgid` (Linux/macOS `ps`). */
async function groupMembers(pgid: number): Promise<{ pid: number; cmd: string }[]> {
  const { stdout: out } = await run('ps', ['-eo', 'pid=,pgid=,comm='], { cwd: ROOT, timeoutMs: 5000 });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3 && Number(f[1]) === pgid)
    .map((f) => ({ pid: Number(f[0]), cmd: f.slice(2).join(' ') }));
}

// ---------------------------------------------------------------- 1. npm start → ready

interface StartRun {
  label: string;
  wallMs: number;
  /** The script's own "ready in X.X s" (from its main(), without npm and tsx start-up). */
  reportedMs: number;
  builtH5: boolean;
  freshDataDir: boolean;
  h5Status: number;
  healthStatus: number;
  shutdownMs: number;
  leftoverProcesses: string[];
}

async function startOnce(label: string, dataDir: string, freshDataDir: boolean): Promise<StartRun> {
  const [apiPort, webPort, dynamoPort] = await distinctFreePorts(3);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CX_API_PORT: String(apiPort),
    CX_WEB_PORT: String(webPort),
    CX_DYNAMO_PORT: String(dynamoPort),
    CX_DATA_DIR: dataDir,
  };
  delete env.CX_LOG;
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let builtH5 = false;
  try {
    const readyLine = await new Promise<{ line: string; at: number }>((ok, fail) => {
      let buf = '';
      const timer = setTimeout(() => fail(new Error(`no "ready in" line within 150 s:\n${out.slice(-3000)}`)), 150_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        buf += d.toString();
        for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.includes('正在构建 H5')) builtH5 = true;
          if (line.startsWith('ready in')) {
            clearTimeout(timer);
            ok({ line, at: performance.now() });
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`npm start exited (${code}) before "ready in":\n${out.slice(-3000)}`));
      });
    });
    const wallMs = readyLine.at - t0;
    const reported = /^ready in ([\d.]+) s/.exec(readyLine.line);
    const h5Url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(readyLine.line)?.[1] ?? `http://127.0.0.1:${webPort}`;
    const h5 = await fetchOnce(`${h5Url}/`);
    const health = await fetchOnce(`http://127.0.0.1:${apiPort}/health`);
    if (h5.status !== 200 || !/<html/i.test(h5.body)) throw new Error(`H5 ${h5Url}/ answered ${h5.status}`);
    if (health.status !== 200) throw new Error(`API /health answered ${health.status}: ${health.body.slice(0, 200)}`);

    // Shut down the whole process group (npm, sh, tsx, node, and DynamoDB Local's java).
    const stopT0 = performance.now();
    killGroup(child, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && ((await groupMembers(child.pid!)).length > 0 || (await portIsOpen(dynamoPort)))) await sleep(100);
    const shutdownMs = performance.now() - stopT0;
    const leftovers = await groupMembers(child.pid!);
    if (leftovers.length > 0) killGroup(child, 'SIGKILL');
    if (await portIsOpen(dynamoPort)) throw new Error(`DynamoDB Local still answers on port ${dynamoPort} after stopping npm start`);
    return {
      label,
      wallMs,
      reportedMs: reported ? Number(reported[1]) * 1000 : NaN,
      builtH5,
      freshDataDir,
      h5Status: h5.status,
      healthStatus: health.status,
      shutdownMs,
      leftoverProcesses: leftovers.map((p) => `${p.pid} ${p.cmd}`),
    };
  } finally {
    killGroup(child, 'SIGKILL'); // no-op when already gone
  }
}

async function benchStart() {
  // A private data folder: never collide with an everyday `npm start` on .data/dynamodb.
  const dataDir = mkdtempSync(join(tmpdir(), 'cx-bench-data-'));
  try {
    const first = await startOnce('first start (empty data dir)', dataDir, true);
    const warm = await startOnce('restart (data dir present)', dataDir, false);
    results.start = { runs: [first, warm], dataDir: '(temporary, removed afterwards)' };
    for (const r of [first, warm]) {
      rows.push({
        figure: `npm start → ready: ${r.label}${r.builtH5 ? ', built H5' : ''}`,
        measured: `${(r.wallMs / 1000).toFixed(2)} s (script says ${(r.reportedMs / 1000).toFixed(1)} s)`,
        budget: 'recorded',
        ok: null,
      });
    }
    if (first.leftoverProcesses.length + warm.leftoverProcesses.length > 0) {
      throw new Error(
        `processes survived SIGTERM and were SIGKILLed: ${[...first.leftoverProcesses, ...warm.leftoverProcesses].join(', ')}`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 2. weapp main package

function walk(dir: string): { path: string; bytes: number }[] {
  const files: { path: string; bytes: number }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(p));
    else if (entry.isFile()) files.push({ path: p, bytes: statSync(p).size });
  }
  return files;
}

async function benchWeapp() {
  const res = await run('npm', ['run', 'build:weapp'], { cwd: ROOT, timeoutMs: 150_000 });
  if (res.code !== 0) throw new Error(`npm run build:weapp failed (${res.code}):\n${res.out.slice(-3000)}`);
  const appJson = JSON.parse(readFileSync(join(MINIPROGRAM_DIST, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((s) => s.root.replace(/^\/+|\/+$/g, ''));
  const sizes = new Map<string, number>(roots.map((r) => [r, 0]));
  let main = 0;
  let mainLicense = 0;
  let mainFiles = 0;
  const mainTop: { file: string; bytes: number }[] = [];
  for (const f of walk(MINIPROGRAM_DIST)) {
    const rel = relative(MINIPROGRAM_DIST, f.path).split(sep).join('/');
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`));
    if (root) sizes.set(root, sizes.get(root)! + f.bytes);
    else {
      main += f.bytes;
      mainFiles += 1;
      if (rel.endsWith('.LICENSE.txt')) mainLicense += f.bytes;
      mainTop.push({ file: rel, bytes: f.bytes });
    }
  }
  mainTop.sort((a, b) => b.bytes - a.bytes);
  results.weapp = {
    buildMs: round(res.ms, 0),
    mainPackageBytes: main,
    mainPackageFiles: mainFiles,
    mainPackageLicenseTxtBytes: mainLicense,
    budgetBytes: BUDGET.weappMainBytes,
    largestMainFiles: mainTop.slice(0, 5),
    subPackages: Object.fromEntries(sizes),
  };
  rows.push({
    figure: 'weapp main package',
    measured: `${kb(main)} (${main} B, ${mainFiles} files)`,
    budget: `≤ ${kb(BUDGET.weappMainBytes)}`,
    ok: main <= BUDGET.weappMainBytes,
  });
  for (const [root, bytes] of sizes) rows.push({ figure: `  weapp subpackage ${root}`, measured: kb(bytes), budget: 'recorded', ok: null });
  rows.push({ figure: '  weapp build time', measured: `${(res.ms / 1000).toFixed(1)} s`, budget: 'recorded', ok: null });
}

// ---------------------------------------------------------------- 3. API Lambda bundle

/** "node_modules/@scope/pkg/…" → "@scope/pkg"; workspace sources → their folder ("apps/functions"). */
function packageOf(input: string): string {
  const parts = input.split('/');
  const nm = parts.lastIndexOf('node_modules');
  if (nm >= 0) return parts[nm + 1]?.startsWith('@') ? `${parts[nm + 1]}/${parts[nm + 2]}` : parts[nm + 1];
  if (parts[0] === 'apps' || parts[0] === 'packages') return `${parts[0]}/${parts[1]} (workspace)`;
  return input;
}

/** One API function per bounded context (apps/functions/src/http/route-contexts.ts), as infra deploys them. */
const API_FUNCTIONS = [
  { context: 'core', entry: API_ENTRY },
  { context: 'rankings', entry: join(ROOT, 'apps/functions/src/handlers/rankings-api.handler.ts') },
  { context: 'learning', entry: join(ROOT, 'apps/functions/src/handlers/learning-api.handler.ts') },
] as const;
type ApiFunctionName = (typeof API_FUNCTIONS)[number]['context'];

let bundlesReady: Promise<Record<ApiFunctionName, string>> | undefined;

/** Bundles one API handler exactly as NodejsFunction does (infra/lib/stateless-stack.ts) into `dir`. */
async function bundleOne(entry: string, dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  // CDK runs: esbuild --bundle <entry> --target=node22 --platform=node --format=cjs --outfile=index.js
  //           --minify --sourcemap --external:@aws-sdk/client-* --external:@aws-sdk/lib-dynamodb
  //           --external:@aws-sdk/util-dynamodb   (cwd = repo root)
  const out = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    target: 'node22',
    platform: 'node',
    format: 'cjs',
    outfile: join(dir, 'index.js'),
    minify: true,
    sourcemap: true,
    external: ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'],
    metafile: true,
    logLevel: 'silent',
  });
  const buildMs = performance.now() - t0;
  const file = join(dir, 'index.js');
  const bytes = statSync(file).size;
  const mapBytes = existsSync(`${file}.map`) ? statSync(`${file}.map`).size : 0;
  const output = Object.entries(out.metafile.outputs).find(([k]) => k.endsWith('index.js'))![1];
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  const top = [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(out.metafile));
  return {
    file,
    result: {
      entry: relative(ROOT, entry),
      indexJsBytes: bytes,
      sourceMapBytes: mapBytes,
      budgetBytes: BUDGET.apiBundleBytes,
      esbuildMs: round(buildMs, 0),
      topPackages: top.slice(0, 5).map(([pkg, b]) => ({ package: pkg, bytesInOutput: b })),
      packages: top.length,
      externalImports: [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort(),
    },
    top,
  };
}

/** Bundles every API function into .artifacts/bench-bundle/<context>/; resolves with each index.js's path. */
function bundleApis(): Promise<Record<ApiFunctionName, string>> {
  bundlesReady ??= (async () => {
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
    const files = {} as Record<ApiFunctionName, string>;
    const perFunction = {} as Record<ApiFunctionName, Awaited<ReturnType<typeof bundleOne>>['result']>;
    for (const { context, entry } of API_FUNCTIONS) {
      const { file, result, top } = await bundleOne(entry, join(BUNDLE_DIR, context));
      files[context] = file;
      perFunction[context] = result;
      const bytes = result.indexJsBytes;
      rows.push({
        figure: `API Lambda bundle, ${context} (index.js)`,
        measured: `${kb(bytes)} (${bytes} B)`,
        budget: `≤ ${kb(BUDGET.apiBundleBytes)}`,
        ok: bytes <= BUDGET.apiBundleBytes,
      });
      for (const [pkg, b] of top.slice(0, 3)) rows.push({ figure: `  ${pkg}`, measured: kb(b), budget: '', ok: null });
    }
    results.bundle = { budgetBytesEach: BUDGET.apiBundleBytes, functions: perFunction };
    return files;
  })();
  return bundlesReady;
}

async function benchBundle() {
  await bundleApis();
}

// ---------------------------------------------------------------- 4. cold module load

const COLD_LOAD_SCRIPT = `
const t0 = process.hrtime.bigint();
const mod = require(process.env.CX_BENCH_BUNDLE);
const t1 = process.hrtime.bigint();
if (typeof mod.handler !== 'function') { console.error('no handler export'); process.exit(3); }
process.stdout.write(JSON.stringify({ ms: Number(t1 - t0) / 1e6 }));
`;

async function coldLoads(file: string, nodeArgs: string[]): Promise<number[]> {
  // A clean environment: only what the module-level config parse needs, nothing that reaches AWS.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CX_BENCH_BUNDLE: file,
    CX_STAGE: 'local',
    CX_TABLE_NAME: 'bench',
    CX_TOKEN_SIGNING_KEY: 'bench-only-signing-key-0123456789abcdef',
    CX_DEV_LOGIN: 'off',
    POWERTOOLS_SERVICE_NAME: 'chuangxing-api',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  };
  const times: number[] = [];
  for (let i = 0; i < COLD_LOAD_RUNS; i++) {
    const res = await run(process.execPath, [...nodeArgs, '-e', COLD_LOAD_SCRIPT], { cwd: BUNDLE_DIR, env, timeoutMs: 20_000 });
    if (res.code !== 0) throw new Error(`cold load run ${i + 1} failed (${res.code}): ${res.out.slice(-2000)}`);
    times.push((JSON.parse(res.stdout) as { ms: number }).ms);
  }
  return times;
}

async function benchColdLoad() {
  const files = await bundleApis();
  const summary = (t: number[]) => {
    const s = [...t].sort((a, b) => a - b);
    return {
      runs: s.length,
      p50Ms: round(percentile(s, 50)),
      maxMs: round(s[s.length - 1]),
      minMs: round(s[0]),
      allMs: t.map((x) => round(x)),
    };
  };
  const perFunction: Record<string, unknown> = {};
  for (const { context } of API_FUNCTIONS) {
    const plain = summary(await coldLoads(files[context], []));
    // As deployed: the stack sets NODE_OPTIONS=--enable-source-maps, which makes Node read the .map at load.
    const withMaps = summary(await coldLoads(files[context], ['--enable-source-maps']));
    perFunction[context] = { plain, enableSourceMaps: withMaps };
    rows.push({
      figure: `API cold module load, ${context} (${COLD_LOAD_RUNS}× require)`,
      measured: `p50 ${ms(plain.p50Ms)}, max ${ms(plain.maxMs)}`,
      budget: 'recorded',
      ok: null,
    });
    rows.push({
      figure: '  with --enable-source-maps (as deployed)',
      measured: `p50 ${ms(withMaps.p50Ms)}, max ${ms(withMaps.maxMs)}`,
      budget: 'recorded',
      ok: null,
    });
  }
  results.coldload = { node: process.version, functions: perFunction };
}

// ---------------------------------------------------------------- 5. GET latency on the local stack

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

async function benchTree() {
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

// ---------------------------------------------------------------- main

function parseOnly(argv: string[]): FigureName[] {
  const arg = argv.find((a) => a.startsWith('--only='));
  if (!arg) return [...FIGURES];
  const names = arg
    .slice('--only='.length)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(FIGURES as readonly string[]).includes(n));
  if (bad.length) {
    console.error(`unknown figure(s): ${bad.join(', ')}; use ${FIGURES.join(', ')}`);
    process.exit(2);
  }
  return FIGURES.filter((f) => names.includes(f));
}

function printTable() {
  const head: Row = { figure: 'figure', measured: 'measured', budget: 'budget', ok: null };
  const okText = (r: Row) => (r === head ? 'ok?' : r.measured === NOT_MEASURED ? '✗ n/a' : r.ok === null ? '' : r.ok ? '✓' : '✗ OVER');
  const all = [head, ...rows];
  const w = [
    Math.max(...all.map((r) => r.figure.length)),
    Math.max(...all.map((r) => r.measured.length)),
    Math.max(...all.map((r) => r.budget.length)),
  ];
  const line = (r: Row) => `${r.figure.padEnd(w[0])} | ${r.measured.padEnd(w[1])} | ${r.budget.padEnd(w[2])} | ${okText(r)}`;
  console.log(`\n${line(head)}\n${'-'.repeat(w[0])}-|-${'-'.repeat(w[1])}-|-${'-'.repeat(w[2])}-|----`);
  for (const r of rows) console.log(line(r));
}

async function main() {
  const only = parseOnly(process.argv.slice(2));
  const started = performance.now();
  const benches: Record<FigureName, () => Promise<void>> = {
    start: benchStart,
    weapp: benchWeapp,
    bundle: benchBundle,
    coldload: benchColdLoad,
    tree: benchTree,
  };
  for (const name of only) {
    const t0 = performance.now();
    console.log(`… ${name}`);
    try {
      await benches[name]();
      console.log(`  ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (err) {
      // eslint-disable-next-line no-control-regex
      const message = stripVTControlCharacters(err instanceof Error ? err.message : String(err));
      errors.push({ figure: name, message });
      rows.push({ figure: name, measured: NOT_MEASURED, budget: '', ok: false });
      console.log(`  ${name} FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  printTable();
  for (const e of errors) console.error(`\n✗ ${e.figure}: ${e.message}`);

  const overBudget = rows.filter((r) => r.ok === false && r.measured !== NOT_MEASURED);
  mkdirSync(ARTIFACTS, { recursive: true });
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}` },
    figures: only,
    totalSeconds: round((performance.now() - started) / 1000, 1),
    results,
    table: rows,
    errors,
    ok: errors.length === 0 && overBudget.length === 0,
  };
  writeFileSync(join(ARTIFACTS, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${report.ok ? '✓' : '✗'} ${report.totalSeconds} s; written to ${relative(ROOT, join(ARTIFACTS, 'bench.json'))}`);
  // Handles (keep-alive sockets, the esbuild service) must not keep the process alive.
  process.exit(report.ok ? 0 : 1);
}

main().catch((err) => {
  console.error('✗ bench failed:', err);
  process.exit(1);
});
