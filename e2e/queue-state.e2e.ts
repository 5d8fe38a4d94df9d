import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { readReport, shanghaiDayFrom } from './support/report-helpers';
import { drawJpeg } from './support/test-data';

/** What the page-side callbacks touch (they run in the page, so each casts globalThis itself). */
interface PageGlobals {
  navigator: { serviceWorker: { ready: Promise<{ active: unknown }>; controller: unknown } };
  localStorage: { getItem(key: string): string | null };
  __cxSamePage?: boolean;
}

describe('journey: a report queued offline shows as 待发送 and turns 已提交 by itself when the network returns', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('queues offline with a photo → calendar and home say 待发送 → online → 已提交 without a reload', async () => {
    const { page, context } = b;
    const today = shanghaiDayFrom(0);
    const jpeg = await drawJpeg(page, { width: 800, height: 600, fill: '#1565c0', caption: { text: '离线', size: 96, x: 260, y: 330 } });
    const photoFile = join(ARTIFACTS, 'queued-photo.jpg');
    writeFileSync(photoFile, jpeg);

    // Online once: the service worker keeps the shell and the reports subpackage; home keeps branch and rules.
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
    await page.locator('.home-shortcut', { hasText: '填写今日日报' }).first().click();
    await page.locator('.cx-report-star-option', { hasText: '产业兴旺星' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-report-item-text textarea').first().fill('信号中断前后：走访樱桃种植户 4 户');

    // The signal drops; the cadre adds a photo and submits.
    await context.setOffline(true);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).__cxSamePage = true;
    });
    await page.locator('input.cx-report-photo-input').first().setInputFiles(photoFile);
    await page.locator('.cx-report-photo').first().waitFor({ timeout: 30_000 });
    // The 正在压缩照片 notice has gone (its fade-out would hide the next toast), as it has for a person by now.
    await page.locator('.taro__toast p', { hasText: '正在压缩照片' }).first().waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.cx-report-submit').first().click();
    // The toast says what happens: nothing uploads now, the report waits on the phone.
    // (Taro's toast wrapper has no box of its own; its text paragraph does.)
    await page.locator('.taro__toast p', { hasText: '已保存在手机上，联网后自动发送' }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.taro__toast p', { hasText: '照片上传中' }).count()).toBe(0);
    await page.locator('.cx-report-status', { hasText: '待发送' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('80-queued-form');

    // Home and the calendar say 待发送, not 未提交.
    await page.goBack();
    const homeStatus = page.locator('.home-shortcut', { hasText: '填写今日日报' }).first().locator('.cx-home-report-status');
    await homeStatus.filter({ hasText: '待发送' }).waitFor({ timeout: 30_000 });
    await page.locator('.home-shortcut', { hasText: '我的日报日历' }).first().click();
    const cell = page.locator(`.cx-calendar-day[data-day="${today}"]`);
    await cell.waitFor({ timeout: 30_000 });
    await cell.locator('.report-calendar__mark', { hasText: '待发送' }).waitFor({ timeout: 30_000 });
    expect(await cell.getAttribute('data-status')).toBe('pending');
    expect(await page.locator('.cx-calendar-today').textContent()).toBe('今日日报待发送');
    await b.screenshot('81-queued-calendar');
    expect((await readReport(b, today)).status).toBe(404);

    // Back online: the photo goes up, the report is sent, and the same calendar (no reload) shows it filed.
    await context.setOffline(false);
    await cell.locator('.report-calendar__mark', { hasText: /已提交|迟交/ }).waitFor({ timeout: 60_000 });
    expect(await cell.getAttribute('data-status')).toMatch(/^(on_time|late)$/);
    await page.locator('.cx-calendar-today', { hasText: '查看/修改今日日报' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__cxSamePage)).toBe(true);
    await b.screenshot('82-sent-calendar');

    // Exactly one report, with the photo.
    const sent = await readReport(b, today);
    expect(sent.status).toBe(200);
    expect(sent.body?.report.version).toBe(1);
    expect(sent.body?.report.content.items).toEqual([
      expect.objectContaining({ star: 'industry', text: '信号中断前后：走访樱桃种植户 4 户' }),
    ]);
    expect(sent.body?.report.content.photos).toHaveLength(1);

    // The detail and home agree.
    await cell.click();
    await page.locator('.cx-report-detail-status', { hasText: /已提交|迟交/ }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-report-detail-queued').count()).toBe(0);
    await page.goBack();
    await page.goBack();
    await homeStatus.filter({ hasText: '今日已报' }).waitFor({ timeout: 30_000 });
    expect(await homeStatus.textContent()).toMatch(/^今日已报(（迟交）)? · 第 1 版$/);
  });
});
