import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { API_FUNCTION_NAMES, type ApiFunctionName } from '@chuangxing/functions/handlers/api-functions';
import { build } from 'esbuild';
import { ROOT, run } from './processes';
import { BUDGET, kb, ms, percentile, results, round, rows } from './report';

/** Inside the repo (git-ignored), so the external `@aws-sdk/*` resolve from the root node_modules, as the Lambda runtime provides them. */
const BUNDLE_DIR = join(ROOT, '.artifacts/bench-bundle');
const COLD_LOAD_RUNS = 15;
const FLOOR = 'floor (DocumentClient only)';
type Bundled = ApiFunctionName | typeof FLOOR;

const entryOf = (name: Bundled) =>
  name === FLOOR ? join(ROOT, 'scripts/bench/floor-handler.ts') : join(ROOT, 'apps/functions/src/handlers', `${name}-api.handler.ts`);
const dirOf = (name: Bundled) => join(BUNDLE_DIR, name === FLOOR ? 'floor' : name);

/** "node_modules/@scope/pkg/…" → "@scope/pkg"; workspace sources → their folder ("apps/functions"). */
function packageOf(input: string): string {
  const parts = input.split('/');
  const nm = parts.lastIndexOf('node_modules');
  if (nm >= 0) return parts[nm + 1]?.startsWith('@') ? `${parts[nm + 1]}/${parts[nm + 2]}` : parts[nm + 1];
  if (parts[0] === 'apps' || parts[0] === 'packages') return `${parts[0]}/${parts[1]} (workspace)`;
  return input;
}

/** Bundles one handler exactly as NodejsFunction does (infra/lib/stateless-stack.ts) into its folder. */
async function bundleOne(name: Bundled) {
  const dir = dirOf(name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  // CDK runs: esbuild --bundle <entry> --target=node24 --platform=node --format=cjs --outfile=index.js
  //           --minify --sourcemap --external:@aws-sdk/client-* --external:@aws-sdk/lib-dynamodb
  //           --external:@aws-sdk/util-dynamodb --supported:dynamic-import=false   (cwd = repo root)
  const out = await build({
    absWorkingDir: ROOT,
    entryPoints: [entryOf(name)],
    bundle: true,
    target: 'node24',
    platform: 'node',
    format: 'cjs',
    outfile: join(dir, 'index.js'),
    minify: true,
    sourcemap: true,
    external: ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'],
    supported: { 'dynamic-import': false },
    metafile: true,
    logLevel: 'silent',
  });
  const buildMs = performance.now() - t0;
  const file = join(dir, 'index.js');
  const output = Object.entries(out.metafile.outputs).find(([k]) => k.endsWith('index.js'))?.[1];
  if (!output) throw new Error(`esbuild wrote no index.js for ${name}`);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  const top = [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(out.metafile));
  return {
    file,
    top,
    result: {
      entry: relative(ROOT, entryOf(name)),
      indexJsBytes: statSync(file).size,
      sourceMapBytes: existsSync(`${file}.map`) ? statSync(`${file}.map`).size : 0,
      esbuildMs: round(buildMs, 0),
      topPackages: top.slice(0, 5).map(([pkg, b]) => ({ package: pkg, bytesInOutput: b })),
      externalImports: [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort(),
    },
  };
}

let bundlesReady: Promise<Record<Bundled, string>> | undefined;

/** Bundles every API function of api-functions.ts, and the floor, into .artifacts/bench-bundle/. */
function bundleAll(): Promise<Record<Bundled, string>> {
  bundlesReady ??= (async () => {
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
    const files = {} as Record<Bundled, string>;
    const perFunction: Record<string, unknown> = {};
    for (const name of [...API_FUNCTION_NAMES, FLOOR] as Bundled[]) {
      const { file, result, top } = await bundleOne(name);
      files[name] = file;
      perFunction[name] = result;
      const bytes = result.indexJsBytes;
      const budgeted = name !== FLOOR;
      rows.push({
        figure: `API Lambda bundle, ${name} (index.js)`,
        measured: `${kb(bytes)} (${bytes} B)`,
        budget: budgeted ? `≤ ${kb(BUDGET.apiBundleBytes)}` : 'floor',
        ok: budgeted ? bytes <= BUDGET.apiBundleBytes : null,
      });
      if (budgeted) for (const [pkg, b] of top.slice(0, 3)) rows.push({ figure: `  ${pkg}`, measured: kb(b), budget: '', ok: null });
    }
    results.bundle = { budgetBytesEach: BUDGET.apiBundleBytes, functions: perFunction };
    return files;
  })();
  return bundlesReady;
}

export async function benchBundle() {
  await bundleAll();
}

const COLD_LOAD_SCRIPT = `
const t0 = process.hrtime.bigint();
const mod = require(process.env.CX_BENCH_BUNDLE);
const t1 = process.hrtime.bigint();
if (typeof mod.handler !== 'function') { console.error('no handler export'); process.exit(3); }
process.stdout.write(JSON.stringify({ ms: Number(t1 - t0) / 1e6 }));
`;

/** `require` of one bundle in a fresh node, COLD_LOAD_RUNS times; the runs of all bundles are interleaved. */
async function coldLoads(files: Record<Bundled, string>, nodeArgs: string[]): Promise<Record<Bundled, number[]>> {
  // A clean environment: only what the module-level config parse needs, nothing that reaches AWS.
  const env = (file: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CX_BENCH_BUNDLE: file,
    CX_STAGE: 'local',
    CX_TABLE_NAME: 'bench',
    CX_TOKEN_SIGNING_KEY: 'bench-only-signing-key-0123456789abcdef',
    CX_DEV_LOGIN: 'off',
    POWERTOOLS_SERVICE_NAME: 'chuangxing-api',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  });
  const times = Object.fromEntries(Object.keys(files).map((n) => [n, [] as number[]])) as Record<Bundled, number[]>;
  // Interleaved, so a busy moment of the machine weighs on every bundle alike (the ratio is what counts).
  for (let i = 0; i < COLD_LOAD_RUNS; i++) {
    for (const [name, file] of Object.entries(files) as [Bundled, string][]) {
      const res = await run(process.execPath, [...nodeArgs, '-e', COLD_LOAD_SCRIPT], {
        cwd: BUNDLE_DIR,
        env: env(file),
        timeoutMs: 20_000,
      });
      if (res.code !== 0) throw new Error(`cold load of ${name}, run ${i + 1}, failed (${res.code}): ${res.out.slice(-2000)}`);
      times[name].push((JSON.parse(res.stdout) as { ms: number }).ms);
    }
  }
  return times;
}

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

export async function benchColdLoad() {
  const files = await bundleAll();
  const plain = await coldLoads(files, []);
  // As deployed: the stack sets NODE_OPTIONS=--enable-source-maps, which makes Node read the .map at load.
  const withMaps = await coldLoads(files, ['--enable-source-maps']);
  const floor = { plain: summary(plain[FLOOR]), enableSourceMaps: summary(withMaps[FLOOR]) };
  rows.push({
    figure: `API cold module load, ${FLOOR}`,
    measured: `p50 ${ms(floor.plain.p50Ms)} (${ms(floor.enableSourceMaps.p50Ms)} with source maps)`,
    budget: 'floor',
    ok: null,
  });
  const perFunction: Record<string, unknown> = { [FLOOR]: floor };
  for (const name of API_FUNCTION_NAMES) {
    const p = summary(plain[name]);
    const m = summary(withMaps[name]);
    const ratio = round(p.p50Ms / floor.plain.p50Ms);
    const ratioMaps = round(m.p50Ms / floor.enableSourceMaps.p50Ms);
    perFunction[name] = { plain: p, enableSourceMaps: m, ratioToFloor: ratio, ratioToFloorWithSourceMaps: ratioMaps };
    rows.push({
      figure: `API cold module load, ${name} (${COLD_LOAD_RUNS}× require)`,
      measured: `p50 ${ms(p.p50Ms)} = ${ratio.toFixed(2)}× floor`,
      budget: `≤ ${BUDGET.coldLoadRatio}× floor`,
      ok: ratio <= BUDGET.coldLoadRatio,
    });
    rows.push({
      figure: '  with --enable-source-maps (as deployed)',
      measured: `p50 ${ms(m.p50Ms)} = ${ratioMaps.toFixed(2)}× floor`,
      budget: 'recorded',
      ok: null,
    });
  }
  results.coldload = { node: process.version, runs: COLD_LOAD_RUNS, budgetRatio: BUDGET.coldLoadRatio, functions: perFunction };
}
