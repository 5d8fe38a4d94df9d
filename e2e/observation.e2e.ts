import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';

const STARS = ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility']; // 樱桃沟社区 works to the rural set

describe('journey: 每月一观摩 — the township plans it, an inspector scores, the township locks the results', () => {
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

    // 1. 王干事 (示例管委会) opens 每月一观摩 from home and plans this month's observation of 樱桃沟社区,
    //    with himself and 赵督导 as observers.
    await loginAs(b, '王干事');
    await page.locator('.home-shortcut', { hasText: '每月一观摩' }).first().click();
    await page.locator('.cx-observe-create').first().click({ timeout: 30_000 });
    await page.locator(`.cx-observe-month-choice[data-id="${month}"]`).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-observe-title-input input').first().fill('本月创星现场观摩');
    await page.locator('.cx-observe-branch[data-id="yingtaogou"]').first().click({ timeout: 30_000 });
    await page.locator('.cx-observe-observer[data-id="demo-township-staff-gwh"]').first().click();
    await page.locator('.cx-observe-observer[data-id="demo-inspector"]').first().click();
    await b.screenshot('60-observation-create');
    const created = page.waitForResponse((r) => r.url().endsWith('/v1/observations') && r.request().method() === 'POST');
    await page.locator('.cx-observe-submit').first().click();
    const createdRes = await created;
    expect(createdRes.status()).toBe(201);
    const observation = (await createdRes.json()) as { id: string; month: string; branches: { branchId: string }[] };
    expect(observation.month).toBe(month);
    expect(observation.branches.map((x) => x.branchId)).toEqual(['yingtaogou']);
    await page.locator('.cx-observe-status', { hasText: '评分中' }).first().waitFor({ timeout: 30_000 });

    // 2. 赵督导 finds it under 待我评分, scores 樱桃沟社区 star by star with a comment and sees 已保存.
    await loginAs(b, '赵督导');
    await page.goto(`${b.webUrl}/#/subpackages/observations/pages/list/index`);
    await page.locator(`.cx-observe-to-score .cx-observe-item[data-id="${observation.id}"]`).first().click({ timeout: 30_000 });
    const values = [9, 8, 7, 8, 6];
    for (const [i, star] of STARS.entries()) {
      await page
        .locator(`.cx-observe-sheet[data-branch="yingtaogou"] .cx-observe-score[data-star="${star}"][data-score="${values[i]}"]`)
        .first()
        .click({ timeout: 30_000 });
    }
    await page.locator('.cx-observe-sheet[data-branch="yingtaogou"] .cx-observe-comment textarea').first().fill('樱桃产业有特色，台账清楚');
    const saved = page.waitForResponse(
      (r) => r.url().includes(`/v1/observations/${observation.id}/scores/yingtaogou`) && r.request().method() === 'PUT',
    );
    await page.locator('.cx-observe-sheet[data-branch="yingtaogou"] .cx-observe-save').first().click();
    expect((await saved).status()).toBe(200);
    await page.locator('.cx-observe-saved', { hasText: '已保存' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('61-observation-score');

    // 3. 王干事 locks it from the results page (with a confirm); the locked aggregate shows.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/observations/pages/results/index?id=${observation.id}`);
    await page.locator('.cx-observe-close').first().click({ timeout: 30_000 });
    await page.locator('.taro-modal__foot', { hasText: '锁定' }).locator('text=锁定').last().click();
    await page.locator('.cx-observe-locked', { hasText: '已锁定' }).first().waitFor({ timeout: 30_000 });
    const card = page.locator('.cx-observe-result[data-branch="yingtaogou"]').first();
    expect(await card.locator('.cx-observe-overall').textContent()).toBe('7.6');
    expect(await card.locator('.cx-observe-observer-count').textContent()).toContain('1 人评分');
    expect(await card.locator('.cx-observe-bar[data-star="branch_strong"]').getAttribute('data-value')).toBe('9');
    expect(await card.locator('.cx-observe-comment-text').first().textContent()).toContain('樱桃产业有特色');
    await b.screenshot('62-observation-locked');

    // 4. Scoring after the close is refused: 409, and the frozen result stays as it was.
    const token = (await b.stack.deps.tokens.issue('demo-inspector')).token;
    const late = await fetch(`${b.stack.apiUrl}/v1/observations/${observation.id}/scores/yingtaogou`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scores: [{ star: 'industry', score: 0 }], comment: '改分' }),
    });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { code: string }).code).toBe('ILLEGAL_TRANSITION');
    const quarter = `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    const frozen = await b.stack.deps.observations.listResultsForTownshipQuarter('demo-gwh', quarter);
    expect(frozen.filter((r) => r.observationId === observation.id).map((r) => [r.branchId, r.overall, r.observerCount])).toEqual([
      ['yingtaogou', 7.6, 1],
    ]);
  });
});
