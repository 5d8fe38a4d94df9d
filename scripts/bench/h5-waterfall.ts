/**
 * One cold, throttled open of an H5 page, as bench:h5 does it, printed as a waterfall: every request with its start
 * and end (ms from navigation), and the page's own milestones. For finding where the time goes, not a figure.
 *
 *   CX_WATERFALL_PAGE=report|home|letter npx tsx scripts/bench/h5-waterfall.ts   (needs a dist-h5 build)
 */
import { join } from 'node:path';
import { freePort } from '@chuangxing/functions/local/dynamo-local';
import { startLocalStack } from '@chuangxing/functions/local/local-stack';
import { startStaticServer } from '@chuangxing/functions/local/static-server';
import { chromium } from 'playwright-core';
import { CHROMIUM, CONDITIONS, JOURNEYS, sessionOf } from './h5';
import { ROOT } from './processes';

/** The page-side performance API (scripts are type-checked without the DOM library). */
interface PaintGlobals {
  performance: { getEntriesByType(type: string): { name: string; startTime: number }[] };
}

const which = process.env.CX_WATERFALL_PAGE ?? 'report';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The 30 functions with the most self time, and the time per script file. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const perFile = new Map<string, number>();
  // CX_WATERFALL_FROM_MS: only the samples after that moment (ms from the profile's start, about the navigation).
  const from = Number(process.env.CX_WATERFALL_FROM_MS ?? 0);
  let at = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const n = byNode.get(id);
    at += (profile.timeDeltas?.[i] ?? 0) / 1000;
    const dt = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    if (!n || at < from) return;
    const file = n.callFrame.url.replace(/^https?:\/\/[^/]+/, '') || `(${n.callFrame.functionName || 'native'})`;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    perFile.set(file, (perFile.get(file) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k.slice(0, 110)}`)
      .join('\n');
  console.log(`self time per file:\n${top(perFile, 15)}\n\nself time per function:\n${top(self, 30)}`);
}

async function main() {
  const journey = JOURNEYS().find((j) => j.name.startsWith(which));
  if (!journey) throw new Error(`no journey ${which}`);
  const webPort = await freePort();
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const stack = await startLocalStack({ corsOrigins: [webOrigin] });
  const web = await startStaticServer({
    root: join(ROOT, 'apps/miniprogram/dist-h5'),
    port: webPort,
    runtimeConfig: { CX_API_BASE: stack.apiUrl, CX_DEV_LOGIN: true },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const storageState = await sessionOf(browser, web.url, journey.user);
    const context = await browser.newContext({ storageState, viewport: CONDITIONS.viewport, isMobile: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: CONDITIONS.latencyMs,
      downloadThroughput: CONDITIONS.downloadBitsPerSecond / 8,
      uploadThroughput: CONDITIONS.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CONDITIONS.cpuSlowdown });
    const reqs = new Map<string, { url: string; method: string; start: number; end?: number; bytes?: number; type?: string }>();
    let t0 = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!t0) t0 = e.timestamp;
      reqs.set(e.requestId, { url: e.request.url, method: e.request.method, start: (e.timestamp - t0) * 1000 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.type = e.type;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = reqs.get(e.requestId);
      if (r) Object.assign(r, { end: (e.timestamp - t0) * 1000, bytes: e.encodedDataLength });
    });
    // CX_WATERFALL_PROFILE=1: also where the main thread's time goes (self time by function), sampled by V8.
    const profiling = process.env.CX_WATERFALL_PROFILE === '1';
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    // In the page: when the text box first exists, first has a size, and when the loaded form (star chips) shows.
    await page.addInitScript(`(() => {
      const seen = (globalThis.__cxMarks = {});
      const tick = () => {
        const box = document.querySelector(${JSON.stringify(journey.selector)});
        if (box && !seen.exists) seen.exists = performance.now();
        if (box && box.offsetWidth > 0 && !seen.sized) seen.sized = performance.now();
        if (document.querySelector('.cx-report-star-option, .cx-letter-text') && !seen.loaded) seen.loaded = performance.now();
        if (!seen.sized || !seen.loaded) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      // Layout shifts with what moved (class, rect before → after), to trace a CLS above zero.
      const shifts = (globalThis.__cxShifts = []);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          shifts.push([Math.round(e.startTime), e.value.toFixed(3), e.hadRecentInput, ...(e.sources || []).map((s) =>
            [s.node && s.node.className, JSON.stringify(s.previousRect), JSON.stringify(s.currentRect)].join(' '))]);
      }).observe({ type: 'layout-shift', buffered: true });
    })()`);
    await page.goto(web.url + journey.path, { waitUntil: 'commit' });
    const target = page.locator(journey.selector).first();
    await target.waitFor({ state: 'visible', timeout: 120_000 });
    const shown = await page.evaluate(() => performance.now());
    if (journey.typing) await target.pressSequentially('好');
    const typed = await page.evaluate(() => performance.now());
    const paints = await page.evaluate(() =>
      (globalThis as unknown as PaintGlobals).performance.getEntriesByType('paint').map((e) => `${e.name} ${Math.round(e.startTime)} ms`),
    );
    if (profiling) printProfile((await cdp.send('Profiler.stop')).profile);
    const metrics = await cdp.send('Performance.getMetrics');
    const pick = (n: string) => metrics.metrics.find((m) => m.name === n)?.value ?? 0;
    for (const r of [...reqs.values()].sort((a, b) => a.start - b.start))
      console.log(
        `${r.start.toFixed(0).padStart(6)} → ${(r.end ?? Number.NaN).toFixed(0).padStart(6)}  ${r.method.padEnd(7)} ${(r.type ?? '').padEnd(10)} ${String(r.bytes ?? '').padStart(7)}  ${r.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 90)}`,
      );
    console.log(paints.join('\n'));
    console.log('in-page marks (ms):', JSON.stringify(await page.evaluate('globalThis.__cxMarks')));
    await page.waitForTimeout(3000);
    console.log('layout shifts:', JSON.stringify(await page.evaluate('globalThis.__cxShifts'), null, 1));
    console.log(`shown ${shown.toFixed(0)} ms, typed ${typed.toFixed(0)} ms`);
    console.log(
      `script ${(pick('ScriptDuration') * 1000).toFixed(0)} ms, task ${(pick('TaskDuration') * 1000).toFixed(0)} ms, layout ${(pick('LayoutDuration') * 1000).toFixed(0)} ms, style ${(pick('RecalcStyleDuration') * 1000).toFixed(0)} ms`,
    );
    await context.close();
  } finally {
    await browser.close();
    await web.stop();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
