import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';

/** Today in Asia/Shanghai, as the server counts days. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** What the page-side callbacks touch (they run in the page, so each casts globalThis itself). */
interface PageGlobals {
  navigator: { serviceWorker: { ready: Promise<{ active: unknown }>; controller: unknown } };
  localStorage: { getItem(key: string): string | null };
  caches: { keys(): Promise<string[]>; open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }> };
}

describe('journey: the H5 offline shell — a cadre who opened the app online files today’s report with no network', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('loads online, goes offline, reloads, opens the form, queues the report, and sends it exactly once when back online', async () => {
    const { page, context } = b;
    const day = shanghaiToday();

    // 1. Online: the cadre opens the app. The service worker installs (precaching the shell and the reports
    //    subpackage) and home keeps the form's branch and rules on the device.
    await loginAs(b, '李明');
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).navigator.serviceWorker.ready.then((r) => Boolean(r.active)),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).localStorage.getItem('cx.report.ctx.yingtaogou') !== null,
      undefined,
      { timeout: 30_000 },
    );
    const precached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await (globalThis as unknown as PageGlobals).caches.keys())
        for (const req of await (await (globalThis as unknown as PageGlobals).caches.open(name)).keys()) urls.push(req.url);
      return urls;
    });
    expect(precached.some((u) => /\/js\/sub-reports\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
    // index.html is kept under its revision (…/index.html?__WB_REVISION__=…).
    expect(precached.some((u) => new URL(u).pathname === '/index.html')).toBe(true);
    // Other subpackages are not precached: only what a cadre needs offline.
    expect(precached.some((u) => /\/js\/sub-rankings\./.test(u))).toBe(false);

    // 2. The signal drops: no network for the page, and the H5 site itself is gone, so whatever loads now comes
    //    from the service worker's cache.
    await context.setOffline(true);
    await b.stopWeb();

    // 3. Reload, then open the form from home.
    await page.reload();
    const shortcut = page.locator('.home-shortcut', { hasText: '填写今日日报' }).first();
    await shortcut.waitFor({ timeout: 30_000 });
    await b.screenshot('60-offline-home');
    await shortcut.click();

    // 4. Fill it in and submit: queued on the device.
    await page.locator('.cx-report-star-option', { hasText: '产业兴旺星' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-report-item-text textarea').first().fill('离线填写：走访樱桃种植户 3 户');
    await page.locator('.cx-report-submit').first().click();
    await page.locator('.cx-report-status', { hasText: '待发送' }).first().waitFor({ timeout: 30_000 });
    await page.getByText('网络不可用：已保存在本机，联网后自动发送').first().waitFor({ timeout: 10_000 });
    await b.screenshot('61-offline-queued');

    // Nothing reached the server while offline.
    const token = await b.stack.deps.tokens.issue('demo-secretary');
    const read = () =>
      fetch(`${b.stack.apiUrl}/v1/branches/yingtaogou/reports/${day}`, { headers: { authorization: `Bearer ${token.token}` } });
    expect((await read()).status).toBe(404);

    // 5. Back online: the queue sends it by itself.
    await context.setOffline(false);
    await page
      .locator('.cx-report-status', { hasText: /已提交|迟交/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await b.screenshot('62-offline-sent');

    // Exactly one report, in its first version, with what was typed offline.
    const res = await read();
    expect(res.status).toBe(200);
    const detail = (await res.json()) as {
      report: { version: number; content: { items: { star: string; text: string }[] } };
      revisions: unknown[];
    };
    expect(detail.report.version).toBe(1);
    expect(detail.revisions).toHaveLength(1);
    expect(detail.report.content.items).toEqual([expect.objectContaining({ star: 'industry', text: '离线填写：走访樱桃种植户 3 户' })]);
    const list = await fetch(`${b.stack.apiUrl}/v1/branches/yingtaogou/reports?from=${day}&to=${day}`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(list.status).toBe(200);
    const { reports } = (await list.json()) as { reports: { day: string; itemCount: number }[] };
    expect(reports).toEqual([expect.objectContaining({ day, itemCount: 1 })]);
  });
});
