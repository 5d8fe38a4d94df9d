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
    await page.goto(web.url + journey.path, { waitUntil: 'commit' });
    const target = page.locator(journey.selector).first();
    await target.waitFor({ state: 'visible', timeout: 120_000 });
    const shown = await page.evaluate(() => performance.now());
    if (journey.typing) await target.pressSequentially('好');
    const typed = await page.evaluate(() => performance.now());
    const paints = await page.evaluate(() =>
      (globalThis as unknown as PaintGlobals).performance.getEntriesByType('paint').map((e) => `${e.name} ${Math.round(e.startTime)} ms`),
    );
    const metrics = await cdp.send('Performance.getMetrics');
    const pick = (n: string) => metrics.metrics.find((m) => m.name === n)?.value ?? 0;
    for (const r of [...reqs.values()].sort((a, b) => a.start - b.start))
      console.log(
        `${r.start.toFixed(0).padStart(6)} → ${(r.end ?? Number.NaN).toFixed(0).padStart(6)}  ${r.method.padEnd(7)} ${(r.type ?? '').padEnd(10)} ${String(r.bytes ?? '').padStart(7)}  ${r.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 90)}`,
      );
    console.log(paints.join('\n'));
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
