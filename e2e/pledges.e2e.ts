import { holdDemoAppraisal } from '@chuangxing/functions/local/demo-appraisal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, blocking, runAxe } from './support/axe';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';

/** The Shanghai quarter of today, as the API keys it. */
function currentQuarter(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

describe('journey: a secretary publishes commitments (亮承诺), reports the month (赛实绩), and sees the township board and their rank', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  async function as(userId: string) {
    const { token } = await b.stack.deps.tokens.issue(userId);
    return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
      const res = await fetch(`${b.stack.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    };
  }

  /** axe-core on the page as shown: no critical or serious violation. */
  const violations: string[] = [];
  const audit = async (name: string) => {
    await b.page.waitForTimeout(400); // Taro's page slide
    const found: AxeViolation[] = blocking(await runAxe(b.page));
    violations.push(...found.map((v) => `${name}: ${v.id} — ${v.help} ${v.nodes.map((n) => n.target).join(', ')}`));
  };

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const quarter = currentQuarter();

    // A published ranking of this quarter: 孙管理员 computes and publishes it through the API.
    const admin = await as('demo-district-admin');
    type Run = { ranking: { version: number; revision: number }; complete: boolean };
    let run = await admin<Run>('POST', `/v1/rankings/${quarter}/runs`, {});
    for (let i = 0; i < 50 && run.status === 200 && !run.body.complete; i++)
      run = await admin<Run>('POST', `/v1/rankings/${quarter}/runs`, {});
    expect([run.status, run.body.complete]).toEqual([200, true]);
    const published = await admin('POST', `/v1/rankings/${quarter}/versions/${run.body.ranking.version}/publish`, {
      revision: run.body.ranking.revision,
    });
    expect(published.status).toBe(200);
    // 示例管委会's 述职评议 of this quarter, held and closed as `npm start` does (after the ranking, which it leaves as is).
    const tokenFor = async (id: string) => (await b.stack.deps.tokens.issue(id)).token;
    expect(await holdDemoAppraisal({ apiUrl: b.stack.apiUrl, tokenFor })).toBe('held');

    // 1. 张书记 (樱桃沟社区) opens 亮承诺 · 赛实绩 from home: nothing published yet.
    await loginAs(b, '张书记');
    await page.locator('.home-shortcut__title', { hasText: '亮承诺 · 赛实绩' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-pledge-status').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-pledge-status').first().textContent()).toBe('尚未公开承诺');
    await audit('亮承诺 (empty)');

    // 2. One commitment for 产业兴旺星, for the whole year, published.
    await page.locator('.cx-pledge-edit').first().click();
    await page.locator('.cx-pledge-star', { hasText: '产业兴旺' }).first().click();
    await page.locator('.cx-pledge-text textarea').first().fill('樱桃冷库年内建成投用');
    await page.locator('.cx-pledge-measure input').first().fill('冷库投用');
    await audit('亮承诺 (editor)');
    await page.locator('.cx-pledge-publish').first().click();
    await expect.poll(() => page.locator('.cx-pledge-status').first().textContent(), { timeout: 30_000 }).toContain('第 1 版');
    expect(await page.locator('.cx-pledge-item .pledge-item__text').first().textContent()).toBe('樱桃冷库年内建成投用');

    // 3. This month's 实绩 on it.
    await page.locator('.cx-pledge-percent input').first().fill('60');
    await page.locator('.cx-pledge-progress-text textarea').first().fill('冷库主体完工，设备进场');
    await page.locator('.cx-pledge-progress-submit').first().click();
    await expect.poll(() => page.locator('.cx-pledge-latest').first().textContent(), { timeout: 30_000 }).toContain('完成 60%');
    await b.screenshot('80-pledges');

    // 4. The township's 亮赛比擂台: 樱桃沟社区 leads (the only branch with commitments) and is marked as his own.
    await page.locator('.cx-pledge-board').first().click();
    await page.locator('.cx-pledge-board-branch').first().waitFor({ timeout: 30_000 });
    const top = page.locator('.cx-pledge-board-branch').first();
    expect(await top.getAttribute('data-id')).toBe('yingtaogou');
    expect(await top.getAttribute('class')).toContain('is-mine');
    expect(await top.locator('.cx-pledge-board-average').textContent()).toBe('平均 60%');
    expect(await page.locator('.cx-pledge-board-silent').first().textContent()).toContain('未亮承诺（7）');
    // 比干劲 on the same board: every branch's total and rank in the quarter's closed 述职评议, his own marked.
    await page.locator('.cx-pledge-appraisal-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-pledge-appraisal-row').count()).toBe(8);
    expect(await page.locator('.cx-pledge-appraisal-row.is-mine').getAttribute('data-id')).toBe('yingtaogou');
    expect(await page.locator('.cx-pledge-appraisal-row.is-mine .cx-pledge-appraisal-rank').textContent()).toMatch(/^第 \d 名$/);
    expect(await page.locator('.cx-pledge-appraisal-rank').first().textContent()).toBe('第 1 名');
    await audit('亮赛比擂台');
    await b.screenshot('81-pledge-board');
    // The link opens his branch's own result in full.
    await page.locator('.cx-pledge-appraisal-link').first().click();
    await page.locator('.cx-appr-own-rank').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-appr-own-rank').first().textContent()).toMatch(/^全乡镇（街道）第 \d 名$/);

    // 5. 我的排名 from home: his branch's scorecard in the published quarter, and the township's list from there.
    await page.goto(`${b.webUrl}/#/pages/index/index`);
    await page.locator('.home-shortcut__title', { hasText: '我的排名' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-scorecard-branch', { hasText: '樱桃沟社区' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-scorecard-rank').first().textContent()).toMatch(/^\d+$/);
    await page.locator('.cx-ranking-nav[data-key="list"]').first().click();
    await page.locator('.cx-ranking-row').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.cx-ranking-quarter').first().getAttribute('data-quarter')).toBe(quarter);
    const townships = await page.locator('.cx-ranking-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-township')));
    expect(new Set(townships)).toEqual(new Set(['demo-gwh']));
    expect(townships.length).toBe(8);
    expect(await page.locator('.cx-ranking-row[data-branch="yingtaogou"]').count()).toBe(1);
    await b.screenshot('82-my-township-ranking');

    expect(violations).toEqual([]);
  });
});
