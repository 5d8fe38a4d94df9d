import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { drawJpeg } from './support/test-data';

/** Today in Asia/Shanghai, as the server counts days. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('journey: a cadre files a report with a photo; the township sees the branch turn from missing to submitted', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  async function branchRow() {
    await b.page.goto(`${b.webUrl}/#/subpackages/reports/pages/dashboard/index?townshipId=demo-gwh`);
    const row = b.page.locator('.cx-dashboard-branch', { hasText: '樱桃沟社区' });
    await row.first().waitFor({ timeout: 30_000 });
    return row.first();
  }

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const day = shanghaiToday();

    // 1. The township staff of 示例管委会 see 樱桃沟社区 missing.
    await loginAs(b, '王干事');
    expect(await (await branchRow()).textContent()).toContain('未提交');
    await b.page.locator('.cx-dashboard-rate').first().waitFor();
    await b.screenshot('10-dashboard-before');

    // 2. The cadre of 樱桃沟社区 files today's report with one photo.
    await loginAs(b, '李明');
    await page.goto(`${b.webUrl}/#/subpackages/reports/pages/edit/index?branchId=yingtaogou&day=${day}`);
    await page.locator('.cx-report-star-option', { hasText: '产业兴旺星' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-report-item-text textarea').first().fill('走访樱桃种植户 6 户，协调冷库用电');
    // A real JPEG, drawn by the browser itself.
    const jpeg = await drawJpeg(page, { width: 960, height: 720, fill: '#c62828', caption: { text: '樱桃沟', size: 96, x: 300, y: 380 } });
    const photoFile = join(ARTIFACTS, 'upload.jpg');
    writeFileSync(photoFile, jpeg);
    await page.locator('input.cx-report-photo-input').first().setInputFiles(photoFile);
    await page.locator('.cx-report-photo.is-uploaded').first().waitFor({ timeout: 30_000 });
    await b.screenshot('11-report-filled');
    await page.locator('.cx-report-submit').first().click();
    await page
      .locator('.cx-report-status', { hasText: /已提交|迟交/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await b.screenshot('12-report-submitted');

    // The server holds exactly one report for the day, with the photo stored and readable.
    const token = await b.stack.deps.tokens.issue('demo-secretary');
    const res = await fetch(`${b.stack.apiUrl}/v1/branches/yingtaogou/reports/${day}`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    const detail = (await res.json()) as { report: { content: { items: unknown[]; photos: unknown[] } }; photoUrls: { url: string }[] };
    expect(res.status).toBe(200);
    expect(detail.report.content.items[0]).toMatchObject({ star: 'industry', text: '走访樱桃种植户 6 户，协调冷库用电' });
    expect(detail.report.content.photos).toHaveLength(1);
    const photo = await fetch(detail.photoUrls[0].url);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await photo.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // 3. Back on the township side, the branch is no longer missing.
    await loginAs(b, '王干事');
    const after = await (await branchRow()).textContent();
    expect(after).toMatch(/已提交|迟交/);
    expect(after).not.toContain('未提交');
    await b.screenshot('13-dashboard-after');
  });
});
