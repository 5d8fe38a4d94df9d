import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';

describe('journey: township staff log in with the dev login and browse their branches', () => {
  let b: BrowserStack;
  const apiCalls: string[] = [];
  beforeAll(async () => {
    b = await startBrowserStack();
    b.page.on('request', (r) => {
      if (r.url().startsWith(b.stack.apiUrl)) apiCalls.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('picks the demo township staff user, sees the home greeting, opens the tree and the township’s branches', async () => {
    const { page } = b;
    await page.goto(`${b.webUrl}/#/subpackages/identity/pages/dev-login/index`);
    const staff = page.locator('.cx-devuser-item', { hasText: '乡镇（街道）工作人员' });
    await staff.first().waitFor({ timeout: 30_000 });
    // The ten role users (纪检监察 钱书记 included), two 专班 (政法委, 组织部), the person who came in through an
    // invitation (周晓梅) and the newcomer waiting for one.
    expect(await page.locator('.cx-devuser-item').count()).toBe(14);
    expect(await page.locator('.cx-devuser-item', { hasText: '钱书记' }).count()).toBe(1);
    expect(await page.locator('.cx-devuser-item', { hasText: '专班' }).count()).toBe(2);
    expect(await page.locator('.cx-devuser-item', { hasText: '周晓梅' }).count()).toBe(1);
    expect(await page.locator('.cx-devuser-item', { hasText: '新同志（待绑定）' }).count()).toBe(1);
    await b.screenshot('01-dev-login');
    await staff.first().click();

    await page.locator('.cx-home-greeting').waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-home-greeting').textContent()).toContain('刘干事');
    await b.screenshot('02-home');

    await page.goto(`${b.webUrl}/#/pages/org/index`);
    const townships = page.locator('.cx-township-item');
    await townships.first().waitFor({ timeout: 30_000 });
    // Township staff see their own township only: the server filters by scope.
    expect(await townships.count()).toBe(1);
    expect(await townships.first().textContent()).toContain('五里堡街道');
    await b.screenshot('03-org-tree');

    await townships.first().click();
    const branches = page.locator('.cx-branch-item');
    await branches.first().waitFor({ timeout: 30_000 });
    expect(await branches.count()).toBe(9);
    expect(await page.locator('.cx-branch-item', { hasText: '建新南街社区' }).count()).toBe(1);
    const shot = await b.screenshot('04-township-branches');
    expect(existsSync(shot) && statSync(shot).size).toBeGreaterThan(10_000);

    // The page really talked to the API over HTTP.
    expect(apiCalls).toEqual(
      expect.arrayContaining(['POST /v1/auth/dev-login', 'GET /v1/org/tree', 'GET /v1/org/townships/wulibao/branches']),
    );
  });
});
