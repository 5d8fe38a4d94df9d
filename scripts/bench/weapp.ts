import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, run } from './processes';
import { BUDGET, kb, results, round, rows } from './report';

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

export async function benchWeapp() {
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
