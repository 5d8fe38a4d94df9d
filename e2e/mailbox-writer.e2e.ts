import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { must } from './support/test-data';

/** Writes a complaint to 建新南街社区 through the form and answers its 查询码 as shown (grouped). */
async function writeLetter(b: BrowserStack, text: string): Promise<string> {
  const { page } = b;
  await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie`);
  await page.locator('.cx-letter-category', { hasText: '投诉' }).first().click({ timeout: 30_000 });
  await page.locator('.cx-letter-text textarea').first().fill(text);
  await page.locator('.cx-letter-anonymous').first().click();
  await page.locator('.cx-letter-submit').first().click();
  return (await page.locator('.cx-letter-code').first().textContent({ timeout: 30_000 })) ?? '';
}

/**
 * Home, by URL. Taro keeps earlier pages in the DOM, hidden: only the visible home counts. On a loaded machine
 * the router can drop a hash change that arrives while the previous page still settles; a reload opens home.
 */
async function openHome(b: BrowserStack): Promise<void> {
  await b.page.goto(`${b.webUrl}/#/pages/index/index`);
  const shown = await b.page
    .locator('.home-shortcut')
    .filter({ visible: true })
    .first()
    .waitFor({ timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
  if (!shown) await b.page.reload();
}

const letterItem = (page: Page, code: string) => page.locator('.cx-myletter-item', { hasText: code });

describe('journey: a resident adds to one letter (补充) and withdraws another (撤回); the handler sees the 补充', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs in the H5 build against the local stack', async () => {
    const { page } = b;
    await loginAs(b, '王阿姨');

    // 寄出 without 匿名 or 署名: the page scrolls that step to the top and lists the problem beside the button.
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie`);
    await page.locator('.cx-letter-category', { hasText: '求助' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-letter-text textarea').first().fill('想问问小区加装电梯的事怎么申请');
    const anchor = page.locator('#letter-step-anonymous').first();
    await page.locator('.cx-letter-submit').first().scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, 10000)');
    const before = (await anchor.boundingBox())?.y ?? 0;
    await page.locator('.cx-letter-submit').first().click();
    const summary = page.locator('.cx-letter-summary').first();
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe('还有 1 处需要修改：匿名还是署名：请选择匿名或署名');
    // Scrolled up to the step: in the upper part of the screen, wherever 寄出 had left it.
    await expect.poll(async () => Math.round((await anchor.boundingBox())?.y ?? -1)).toBeLessThan(300);
    const after = (await anchor.boundingBox())?.y ?? -1;
    expect(after).toBeGreaterThanOrEqual(0);
    expect(after).toBeLessThan(before);
    await b.screenshot('30-letter-problems');

    const keep = await writeLetter(b, '小区南门下水道堵了三天，污水漫到路上');
    const drop = await writeLetter(b, '楼道里的灯坏了，已经自己修好了');
    for (const code of [keep, drop]) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);

    // Home remembers the community written to: its 微权说廉 is one tap away.
    await openHome(b);
    const integrity = page.locator('.home-shortcut', { hasText: '微权说廉' }).filter({ visible: true }).first();
    await integrity.waitFor({ timeout: 30_000 });
    expect(await integrity.textContent()).toContain('建新南街社区');
    await integrity.click();
    await page.locator('.mailbox-integrity-head__name', { hasText: '建新南街社区' }).first().waitFor({ timeout: 30_000 });
    await openHome(b);
    await page.locator('.home-shortcut', { hasText: '公开栏' }).filter({ visible: true }).first().click({ timeout: 30_000 });
    await page.locator('.mailbox-board').first().waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('branchId=jianxinnanjie');

    // 我的信件: by when the community must accept, in plain words.
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/mine/index`);
    const kept = letterItem(page, keep);
    await kept.first().waitFor({ timeout: 30_000 });
    expect(await kept.locator('.cx-letter-due').first().textContent()).toMatch(/^社区应在 \d{1,2}月\d{1,2}日（周.） 前受理$/);

    // 补充 on the first letter.
    await kept.locator('.cx-letter-supplement-open').first().click();
    await kept.locator('.cx-supplement-text textarea').first().fill('今天早上污水已经流进一楼住户家里了');
    await kept.locator('.cx-supplement-submit').first().click();
    await kept.locator('.cx-timeline-entry[data-kind="supplemented"]').first().waitFor({ timeout: 30_000 });
    await b.screenshot('31-letter-supplemented');

    // 撤回 the second, confirmed in the dialog.
    const dropped = letterItem(page, drop);
    await dropped.locator('.cx-letter-withdraw').first().click();
    await page.locator('.taro-modal__foot').locator('text=撤回').last().click({ timeout: 30_000 });
    await page.locator('.cx-myletter-item[data-status="withdrawn"]', { hasText: drop }).first().waitFor({ timeout: 30_000 });
    expect(await letterItem(page, drop).locator('.cx-letter-status').first().textContent()).toBe('已撤回');
    expect(await letterItem(page, drop).locator('.cx-letter-withdraw').count()).toBe(0);
    await b.screenshot('32-letter-withdrawn');

    const plain = (code: string) => code.replace(/-/g, '');
    const open = await b.stack.deps.letters.listCases({ kind: 'branch', townshipId: 'wulibao', branchId: 'jianxinnanjie' }, true);
    expect(open.map((l) => l.queryCode)).toContain(plain(keep));
    expect(open.map((l) => l.queryCode)).not.toContain(plain(drop));

    // 陈接待 sees the 补充 on the letter's timeline, then accepts: the writer can no longer withdraw it.
    await loginAs(b, '陈接待');
    const id = must(
      open.find((l) => l.queryCode === plain(keep)),
      'the kept letter',
    ).id;
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/case/index?id=${id}`);
    const added = page.locator('.cx-timeline-entry[data-kind="supplemented"]').first();
    await added.waitFor({ timeout: 30_000 });
    expect(await added.textContent()).toContain('今天早上污水已经流进一楼住户家里了');
    expect(await added.textContent()).toContain('来信人补充');
    await page.locator('.cx-case-action', { hasText: '受理' }).first().click();
    await page.locator('.cx-case-confirm').first().click();
    await page.locator('.cx-timeline-entry[data-kind="accepted"]').first().waitFor({ timeout: 30_000 });

    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/mine/index`);
    const accepted = page.locator('.cx-myletter-item[data-status="accepted"]', { hasText: keep });
    await accepted.first().waitFor({ timeout: 30_000 });
    expect(await accepted.locator('.cx-letter-withdraw').count()).toBe(0);
    expect(await accepted.locator('.cx-letter-due').first().textContent()).toMatch(/前答复$/);
  });
});
