import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@chuangxing/functions/local/dynamo-local';
import { startLocalStack } from '@chuangxing/functions/local/local-stack';
import { startStaticServer } from '@chuangxing/functions/local/static-server';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { ROOT, run } from './processes';
import { BUDGET, KB, kb, results, round, rows } from './report';

const H5 = join(ROOT, 'apps/miniprogram/dist-h5');
export const CHROMIUM = process.env.CX_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 3;

/** Slow 4G as issue 15 measured it, and a mid-range phone's CPU. */
export const CONDITIONS = {
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  cpuSlowdown: 4,
  viewport: { width: 375, height: 812 },
};

/** Today in Asia/Shanghai, as the server counts days. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Journey {
  name: string;
  /** The demo user (dev-login list label) who opens it. */
  user: string;
  path: string;
  /** The element that must accept typing (a text field), or only appear (`typing: false`). */
  selector: string;
  typing: boolean;
  budgeted: boolean;
}

export const JOURNEYS = (): Journey[] => [
  {
    name: 'report form (填写今日日报)',
    user: '李明',
    path: `/#/subpackages/reports/pages/edit/index?branchId=yingtaogou&day=${shanghaiToday()}`,
    selector: '.cx-report-item-text textarea',
    typing: true,
    budgeted: true,
  },
  { name: 'home (首页, cadre)', user: '李明', path: '/', selector: '.home-shortcut', typing: false, budgeted: false },
  {
    name: 'letter form (写信, resident)',
    user: '王阿姨',
    path: '/#/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie',
    selector: '.cx-letter-text textarea',
    typing: true,
    budgeted: false,
  },
];

/** What the page-side callbacks touch (scripts are type-checked without the DOM library). */
interface PageGlobals {
  document: { querySelector(selector: string): { value?: string } | null };
}

interface RunResult {
  ms: number;
  wireBytes: number;
  requests: number;
  byType: Record<string, number>;
  /** Bytes of the JS and CSS the page fetched, decompressed (what the browser parses). */
  decodedScriptBytes: number;
}

/** One cold open of a journey: a fresh browser context (empty HTTP cache, no service worker), throttled. */
async function openCold(
  browser: Browser,
  webUrl: string,
  journey: Journey,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
  const context = await browser.newContext({
    storageState,
    viewport: CONDITIONS.viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: CONDITIONS.latencyMs,
      downloadThroughput: CONDITIONS.downloadBitsPerSecond / 8,
      uploadThroughput: CONDITIONS.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CONDITIONS.cpuSlowdown });
    const types = new Map<string, string>();
    const finished: { id: string; bytes: number }[] = [];
    const decoded = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.dataReceived', (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
    cdp.on('Network.loadingFinished', (e) => finished.push({ id: e.requestId, bytes: e.encodedDataLength }));

    await page.goto(webUrl + journey.path, { waitUntil: 'commit' });
    const target = page.locator(journey.selector).first();
    await target.waitFor({ state: 'visible', timeout: 120_000 });
    if (journey.typing) {
      await target.pressSequentially('好');
      await page.waitForFunction(
        (sel) => (globalThis as unknown as PageGlobals).document.querySelector(sel)?.value === '好',
        journey.selector,
        {
          timeout: 60_000,
          polling: 'raf',
        },
      );
    }
    // performance.now() counts from the navigation's start.
    const ms = await page.evaluate(() => performance.now());
    const byType: Record<string, number> = {};
    let wireBytes = 0;
    let decodedScriptBytes = 0;
    for (const f of finished) {
      const type = types.get(f.id) ?? 'Other';
      byType[type] = (byType[type] ?? 0) + f.bytes;
      wireBytes += f.bytes;
      if (type === 'Script' || type === 'Stylesheet') decodedScriptBytes += decoded.get(f.id) ?? 0;
    }
    return { ms, wireBytes, requests: finished.length, byType, decodedScriptBytes } satisfies RunResult;
  } finally {
    await context.close();
  }
}

/** Logs in through the dev-login page (unthrottled) and keeps the session for the cold runs. */
export async function sessionOf(browser: Browser, webUrl: string, user: string) {
  const context = await browser.newContext({ viewport: CONDITIONS.viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    await page.goto(`${webUrl}/#/subpackages/identity/pages/dev-login/index`);
    const row = page.locator('.cx-devuser-item', { hasText: user }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.locator('.cx-home-greeting').waitFor({ timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Size of the H5 build on disk: raw, and what brotli sends (the .br beside each file, else the file). */
function buildSize(): { raw: number; brotli: number; files: number } {
  const out = { raw: 0, brotli: 0, files: 0 };
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(br|gz)$/.test(e.name)) {
        const raw = statSync(p).size;
        out.raw += raw;
        out.files += 1;
        out.brotli += existsSync(`${p}.br`) ? statSync(`${p}.br`).size : raw;
      }
    }
  };
  walk(H5);
  return out;
}

/**
 * The H5 build in Chromium under slow 4G and a 4× slower CPU, cold cache, RUNS times per page: the median time
 * from navigation until the page's first text field accepts typing, and the bytes on the wire until then.
 * CX_BENCH_REUSE_H5=1 measures the existing dist-h5 instead of building it first.
 */
export async function benchH5() {
  let buildMs: number | undefined;
  if (process.env.CX_BENCH_REUSE_H5 !== '1') {
    const res = await run('npm', ['run', 'build:h5'], { cwd: ROOT, timeoutMs: 600_000 });
    if (res.code !== 0) throw new Error(`npm run build:h5 failed (${res.code}):\n${res.out.slice(-3000)}`);
    buildMs = res.ms;
  }
  if (!existsSync(join(H5, 'index.html'))) throw new Error('no H5 build in apps/miniprogram/dist-h5');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const webPort = await freePort();
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const stack = await startLocalStack({ corsOrigins: [webOrigin] });
  const web = await startStaticServer({ root: H5, port: webPort, runtimeConfig: { CX_API_BASE: stack.apiUrl, CX_DEV_LOGIN: true } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const loadBefore = loadavg()[0];
    const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();
    const perJourney: Record<string, unknown> = {};
    for (const journey of JOURNEYS()) {
      if (!sessions.has(journey.user)) sessions.set(journey.user, await sessionOf(browser, web.url, journey.user));
      const runs: RunResult[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await openCold(browser, web.url, journey, sessions.get(journey.user)!));
      const ms = median(runs.map((r) => r.ms));
      const bytes = median(runs.map((r) => r.wireBytes));
      perJourney[journey.name] = { medianMs: round(ms, 0), medianWireBytes: bytes, runs };
      rows.push({
        figure: `H5 ${journey.name}: until ${journey.typing ? 'typing works' : 'shown'} (median of ${RUNS})`,
        measured: `${(ms / 1000).toFixed(2)} s (${runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ')})`,
        budget: journey.budgeted ? `≤ ${(BUDGET.h5ReportFormMs / 1000).toFixed(1)} s` : 'recorded',
        ok: journey.budgeted ? ms <= BUDGET.h5ReportFormMs : null,
      });
      const sample = runs.find((r) => r.wireBytes === bytes)!;
      rows.push({
        figure: '  over the wire until then',
        measured: `${kb(bytes)} in ${sample.requests} requests (JS+CSS ${kb(sample.decodedScriptBytes)} decoded)`,
        budget: journey.budgeted ? `≤ ${kb(BUDGET.h5ReportFormBytes)}` : 'recorded',
        ok: journey.budgeted ? bytes <= BUDGET.h5ReportFormBytes : null,
      });
    }
    // Wall time under a 4× CPU slowdown is only as good as the machine is idle: say how busy it was.
    const load = { before: round(loadBefore, 1), after: round(loadavg()[0], 1) };
    rows.push({
      figure: 'machine load average (1 min) before → after the runs',
      measured: `${load.before} → ${load.after}`,
      budget: 'recorded',
      ok: null,
    });
    const size = buildSize();
    rows.push({
      figure: 'H5 build: all files (brotli as served)',
      measured: `${kb(size.raw)} raw, ${kb(size.brotli)} brotli, ${size.files} files`,
      budget: 'recorded',
      ok: null,
    });
    results.h5 = {
      conditions: CONDITIONS,
      loadAverage: load,
      runs: RUNS,
      buildMs: buildMs === undefined ? 'reused' : round(buildMs, 0),
      budget: { ms: BUDGET.h5ReportFormMs, bytes: BUDGET.h5ReportFormBytes },
      journeys: perJourney,
      build: { rawBytes: size.raw, brotliBytes: size.brotli, files: size.files, rawKB: round(size.raw / KB, 1) },
    };
  } finally {
    await browser.close();
    await web.stop();
    await stack.stop();
  }
}
