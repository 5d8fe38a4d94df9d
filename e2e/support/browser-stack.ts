import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@chuangxing/functions/local/dynamo-local';
import { type LocalStack, startLocalStack } from '@chuangxing/functions/local/local-stack';
import { startStaticServer } from '@chuangxing/functions/local/static-server';
import type { Clock } from '@chuangxing/functions/platform/kernel/clock';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, '.artifacts/e2e');
const H5 = join(ROOT, 'apps/miniprogram/dist-h5');
const CHROMIUM = process.env.CX_CHROMIUM ?? '/usr/bin/chromium';

/** Picks a demo user in the dev-login page and waits for the home greeting. */
export async function loginAs(b: Pick<BrowserStack, 'page' | 'webUrl'>, label: string): Promise<void> {
  await b.page.goto(`${b.webUrl}/#/subpackages/identity/pages/dev-login/index`);
  const row = b.page.locator('.cx-devuser-item', { hasText: label });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().click();
  await b.page.locator('.cx-home-greeting').waitFor({ timeout: 30_000 });
}

export interface BrowserStack {
  stack: LocalStack;
  webUrl: string;
  /** Stops the H5 site (an offline test proves the page then comes from the service worker). */
  stopWeb(): Promise<void>;
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The API's clock, moved forward by a journey that must outlast a 公示 (the browser keeps the real time). */
export function movableClock(): Clock & { advanceDays(days: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advanceDays(days) {
      offset += days * 86_400_000;
    },
  };
}

/** In-memory DynamoDB Local with demo data, the API, the H5 build and a fresh headless Chromium. */
export async function startBrowserStack(opts: { clock?: Clock } = {}): Promise<BrowserStack> {
  if (!existsSync(join(H5, 'index.html'))) throw new Error('H5 build missing: run `npm run build:h5` first (npm run test:e2e does)');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const webPort = await freePort();
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const stack = await startLocalStack({ corsOrigins: [webOrigin], ...(opts.clock ? { clock: opts.clock } : {}) });
  const web = await startStaticServer({ root: H5, port: webPort, runtimeConfig: { CX_API_BASE: stack.apiUrl, CX_DEV_LOGIN: true } });
  const profile = mkdtempSync(join(tmpdir(), 'cx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    stack,
    webUrl: web.url,
    stopWeb: () => web.stop(),
    context,
    page,
    async screenshot(name) {
      await page.waitForTimeout(400); // Taro's 300 ms page slide
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async stop() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await web.stop();
      await stack.stop();
    },
  };
}
