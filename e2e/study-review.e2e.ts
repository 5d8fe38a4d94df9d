import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { pickDate } from './support/picker';

describe('journey: 学讲评 — the branch keeps its four lists, the township reads the summary', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

    // 1. 李明 opens 学讲评 from home and lists a problem with its owner and due day.
    await loginAs(b, '李明');
    await page.locator('.home-shortcut', { hasText: '学讲评' }).first().click();
    await page.locator('.cx-review-list[data-list="problem"]').first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-review-add-open[data-list="problem"]').first().click();
    const form = page.locator('.cx-review-add[data-list="problem"]').first();
    await form.locator('.cx-review-add-text textarea').fill('党员会议到会率低');
    await form.locator('.cx-review-add-owner input').fill('张书记');
    await pickDate(page, form.locator('.cx-review-add-due'), `${month}-28`);
    const added = page.waitForResponse((r) => r.url().includes(`/reviews/${month}/items`) && r.request().method() === 'POST');
    await form.locator('.cx-review-add-submit').click();
    expect((await added).status()).toBe(201);
    const item = page.locator('.cx-review-list[data-list="problem"] .cx-review-item').first();
    await item.waitFor({ timeout: 30_000 });
    expect(await item.locator('.cx-review-item-text').textContent()).toBe('党员会议到会率低');
    expect(await item.locator('.cx-review-item-status').textContent()).toBe('待解决');

    // 2. He starts it, then marks it solved with a note.
    await item.locator('.cx-review-action-start').click();
    await item.locator('.cx-review-action-confirm').click();
    await page
      .locator('.cx-review-list[data-list="problem"] .cx-review-item[data-status="in_progress"]')
      .first()
      .waitFor({ timeout: 30_000 });
    const started = page.locator('.cx-review-list[data-list="problem"] .cx-review-item').first();
    await started.locator('.cx-review-action-done').click();
    await started.locator('.cx-review-action-note textarea').fill('改为晚上开会，到会率 92%');
    await started.locator('.cx-review-action-confirm').click();
    const done = page.locator('.cx-review-list[data-list="problem"] .cx-review-item[data-status="done"]').first();
    await done.waitFor({ timeout: 30_000 });
    expect(await done.locator('.cx-review-done-note').textContent()).toContain('改为晚上开会，到会率 92%');
    // And lists a measure left open.
    await page.locator('.cx-review-add-open[data-list="measure"]').first().click();
    const measure = page.locator('.cx-review-add[data-list="measure"]').first();
    await measure.locator('.cx-review-add-text textarea').fill('每周二集中学习');
    await measure.locator('.cx-review-add-owner input').fill('李明');
    await measure.locator('.cx-review-add-submit').click();
    await page.locator('.cx-review-list[data-list="measure"] .cx-review-item').first().waitFor({ timeout: 30_000 });
    await b.screenshot('50-review-board');

    // 3. 王干事 (示例管委会) opens the township summary from home: 樱桃沟社区 has one solved problem and one open measure.
    await loginAs(b, '王干事');
    await page.locator('.home-shortcut', { hasText: '学讲评' }).first().click();
    const row = page.locator('.cx-review-summary-branch[data-id="yingtaogou"]').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('.cx-review-summary-count[data-list="problem"]').textContent()).toBe('问题0 / 1');
    expect(await row.locator('.cx-review-summary-count[data-list="measure"]').textContent()).toBe('举措1 / 0');
    await b.screenshot('51-review-summary');
    // Reading the branch's lists: no controls.
    await row.click();
    await page.locator('.cx-review-item').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-review-add-open, .cx-review-action-start, .cx-review-action-done').count()).toBe(0);

    // The server holds both items with their history.
    const token = await b.stack.deps.tokens.issue('demo-secretary');
    const res = await fetch(`${b.stack.apiUrl}/v1/branches/yingtaogou/reviews/${month}`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    const board = (await res.json()) as { items: { list: string; status: string; history: { action: string }[] }[] };
    expect(board.items.map((i) => [i.list, i.status])).toEqual([
      ['problem', 'done'],
      ['measure', 'open'],
    ]);
    expect(board.items[0].history.map((h) => h.action)).toEqual(['created', 'started', 'done']);
  });
});
