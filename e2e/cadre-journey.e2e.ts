import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { fileAsSecretary, readReport, shanghaiDayFrom, startCountingTaps } from './support/report-helpers';
import { drawJpeg } from './support/test-data';

/** The cadre's budget: home to a submitted 2-item report with a photo. */
const TAP_BUDGET = 12;

describe('journey: a cadre files a 2-item report with a photo from home in at most 12 taps', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('home shows today’s status; yesterday’s 明日计划 is one tap; the key tasks stay folded; the version shows after an edit', async () => {
    const { page } = b;
    const today = shanghaiDayFrom(0);
    const yesterday = shanghaiDayFrom(-1);
    // Yesterday the secretary planned today's work.
    await fileAsSecretary(b, yesterday, { text: '走访樱桃种植户', tomorrowPlan: '组织樱桃采摘节志愿服务' });
    const jpeg = await drawJpeg(page, { width: 960, height: 720, fill: '#2e7d32', caption: { text: '采摘节', size: 96, x: 300, y: 380 } });
    const photoFile = join(ARTIFACTS, 'journey-photo.jpg');
    writeFileSync(photoFile, jpeg);

    // Home: today is not filed yet, with the deadline from the daily rules.
    await loginAs(b, '李明');
    const todayCard = page.locator('.home-shortcut', { hasText: '填写今日日报' }).first();
    const status = todayCard.locator('.cx-home-report-status');
    await status.filter({ hasText: '今日未报' }).waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toMatch(/^今日未报 · (已过 )?22:00 截止/);
    await b.screenshot('70-home-today-due');

    const taps = await startCountingTaps(page);
    // 1. Open the form.
    await todayCard.click();
    // 2. The first item's star.
    await page.locator('.cx-report-star-option', { hasText: '产业兴旺星' }).first().click({ timeout: 30_000 });
    // The key tasks are one folded line, so the text box stays close.
    await page.locator('.cx-report-task-toggle', { hasText: '关联重点任务（选填）' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-report-task-option').count()).toBe(0);
    // 3. Yesterday's 明日计划 becomes the first item.
    await page.locator('.cx-report-yesterday', { hasText: '组织樱桃采摘节志愿服务' }).waitFor({ timeout: 30_000 });
    await page.locator('.cx-report-use-plan').first().click();
    expect(await page.locator('.cx-report-item-text textarea').first().inputValue()).toBe('组织樱桃采摘节志愿服务');
    // 4. A second item (it keeps the first item's star), 5. its text box.
    await page.locator('.cx-report-add-item').first().click();
    const second = page.locator('.cx-report-item-text--1 textarea').first();
    await second.click();
    await second.fill('协调冷库用电');
    // 6. The add-photo tile, 7. the photo in the phone's picker.
    const chooser = page.waitForEvent('filechooser');
    await page.locator('input.cx-report-photo-input').first().click();
    await (await chooser).setFiles(photoFile);
    const systemPickerTaps = 1;
    await b.screenshot('71-journey-filled');
    // 8. 提交.
    await page.locator('.cx-report-submit').first().click();
    await page
      .locator('.cx-report-status', { hasText: /已提交|迟交/ })
      .first()
      .waitFor({ timeout: 60_000 });
    const used = (await taps()) + systemPickerTaps;
    await b.screenshot('72-journey-submitted');
    expect(used).toBeLessThanOrEqual(TAP_BUDGET);
    writeFileSync(join(ARTIFACTS, 'cadre-journey-taps.txt'), `${used} taps (budget ${TAP_BUDGET})\n`);

    const first = await readReport(b, today);
    expect(first.status).toBe(200);
    expect(first.body?.report.version).toBe(1);
    expect(first.body?.report.content.items).toEqual([
      expect.objectContaining({ star: 'industry', text: '组织樱桃采摘节志愿服务' }),
      expect.objectContaining({ star: 'industry', text: '协调冷库用电' }),
    ]);
    expect(first.body?.report.content.photos).toHaveLength(1);
    await page.locator('.cx-report-deadline', { hasText: '第 1 版' }).waitFor({ timeout: 30_000 });

    // An edit: the header names the new version.
    await second.fill('协调冷库用电，已接通');
    await page.locator('.cx-report-submit', { hasText: '提交修改' }).first().click();
    await page.locator('.cx-report-deadline', { hasText: '第 2 版' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.cx-report-deadline').first().textContent()).toMatch(/^已于 .+ 提交(（迟交）)? · 第 2 版/);
    expect((await readReport(b, today)).body?.report.version).toBe(2);

    // Home says it is filed, in its second version; the calendar's button changes.
    await page.goBack();
    await status.filter({ hasText: '今日已报' }).waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toMatch(/^今日已报(（迟交）)? · 第 2 版$/);
    await b.screenshot('73-home-today-filed');
    await page.locator('.home-shortcut', { hasText: '我的日报日历' }).first().click();
    await page.locator('.cx-calendar-today', { hasText: '查看/修改今日日报' }).waitFor({ timeout: 30_000 });
    expect(await page.locator(`.cx-calendar-day[data-day="${today}"]`).getAttribute('data-status')).toMatch(/^(on_time|late)$/);
  });
});
