import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';

describe('journey: a branch writes its 创星计划 and the township approves it', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

    // 1. 李明, a cadre of 樱桃沟社区, sets the target stars and who is responsible, then submits.
    await loginAs(b, '李明');
    await page.goto(`${b.webUrl}/#/subpackages/plans/pages/edit/index?branchId=yingtaogou&year=${year}`);
    await page.locator('.cx-plan-target-star', { hasText: '支部过硬星' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-plan-target-star', { hasText: '产业兴旺星' }).first().click();
    for (const [star, who, dept] of [
      ['branch_strong', '张书记', '组织办'],
      ['industry', '李明', '农业农村办'],
    ]) {
      await page.locator(`.cx-plan-responsible[data-star="${star}"] input`).first().fill(who);
      await page.locator(`.cx-plan-department[data-star="${star}"] input`).first().fill(dept);
    }
    const saved = page.waitForResponse((r) => r.url().includes(`/plans/${year}`) && r.request().method() === 'PUT');
    await page.locator('.cx-plan-save').first().click();
    expect((await saved).status()).toBe(200);
    await b.screenshot('40-plan-draft');
    await page.locator('.cx-plan-submit').first().click();
    await page.locator('.taro-modal__foot', { hasText: '提交' }).locator('text=提交').last().click();
    await page.locator('.cx-plan-status', { hasText: '待审批' }).first().waitFor({ timeout: 30_000 });

    // 2. 王干事, staff of 示例管委会, approves it.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/plans/pages/edit/index?branchId=yingtaogou&year=${year}`);
    await page.locator('.cx-plan-approve').first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-plan-note textarea').first().fill('目标合理，同意实施');
    await page.locator('.cx-plan-approve').first().click();
    await page.locator('.cx-plan-status', { hasText: '已批准' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('41-plan-approved');

    const token = await b.stack.deps.tokens.issue('demo-secretary');
    const res = await fetch(`${b.stack.apiUrl}/v1/branches/yingtaogou/plans/${year}`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    const plan = (await res.json()) as {
      status: string;
      reviewNote?: string;
      content: { targetStars: string[]; stars: { responsible: string }[] };
    };
    expect(plan).toMatchObject({ status: 'approved', reviewNote: '目标合理，同意实施' });
    expect(plan.content.targetStars).toEqual(['branch_strong', 'industry']);
    expect(plan.content.stars.map((s) => s.responsible)).toEqual(['张书记', '李明']);
  });
});
