/**
 * `npm run bench`: the performance figures of docs/benchmarks.md, printed as a table and written to
 * .artifacts/bench.json (git-ignored). Exits non-zero when a budgeted figure is over budget or a
 * figure could not be measured.
 *
 *   npm run bench                         all figures (a few minutes on 2 cores)
 *   npm run bench -- --only=bundle,coldload   a subset: start, weapp, h5, bundle, coldload, tree
 *   npm run bench:h5                      the H5 report form under slow 4G, and the weapp main package
 *
 * Everything runs on 127.0.0.1 and is bounded in count and time. The figures live in scripts/bench/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { benchH5 } from './bench/h5';
import { benchBundle, benchColdLoad } from './bench/lambda';
import { ROOT } from './bench/processes';
import { errors, FIGURES, type FigureName, NOT_MEASURED, printTable, results, round, rows } from './bench/report';
import { benchStart } from './bench/start';
import { benchTree } from './bench/tree';
import { benchWeapp } from './bench/weapp';

const ARTIFACTS = join(ROOT, '.artifacts');

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

async function main() {
  const only = parseOnly(process.argv.slice(2));
  const started = performance.now();
  const benches: Record<FigureName, () => Promise<void>> = {
    start: benchStart,
    weapp: benchWeapp,
    h5: benchH5,
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
