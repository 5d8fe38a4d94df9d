import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, blocking, runAxe } from './support/axe';
import { ARTIFACTS, type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { drawJpeg } from './support/test-data';

/** Today in Asia/Shanghai, as the server counts days. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The pages the residents and the village cadres use most, each with a selector that says it has loaded. */
const RESIDENT_PAGES = [
  { name: 'home', path: '/pages/index/index', ready: '.home-shortcut' },
  { name: 'write', path: '/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie', ready: '.cx-letter-category' },
  { name: 'my-letters', path: '/subpackages/mailbox/pages/mine/index', ready: '.mailbox-track' },
  { name: 'public-board', path: '/subpackages/mailbox/pages/board/index?branchId=jianxinnanjie', ready: '.cx-board-month' },
  { name: 'integrity', path: '/subpackages/mailbox/pages/integrity/index?branchId=jianxinnanjie', ready: '.mailbox-integrity-head' },
];
const CADRE_PAGES = [
  {
    name: 'report-form',
    path: `/subpackages/reports/pages/edit/index?branchId=yingtaogou&day=${shanghaiToday()}`,
    ready: '.cx-report-submit',
  },
  { name: 'report-calendar', path: '/subpackages/reports/pages/calendar/index?branchId=yingtaogou', ready: '.cx-calendar-day' },
];

const describeViolations = (page: string, list: AxeViolation[]) =>
  list
    .map((v) => `${page}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target}: ${n.summary}`).join('\n')}`)
    .join('\n');

describe('accessibility: axe-core finds no critical or serious violation on the residents’ and the cadres’ main pages', () => {
  let b: BrowserStack;
  const found: Record<string, AxeViolation[]> = {};
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    writeFileSync(join(ARTIFACTS, 'axe-results.json'), JSON.stringify(found, null, 2));
    await b?.stop();
  });

  async function audit(name: string, path: string, ready: string): Promise<AxeViolation[]> {
    await b.page.goto(`${b.webUrl}/#${path}`);
    await b.page.locator(ready).first().waitFor({ timeout: 30_000 });
    await b.page.waitForTimeout(400); // Taro's page slide
    const violations = await runAxe(b.page);
    found[name] = violations;
    // One main landmark, and exactly one h1 on the page shown, naming it.
    const structure = await b.page.evaluate(`(() => {
      const page = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none');
      const h1s = page ? Array.from(page.querySelectorAll('h1, [role="heading"][aria-level="1"]')) : [];
      return { mains: document.querySelectorAll('main, [role="main"]').length, h1s: h1s.map((h) => h.textContent.trim()) };
    })()`);
    expect(structure, name).toMatchObject({ mains: 1, h1s: [expect.stringMatching(/\S/)] });
    return violations;
  }

  it('lets the reader pinch-zoom: the viewport neither forbids scaling nor caps it', async () => {
    await b.page.goto(b.webUrl);
    const viewport = (await b.page.locator('meta[name="viewport"]').getAttribute('content')) ?? '';
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
  });

  it('reaches every control of the letter form by Tab, and Space/Enter work them', async () => {
    await loginAs(b, '王阿姨');
    await b.page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie`);
    await b.page.locator('.cx-letter-category').first().waitFor({ timeout: 30_000 });
    const reached: string[] = [];
    for (let i = 0; i < 30; i++) {
      await b.page.keyboard.press('Tab');
      const at = await b.page.evaluate(`(() => {
        const el = document.activeElement;
        return el ? (el.getAttribute('role') || el.tagName.toLowerCase()) + ':' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 12) : '';
      })()`);
      reached.push(String(at));
    }
    const text = reached.join('\n');
    expect(text).toMatch(/checkbox:投诉/); // a category card
    expect(text).toMatch(/checkbox:匿名/);
    expect(text).toMatch(/textarea/);
    expect(text).toMatch(/input:添加照片/);
    expect(text).toMatch(/button:寄出这封信/);
    // Space picks a category; Enter on the anonymous card ticks it.
    const complaint = b.page.locator('.cx-letter-category', { hasText: '投诉' }).first();
    await complaint.focus();
    await b.page.keyboard.press('Space');
    expect(await complaint.getAttribute('aria-checked')).toBe('true');
    const anonymous = b.page.locator('.cx-letter-anonymous').first();
    await anonymous.focus();
    await b.page.keyboard.press('Enter');
    expect(await anonymous.getAttribute('aria-checked')).toBe('true');
  });

  it('passes on the resident pages: home, 写信, 我的信件, 公开栏, 微权说廉', async () => {
    await loginAs(b, '王阿姨');
    const report: string[] = [];
    for (const p of RESIDENT_PAGES) {
      const bad = blocking(await audit(p.name, p.path, p.ready));
      if (bad.length) report.push(describeViolations(p.name, bad));
    }
    expect(report.join('\n')).toBe('');
  });

  it('passes on the cadre’s report form (with a photo thumbnail) and report calendar', async () => {
    await loginAs(b, '李明');
    const report: string[] = [];
    for (const p of CADRE_PAGES) {
      let bad = blocking(await audit(p.name, p.path, p.ready));
      if (p.name === 'report-form') {
        // With a thumbnail on the form: its image and its controls are named too.
        const photo = join(ARTIFACTS, 'a11y-upload.jpg');
        writeFileSync(photo, await drawJpeg(b.page, { width: 640, height: 480, fill: '#2e6b24' }));
        await b.page.locator('input.cx-report-photo-input').first().setInputFiles(photo);
        await b.page.locator('.cx-report-photo.is-uploaded').first().waitFor({ timeout: 30_000 });
        const alt = await b.page.locator('.cx-report-photo img').first().getAttribute('alt');
        expect(alt).toBe('照片 1');
        const withPhoto = await runAxe(b.page);
        found['report-form-with-photo'] = withPhoto;
        bad = [...bad, ...blocking(withPhoto)];
      }
      if (bad.length) report.push(describeViolations(p.name, bad));
    }
    expect(report.join('\n')).toBe('');
  });
});
