import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { must } from './support/test-data';

describe('journey: a resident writes an anonymous letter; the station accepts and replies; the resident rates the reply', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const text = '小区东门路灯坏了一个月，晚上老人出行不安全';

    // 1. 王阿姨 writes to 建新南街社区, anonymously.
    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie`);
    await page.locator('.cx-letter-category', { hasText: '投诉' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-letter-text textarea').first().fill(text);
    await page.locator('.cx-letter-anonymous').first().click();
    await b.screenshot('20-letter-write');
    await page.locator('.cx-letter-submit').first().click();
    const code = ((await page.locator('.cx-letter-code').first().textContent({ timeout: 30_000 })) ?? '').replace(/[^0-9A-Z]/g, '');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    await b.screenshot('21-letter-sent');

    // 2. 陈接待 (民情气象站) sees it as 匿名, accepts and replies.
    await loginAs(b, '陈接待');
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/cases/index`);
    await page.locator('.cx-case-item', { hasText: '路灯' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-case-writer', { hasText: '匿名' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-case-action', { hasText: '受理' }).first().click();
    await page.locator('.cx-case-confirm').first().click();
    await page.locator('.cx-case-action', { hasText: '答复' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-case-action', { hasText: '答复' }).first().click();
    await page.locator('.cx-case-reply-text textarea').first().fill('路灯已于今日修复，感谢您的监督');
    await page.locator('.cx-case-confirm').first().click();
    await page.locator('.cx-timeline-entry[data-kind="replied"]').first().waitFor({ timeout: 30_000 });
    await b.screenshot('22-case-replied');

    // The handler's view and every official response carry no trace of the writer.
    const letters = await b.stack.deps.letters.listCases({ kind: 'branch', townshipId: 'wulibao', branchId: 'jianxinnanjie' }, true);
    const letter = must(
      letters.find((l) => l.queryCode === code),
      'the letter',
    );
    expect(letter.status).toBe('replied');
    expect(JSON.stringify(letter)).not.toContain('demo-resident');

    // 3. 王阿姨 rates the reply 满意 and the letter is archived.
    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/mine/index`);
    const item = page.locator('.cx-myletter-item', { hasText: code.slice(0, 4) });
    await item.first().waitFor({ timeout: 30_000 });
    await page
      .locator('.cx-rate-option')
      .filter({ hasText: /^满意$/ })
      .first()
      .click();
    await page.locator('.cx-rate-submit').first().click();
    await page.locator('.cx-myletter-item[data-status="archived"]').first().waitFor({ timeout: 30_000 });
    await b.screenshot('23-letter-rated');
    const stored = await b.stack.deps.letters.get(letter.id);
    expect(stored?.letter).toMatchObject({ status: 'archived', rating: 'satisfied' });
  });
});
