import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { type LayoutFinding, probeLayout } from './support/layout-probe';

/** Today in Asia/Shanghai, as the server counts days. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const RESIDENT_PAGES = [
  { name: 'home', path: '/pages/index/index', ready: '.home-shortcut' },
  { name: 'me', path: '/pages/me/index', ready: '.cx-me-large-text' },
  { name: 'write', path: '/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie', ready: '.cx-letter-category' },
  { name: 'my-letters', path: '/subpackages/mailbox/pages/mine/index', ready: '.mailbox-track' },
  { name: 'public-board', path: '/subpackages/mailbox/pages/board/index?branchId=jianxinnanjie', ready: '.cx-board-month' },
  { name: 'integrity', path: '/subpackages/mailbox/pages/integrity/index?branchId=jianxinnanjie', ready: '.mailbox-integrity-head' },
];
const CADRE_PAGES = [
  { name: 'cadre-home', path: '/pages/index/index', ready: '.home-shortcut' },
  {
    name: 'report-form',
    path: `/subpackages/reports/pages/edit/index?branchId=yingtaogou&day=${shanghaiToday()}`,
    ready: '.cx-report-submit',
  },
  { name: 'report-calendar', path: '/subpackages/reports/pages/calendar/index?branchId=yingtaogou', ready: '.cx-calendar-day' },
];

const describeFindings = (page: string, mode: string, list: LayoutFinding[]) =>
  list
    .slice(0, 12)
    .map((f) => `${page} (${mode}): ${f.kind} ${f.what} — ${f.detail}`)
    .join('\n');

describe('大字 and 320 px: nothing is cut off on a small phone, and 大字 is large everywhere', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
    await b.page.setViewportSize({ width: 320, height: 640 });
  });
  afterAll(async () => {
    await b?.stop();
  });

  async function walk(pages: typeof RESIDENT_PAGES, large: boolean): Promise<string[]> {
    const report: string[] = [];
    for (const p of pages) {
      await b.page.goto(`${b.webUrl}/#${p.path}`);
      await b.page.locator(p.ready).first().waitFor({ timeout: 30_000 });
      await b.page.waitForTimeout(400); // Taro's page slide
      // The root class is what makes every page large (services/text-size.ts).
      expect(await b.page.evaluate('document.documentElement.classList.contains("cx-large")')).toBe(large);
      const findings = await probeLayout(b.page, large);
      if (findings.length) report.push(describeFindings(p.name, large ? '大字' : '标准', findings));
      if (large) await b.screenshot(`large-text-320-${p.name}`);
    }
    return report;
  }

  /** The 大字 switch in 我的, which overrides the default (H5: standard) and is kept on the device. */
  async function switchLargeText(on: boolean) {
    await b.page.goto(`${b.webUrl}/#/pages/me/index`);
    const toggle = b.page.locator('.cx-me-large-text').first();
    await toggle.waitFor({ timeout: 30_000 });
    expect(await toggle.getAttribute('role')).toBe('switch');
    if ((await toggle.getAttribute('aria-checked')) !== String(on)) {
      // By keyboard, as a reader without a touch screen would.
      await toggle.focus();
      await b.page.keyboard.press('Space');
    }
    expect(await toggle.getAttribute('aria-checked')).toBe(String(on));
  }

  it('resident pages at 320×640, in standard text and in 大字 (switched on in 我的, kept across a reload)', async () => {
    await loginAs(b, '王阿姨');
    expect(await walk(RESIDENT_PAGES, false)).toEqual([]);
    await switchLargeText(true);
    await b.page.reload();
    expect(await walk(RESIDENT_PAGES, true)).toEqual([]);
    await switchLargeText(false);
  });

  it('cadre pages at 320×640, in standard text and in 大字', async () => {
    await loginAs(b, '李明');
    expect(await walk(CADRE_PAGES, false)).toEqual([]);
    await switchLargeText(true);
    expect(await walk(CADRE_PAGES, true)).toEqual([]);
    await switchLargeText(false);
  });
});
