import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, run } from './processes';
import { BUDGET, kb, results, round, rows } from './report';
import { buildTaroFloor } from './taro-floor';

const MINIPROGRAM_DIST = join(ROOT, 'apps/miniprogram/dist');

function walk(dir: string): { path: string; bytes: number }[] {
  const files: { path: string; bytes: number }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(p));
    else if (entry.isFile()) files.push({ path: p, bytes: statSync(p).size });
  }
  return files;
}

/** The main package of a weapp build: every file outside its subpackage roots (app.json's subPackages). */
function mainPackageOf(dist: string) {
  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((s) => s.root.replace(/^\/+|\/+$/g, ''));
  const sizes = new Map<string, number>(roots.map((r) => [r, 0]));
  let main = 0;
  let mainLicense = 0;
  let mainFiles = 0;
  const mainTop: { file: string; bytes: number }[] = [];
  for (const f of walk(dist)) {
    const rel = relative(dist, f.path).split(sep).join('/');
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
  return { main, mainLicense, mainFiles, mainTop, sizes };
}

export async function benchWeapp() {
  const res = await run('npm', ['run', 'build:weapp'], { cwd: ROOT, timeoutMs: 600_000 });
  if (res.code !== 0) throw new Error(`npm run build:weapp failed (${res.code}):\n${res.out.slice(-3000)}`);
  const app = mainPackageOf(MINIPROGRAM_DIST);
  // The bare Taro + React app, built in the same run: what no code of ours can go below.
  const floorBuild = await buildTaroFloor();
  const floor = mainPackageOf(floorBuild.dist);
  const ratio = round(app.main / floor.main);
  results.weapp = {
    buildMs: round(res.ms, 0),
    mainPackageBytes: app.main,
    mainPackageFiles: app.mainFiles,
    mainPackageLicenseTxtBytes: app.mainLicense,
    budgetBytes: BUDGET.weappMainBytes,
    largestMainFiles: app.mainTop.slice(0, 8),
    subPackages: Object.fromEntries(app.sizes),
    floor: { mainPackageBytes: floor.main, files: floor.mainTop, buildMs: round(floorBuild.ms, 0) },
    ratioToFloor: ratio,
  };
  rows.push({
    figure: 'weapp main package',
    measured: `${kb(app.main)} (${app.main} B, ${app.mainFiles} files)`,
    budget: `≤ ${kb(BUDGET.weappMainBytes)}`,
    ok: app.main <= BUDGET.weappMainBytes,
  });
  rows.push({
    figure: '  bare Taro + React app (floor), same run',
    measured: `${kb(floor.main)} (${floor.main} B); main = ${ratio.toFixed(2)}× floor`,
    budget: 'recorded',
    ok: null,
  });
  for (const f of app.mainTop.slice(0, 5)) rows.push({ figure: `  main: ${f.file}`, measured: kb(f.bytes), budget: '', ok: null });
  for (const [root, bytes] of app.sizes)
    rows.push({ figure: `  weapp subpackage ${root}`, measured: kb(bytes), budget: 'recorded', ok: null });
  rows.push({ figure: '  weapp build time', measured: `${(res.ms / 1000).toFixed(1)} s`, budget: 'recorded', ok: null });
}
