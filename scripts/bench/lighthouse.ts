/**
 * `npm run bench:lighthouse`: Lighthouse (mobile defaults: simulated slow 4G and a 4× slower CPU) on the served H5
 * build: the cadre's home page, the report form and the resident's letter form, each logged in as its user. Prints
 * the performance and accessibility scores and FCP, LCP, TBT and CLS per page, and exits non-zero below the budget
 * (performance ≥ 90, accessibility ≥ 95). CX_BENCH_REUSE_H5=1 measures the existing dist-h5 instead of building it.
 *
 * Each page is a first visit: the HTTP cache, Cache Storage and the service worker are cleared before the run; only
 * the session (from the dev-login page, as bench:h5 does) is in localStorage. Lighthouse keeps storage as is
 * (`disableStorageReset`) because a reset would sign the user out.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@chuangxing/functions/local/dynamo-local';
import { startLocalStack } from '@chuangxing/functions/local/local-stack';
import { startStaticServer } from '@chuangxing/functions/local/static-server';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, JOURNEYS, sessionOf } from './h5';
import { ROOT, run } from './processes';

const H5 = join(ROOT, 'apps/miniprogram/dist-h5');
const BUDGET = { performance: 90, accessibility: 95 };
const PAGES = [
  { name: 'home (首页, cadre)', journey: 'home' },
  { name: 'report form (填写今日日报)', journey: 'report' },
  { name: 'letter form (写信, resident)', journey: 'letter' },
];

type StorageState = Awaited<ReturnType<typeof sessionOf>>;

/** Page-side globals the callbacks touch (scripts are type-checked without the DOM library). */
interface PageGlobals {
  localStorage: { setItem(k: string, v: string): void };
}

async function audit(url: string, origin: string, state: StorageState) {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // tsx keeps function names with an `__name` helper; Lighthouse runs some of its functions in the page as text.
    await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
    // The session only: written on the site's origin, then every cache of it emptied.
    await page.goto(`${origin}/sw-free-blank`, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
    const items = state.origins.find((o) => o.origin === origin)?.localStorage ?? [];
    await page.evaluate((entries) => {
      for (const { name, value } of entries) (globalThis as unknown as PageGlobals).localStorage.setItem(name, value);
    }, items);
    await page.goto('about:blank');
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
    const result = await lighthouse(
      url,
      { disableStorageReset: true, onlyCategories: ['performance', 'accessibility'], logLevel: 'error' },
      undefined,
      page,
    );
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    return result.lhr;
  } finally {
    await browser.close();
  }
}

async function main() {
  if (process.env.CX_BENCH_REUSE_H5 !== '1') {
    const res = await run('npm', ['run', 'build:h5'], { cwd: ROOT, timeoutMs: 600_000 });
    if (res.code !== 0) throw new Error(`npm run build:h5 failed (${res.code}):\n${res.out.slice(-3000)}`);
  }
  if (!existsSync(join(H5, 'index.html'))) throw new Error('no H5 build in apps/miniprogram/dist-h5');
  const webPort = await freePort();
  const origin = `http://127.0.0.1:${webPort}`;
  const stack = await startLocalStack({ corsOrigins: [origin] });
  const web = await startStaticServer({ root: H5, port: webPort, runtimeConfig: { CX_API_BASE: stack.apiUrl, CX_DEV_LOGIN: true } });
  const login = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows: string[] = [];
  const out: Record<string, unknown> = {};
  let ok = true;
  try {
    const loadBefore = loadavg()[0];
    const sessions = new Map<string, StorageState>();
    for (const p of PAGES) {
      const journey = JOURNEYS().find((j) => j.name.startsWith(p.journey));
      if (!journey) throw new Error(`no journey ${p.journey}`);
      if (!sessions.has(journey.user)) sessions.set(journey.user, await sessionOf(login, web.url, journey.user));
      const lhr = await audit(web.url + journey.path, origin, sessions.get(journey.user)!);
      const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? 'n/a';
      const perf = score('performance');
      const a11y = score('accessibility');
      const pass = perf >= BUDGET.performance && a11y >= BUDGET.accessibility;
      ok &&= pass;
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
        .map((a) => a.id);
      rows.push(
        `${p.name.padEnd(30)} performance ${String(perf).padStart(3)}  accessibility ${String(a11y).padStart(3)}  ` +
          `FCP ${metric('first-contentful-paint')}  LCP ${metric('largest-contentful-paint')}  TBT ${metric('total-blocking-time')}  CLS ${metric('cumulative-layout-shift')}  ${pass ? '✓' : '✗'}` +
          (failing.length ? `\n${' '.repeat(32)}accessibility audits below 1: ${failing.join(', ')}` : ''),
      );
      // What moved, so a CLS above zero can be traced to an element.
      const shifts = (
        (lhr.audits['layout-shifts']?.details as { items?: { node?: { snippet?: string }; score?: number }[] } | undefined)?.items ?? []
      )
        .slice(0, 5)
        .map((i) => `${(i.score ?? 0).toFixed(3)} ${i.node?.snippet?.slice(0, 100) ?? ''}`);
      if (shifts.length) rows.push(`${' '.repeat(32)}layout shifts: ${shifts.join(' | ')}`);
      out[p.name] = {
        performance: perf,
        accessibility: a11y,
        fcpMs: lhr.audits['first-contentful-paint']?.numericValue,
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue,
        failingAccessibilityAudits: failing,
      };
    }
    rows.push(`machine load average (1 min) before → after: ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  } finally {
    await login.close();
    await web.stop();
    await stack.stop();
  }
  console.log(
    `\nLighthouse ${lighthouseVersion()} (mobile defaults), budget performance ≥ ${BUDGET.performance}, accessibility ≥ ${BUDGET.accessibility}\n`,
  );
  console.log(rows.join('\n'));
  mkdirSync(join(ROOT, '.artifacts'), { recursive: true });
  writeFileSync(join(ROOT, '.artifacts/lighthouse.json'), JSON.stringify({ at: new Date().toISOString(), pages: out }, null, 2));
  if (!ok) process.exitCode = 1;
}

function lighthouseVersion(): string {
  try {
    return (require(join(ROOT, 'node_modules/lighthouse/package.json')) as { version: string }).version;
  } catch {
    return '';
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
