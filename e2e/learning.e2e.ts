import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { drawJpeg, must } from './support/test-data';

/** The seeded bank's answer key (apps/functions/src/local/demo-learning.ts), by question id. */
const KEY: Record<string, number[]> = {
  'demo-q01': [0],
  'demo-q02': [0],
  'demo-q03': [0, 1, 2],
  'demo-q04': [1],
  'demo-q05': [1],
  'demo-q06': [0, 1, 2],
  'demo-q07': [0],
  'demo-q08': [1],
  'demo-q09': [0, 1, 2, 3],
  'demo-q10': [0],
};

describe('journey: the township schedules a 应知应会 test, a secretary takes it, the 参考率 rises', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;

    // 1. 王干事 (示例管委会) schedules a test for the secretaries of 示例管委会 with the whole demo bank.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/learning/pages/schedule/index`);
    await page.locator('.cx-learn-schedule-township.is-selected', { hasText: '示例管委会' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-learn-schedule-title input').first().fill('五星支部应知应会（第一期）');
    await page.locator('.cx-learn-schedule-all').first().click();
    await page.locator('.cx-learn-schedule-question.learn-option--on').nth(9).waitFor();
    const created = page.waitForResponse((r) => r.url().endsWith('/v1/learning/tests') && r.request().method() === 'POST');
    await page.locator('.cx-learn-schedule-submit').first().click();
    const session = (await (await created).json()) as { id: string; questionCount: number };
    expect(session.questionCount).toBe(10);
    await page.locator('.cx-learn-results-title', { hasText: '五星支部应知应会（第一期）' }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.cx-learn-total-rate').first().textContent()).toBe('0%');
    expect(await page.locator('.cx-learn-counts').first().textContent()).toContain('参考 0/1 人');
    await b.screenshot('70-learn-results-before');

    // 2. 张书记 (樱桃沟社区) finds it under 我的测试, starts it and answers against the timer.
    await loginAs(b, '张书记');
    await page.goto(`${b.webUrl}/#/subpackages/learning/pages/mine/index`);
    await page.locator(`.cx-learn-mytest[data-id="${session.id}"]`).first().click({ timeout: 30_000 });
    const started = page.waitForResponse(
      (r) => r.url().includes(`/v1/learning/tests/${session.id}/attempts`) && r.request().method() === 'POST',
    );
    await page.locator('.cx-learn-start').first().click({ timeout: 30_000 });
    const startText = await (await started).text();
    // The questions reach the browser without the answer key.
    expect(startText).not.toMatch(/"answer"/);
    expect((JSON.parse(startText) as { questions: unknown[] }).questions).toHaveLength(10);
    await page.locator('.cx-learn-timer').first().waitFor();
    expect(await page.locator('.cx-learn-timer').first().textContent()).toMatch(/剩余 (19|20):\d\d/);
    for (const [qid, choices] of Object.entries(KEY)) {
      for (const i of choices) await page.locator(`.cx-learn-option[data-q="${qid}"][data-i="${i}"]`).first().click();
    }
    await b.screenshot('71-learn-taking');
    await page.locator('.cx-learn-submit').first().click();
    await expect.poll(() => page.locator('.cx-learn-score').first().textContent(), { timeout: 30_000 }).toBe('100');
    await b.screenshot('72-learn-score');

    // 3. Back on 王干事's results page the 参考率 has risen to 100% (the one secretary of 示例管委会).
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/learning/pages/results/index?id=${session.id}`);
    await expect.poll(() => page.locator('.cx-learn-total-rate').first().textContent(), { timeout: 30_000 }).toBe('100%');
    expect(await page.locator('.cx-learn-counts').first().textContent()).toContain('参考 1/1 人');
    expect(await page.locator('.cx-learn-person').first().textContent()).toContain('100 分');
    await b.screenshot('73-learn-results-after');

    // 4. Everyone reads 创星动态: 王阿姨 (a resident) sees the seeded post and opens it.
    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/news/pages/feed/index`);
    await page.locator('.cx-news-item', { hasText: '全区“五星”支部创建推进会召开' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-news-detail-body', { hasText: '三星成片' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-news-delete').count()).toBe(0);
    await b.screenshot('74-news-detail');
  });
  it('a township runs a questionnaire (built, answered, aggregated, CSV) and posts news with a photo', async () => {
    const { page } = b;

    // 1. 王干事 builds a two-question questionnaire for 示例管委会 and sends it.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/learning/pages/qn-build/index`);
    await page.locator('.cx-qn-title input').first().fill('创星工作调研', { timeout: 30_000 });
    const first = page.locator('.cx-qn-question').nth(0);
    await first.locator('.cx-qn-question-text input').fill('对本村创星进度是否满意');
    await first.locator('.cx-qn-option input').nth(0).fill('满意');
    await first.locator('.cx-qn-option input').nth(1).fill('不满意');
    await page.locator('.cx-qn-add-question').first().click();
    const second = page.locator('.cx-qn-question').nth(1);
    await second.locator('.cx-qn-kind[data-key="text"]').click();
    await second.locator('.cx-qn-question-text input').fill('您的意见建议');
    const sent = page.waitForResponse((r) => r.url().endsWith('/v1/questionnaires') && r.request().method() === 'POST');
    await page.locator('.cx-qn-send').first().click();
    expect((await sent).status()).toBe(201);
    await expect.poll(() => page.locator('.cx-qn-responded').first().textContent(), { timeout: 30_000 }).toContain('已收 0 份 / 应答 2 人');

    // 2. 李明 (cadre, 樱桃沟社区) answers it.
    await loginAs(b, '李明');
    await page.goto(`${b.webUrl}/#/subpackages/learning/pages/questionnaires/index`);
    await page.locator('.cx-qn-to-answer', { hasText: '创星工作调研' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-qn-answer-option[data-q="q1"][data-i="0"]').first().click({ timeout: 30_000 });
    await page.locator('.cx-qn-answer-text textarea').first().fill('希望多组织观摩学习');
    await page.locator('.cx-qn-answer-submit').first().click();
    await page.locator('.cx-qn-answered').first().waitFor({ timeout: 30_000 });
    await b.screenshot('75-qn-answered');

    // 3. 王干事 sees the counts and the text, and exports the CSV (UTF-8 with BOM).
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/learning/pages/questionnaires/index`);
    await page.locator('.cx-qn-organised', { hasText: '创星工作调研' }).first().click({ timeout: 30_000 });
    await expect.poll(() => page.locator('.cx-qn-responded').first().textContent(), { timeout: 30_000 }).toContain('已收 1 份 / 应答 2 人');
    expect(await page.locator('.cx-qn-option-bar').first().textContent()).toContain('1 人');
    expect(await page.locator('.cx-qn-text-answer').first().textContent()).toContain('希望多组织观摩学习');
    await b.screenshot('76-qn-results');
    // The page saves the file through a blob link: the browser's download is the CSV as the server sent it.
    const exported = page.waitForResponse((r) => r.url().includes('/export') && r.request().method() === 'GET');
    const download = page.waitForEvent('download');
    await page.locator('.cx-qn-export').first().click();
    expect((await exported).headers()['content-type']).toBe('text/csv; charset=utf-8');
    const file = await download;
    expect(file.suggestedFilename()).toBe('问卷结果_创星工作调研.csv');
    const csv = readFileSync(must(await file.path(), 'the downloaded CSV'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toContain('希望多组织观摩学习');

    // 4. 王干事 posts news with a photo; 王阿姨 sees it first in the feed, with its photo.
    await page.goto(`${b.webUrl}/#/subpackages/news/pages/post/index`);
    await page.locator('.cx-news-post-title input').first().fill('樱桃沟社区开展创星观摩', { timeout: 30_000 });
    await page.locator('.cx-news-post-body textarea').first().fill('管委会组织各村书记到樱桃沟社区观摩樱桃产业和人居环境整治。');
    const jpeg = await drawJpeg(page, { width: 640, height: 480, fill: '#2e7d32' });
    const uploaded = page.waitForResponse((r) => r.url().includes('/v1/uploads/news') && r.request().method() === 'POST');
    await page.locator('input.cx-news-photo-input').first().setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    expect((await uploaded).status()).toBe(200);
    await page.locator('.cx-news-photo-add', { hasText: '添加照片' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-news-post-submit').first().click();
    await page.locator('.cx-news-detail-title', { hasText: '樱桃沟社区开展创星观摩' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-news-photo').count()).toBe(1);

    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/news/pages/feed/index`);
    await expect.poll(() => page.locator('.cx-news-title').first().textContent(), { timeout: 30_000 }).toBe('樱桃沟社区开展创星观摩');
    await b.screenshot('77-news-feed');
  });
});
