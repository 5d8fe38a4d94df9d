import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { must } from './support/test-data';

describe('journey: the station records a paper letter for a resident (代录); the resident follows it with the 查询码', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs in the H5 build against the local stack', async () => {
    const { page } = b;

    // 1. 陈接待 (民情气象站) opens 代录来信 from home and records a paper letter with the resident's name and phone.
    await loginAs(b, '陈接待');
    await page.locator('.home-shortcut', { hasText: '代录来信' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-record-channel', { hasText: '纸质信件' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-record-category', { hasText: '求助' }).first().click();
    await page.locator('.cx-record-text textarea').first().fill('独居老人家中水管漏水，请社区帮忙联系维修');
    await page.locator('.cx-record-name input').first().fill('李秀英');
    await page.locator('.cx-record-phone input').first().fill('13912345678');
    await page.locator('.cx-record-submit').first().click();
    const slip = page.locator('.cx-record-slip').first();
    await slip.waitFor({ timeout: 30_000 });
    const grouped = ((await page.locator('.cx-record-code').first().textContent()) ?? '').trim();
    expect(grouped).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(await slip.textContent()).toContain('社区应在');
    expect(await slip.textContent()).not.toContain('李秀英');
    await b.screenshot('40-recorded-slip');

    // The slip prints alone: in print media the buttons are gone and the slip stays.
    expect(await page.locator('.cx-record-print').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.cx-record-print').first().isVisible()).toBe(false);
    expect(await slip.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Stored like any letter: in the station's queue, the resident sealed.
    const code = grouped.replace(/-/g, '');
    const open = await b.stack.deps.letters.listCases({ kind: 'branch', townshipId: 'wulibao', branchId: 'jianxinnanjie' }, true);
    const letter = must(
      open.find((l) => l.queryCode === code),
      'the recorded letter',
    );
    expect(letter).toMatchObject({ channel: 'paper', status: 'submitted', sealedWriter: '' });
    expect(JSON.stringify(letter)).not.toContain('李秀英');
    expect(JSON.stringify(letter)).not.toContain('13912345678');

    // 2. The handler sees the resident on the case and accepts it.
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/case/index?id=${letter.id}`);
    await page.locator('.cx-case-writer', { hasText: '李秀英' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-case-channel').first().textContent()).toContain('纸质信件');
    await page.locator('.cx-case-action', { hasText: '受理' }).first().click();
    await page.locator('.cx-case-confirm').first().click();
    await page.locator('.cx-timeline-entry[data-kind="accepted"]').first().waitFor({ timeout: 30_000 });

    // 3. A resident types the code as read out over the phone (lower case, spaces) and sees the timeline.
    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/mine/index`);
    const typed = `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`.toLowerCase();
    await page.locator('.cx-track-code input').first().fill(typed, { timeout: 30_000 });
    expect(await page.locator('.cx-track-code input').first().inputValue()).toBe(grouped);
    await page.locator('.cx-track-submit').first().click();
    const result = page.locator('.cx-track-result').first();
    await result.waitFor({ timeout: 30_000 });
    const kinds = await result.locator('.cx-timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['submitted', 'accepted']);
    expect(await result.textContent()).toContain('居民纸质信件反映，由民情气象站代录');
    expect(await result.locator('.cx-letter-due').first().textContent()).toMatch(/前答复$/);
    expect(await result.textContent()).not.toContain('李秀英');
    await b.screenshot('41-recorded-tracked');

    // The slip's link (shared in the weapp) opens 我的信件 with the code looked up.
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/mine/index?code=${code}`);
    await page.locator('.cx-track-result .cx-timeline-entry[data-kind="accepted"]').first().waitFor({ timeout: 30_000 });
  });
});
