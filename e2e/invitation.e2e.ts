import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { must } from './support/test-data';

/** Today in Asia/Shanghai, as the server counts days. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('journey: a new cadre redeems an invitation, confirms their name, files a report, and the township sees that name in its history', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const day = shanghaiToday();

    // 1. 王干事 (示例管委会) invites a cadre of 樱桃沟社区, naming them 陈思远; the code is shown once.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/identity/pages/invitations/index`);
    await page.locator('.cx-invite-name input').first().fill('陈思远', { timeout: 30_000 });
    await page.locator('.cx-role-option', { hasText: '村（社区）干部' }).first().click();
    await page.locator('.cx-scope-branch', { hasText: '樱桃沟社区' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-invite-submit').first().click();
    const code = must(await page.locator('.cx-invite-code').first().textContent({ timeout: 30_000 }), 'the invitation code').trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await b.screenshot('60-invitation-code');

    // 2. The newcomer (signed in, bound to nothing) reads the 隐私保护指引 from 我的 (the H5 side of the platform
    //    adapter opens our page of it), then enters the code and sees who the invitation is for.
    await loginAs(b, '新同志');
    await page.goto(`${b.webUrl}/#/pages/me/index`);
    await page.locator('.me-privacy').first().click({ timeout: 30_000 });
    await page.locator('.cx-privacy-section', { hasText: '选择照片' }).first().waitFor({ timeout: 30_000 });
    await page.goto(`${b.webUrl}/#/subpackages/identity/pages/bind/index`);
    await page.locator('.bind-input input').first().fill(code.toLowerCase(), { timeout: 30_000 });
    await page.getByText('下一步').first().click();
    await page.locator('.cx-bind-role', { hasText: '村（社区）干部' }).first().waitFor({ timeout: 30_000 });
    const name = page.locator('.cx-person-name input').first();
    expect(await name.inputValue()).toBe('陈思远');
    // They correct the name (思源, not 思远) and add a work phone for their supervisors.
    await name.fill('陈思源');
    await page.locator('.cx-person-phone input').first().fill('13900002222');
    await b.screenshot('61-bind-confirm-name');
    await page.locator('.cx-bind-confirm').first().click();
    await page.getByText('绑定成功').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-bind-name').first().textContent()).toBe('陈思源');
    await b.screenshot('62-bind-done');

    // 3. Now a cadre of 樱桃沟社区, they file today's report.
    await page.goto(`${b.webUrl}/#/subpackages/reports/pages/edit/index?branchId=yingtaogou&day=${day}`);
    await page.locator('.cx-report-star-option', { hasText: '产业兴旺星' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-report-item-text textarea').first().fill('第一次填报：走访樱桃种植户 3 户');
    await page.locator('.cx-report-submit').first().click();
    await page
      .locator('.cx-report-status', { hasText: /已提交|迟交/ })
      .first()
      .waitFor({ timeout: 30_000 });

    // 4. 王干事 opens the report: its history names 陈思源, the name the cadre confirmed, not the invitation's.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/reports/pages/detail/index?branchId=yingtaogou&day=${day}`);
    const revision = page.locator('.cx-report-revision').first();
    await revision.waitFor({ timeout: 30_000 });
    expect(await revision.textContent()).toContain('陈思源 提交');
    await b.screenshot('63-township-report-history');

    // And the bindings list shows the township their cadre's name and work phone.
    await page.goto(`${b.webUrl}/#/subpackages/identity/pages/bindings/index`);
    const row = page.locator('.cx-binding-item', { hasText: '陈思源' }).first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('工作电话：13900002222');
    await b.screenshot('64-township-bindings');
  });
});
