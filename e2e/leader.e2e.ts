import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, blocking, runAxe } from './support/axe';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';

/** The Shanghai quarter before today's, as the API keys it: the latest one that has ended. */
function lastQuarter(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  const q = Math.floor(d.getUTCMonth() / 3) + 1;
  return q === 1 ? `${d.getUTCFullYear() - 1}-Q4` : `${d.getUTCFullYear()}-Q${q - 1}`;
}

describe('journey: a leader opens the app and sees the last published quarter and their townships, and records a visit; the admin assigns him a third', () => {
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
    const quarter = lastQuarter();

    // The district publishes the quarter that has ended (the current one is not ranked yet), and records
    // 建新南街社区's stars at the campaign start, so the leader's townships show a level.
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
    const baseline = await admin('PUT', '/v1/branches/jianxinnanjie/baseline-stars', { stars: ['branch_strong', 'safety_law', 'harmony'] });
    expect(baseline.status).toBe(200);

    // 1. 周领导 opens 季度排名 from home: it opens on the last published quarter, not on the unranked current one.
    await loginAs(b, '周领导');
    await page.locator('.home-shortcut', { hasText: '季度排名' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-ranking-row').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.cx-ranking-quarter').first().getAttribute('data-quarter')).toBe(quarter);
    expect(await page.getByText('本季度排名尚未发布').count()).toBe(0);
    const townships = await page.locator('.cx-ranking-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-township')));
    expect(new Set(townships)).toEqual(new Set(['wulibao', 'dehuajie']));
    await b.screenshot('90-leader-ranking');

    // 2. 我包联的乡镇 from home: his two townships, with levels, the 五星 candidate and the seeded visits.
    await page.goto(`${b.webUrl}/#/pages/index/index`);
    await page.locator('.home-shortcut__title', { hasText: '我包联的乡镇' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-liaison-township').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-liaison-township .liaison-title').allTextContents()).toEqual(['五里堡街道', '德化街街道']);
    const jx = page.locator('.cx-liaison-branch[data-id="jianxinnanjie"]').first();
    expect(await jx.locator('.cx-liaison-level').getAttribute('aria-label')).toBe('已获 3 星');
    expect(await jx.locator('.is-held').count()).toBe(3);
    expect(await jx.textContent()).toContain('五星候选');
    expect(await page.locator('.cx-liaison-township[data-id="wulibao"] .cx-liaison-levels').textContent()).toContain('3星 1 个');
    expect(await page.locator('.cx-liaison-township[data-id="wulibao"] .cx-liaison-candidate').first().textContent()).toContain(
      '建新南街社区',
    );
    expect(await page.locator('.cx-liaison-township[data-id="dehuajie"] .cx-liaison-visit').first().textContent()).toContain('春华社区');
    await audit('我包联的乡镇');
    await b.screenshot('91-liaison-townships');

    // 3. He opens 和平社区 and records a 规划指导 visit of today.
    await page.locator('.cx-liaison-branch[data-id="wulibao-b02"]').first().click();
    await page.locator('.cx-liaison-visit-form').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-liaison-branch-name').first().textContent()).toBe('和平社区');
    await page.locator('.cx-liaison-kind', { hasText: '规划指导' }).first().click();
    await page.locator('.cx-liaison-notes textarea').first().fill('指导制定创建规划：先补齐平安法治星短板');
    await audit('包联 · 支部');
    await page.locator('.cx-liaison-visit-submit').first().click();
    await expect
      .poll(() => page.locator('.cx-liaison-branch-visit').first().textContent(), { timeout: 30_000 })
      .toContain('规划指导 · 周领导（县级领导）：指导制定创建规划');
    await b.screenshot('92-liaison-visit');

    // 4. The township's staff read it through the API; the leader's townships page lists it first.
    const staff = await as('demo-township-staff');
    const visits = await staff<{ visits: { branchId: string; kind: string }[] }>('GET', '/v1/townships/wulibao/liaison-visits');
    expect([visits.status, visits.body.visits[0]]).toEqual([200, expect.objectContaining({ branchId: 'wulibao-b02', kind: 'guidance' })]);
    await page.goto(`${b.webUrl}/#/subpackages/liaison/pages/home/index`);
    await page.locator('.cx-liaison-township').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-liaison-township[data-id="wulibao"] .cx-liaison-visit').first().textContent()).toContain('和平社区');

    // 5. The district admin opens 包联分工 from home and gives 周领导 a third township; his home then shows it.
    await loginAs(b, '孙管理员');
    await page.locator('.home-shortcut__title', { hasText: '包联分工' }).first().click({ timeout: 30_000 });
    const zhou = page.locator('.cx-la-leader[data-id="demo-leader"]').first();
    await zhou.waitFor({ timeout: 30_000 });
    expect(await zhou.locator('.cx-la-township').allTextContents()).toEqual(['五里堡街道', '德化街街道']);
    expect(await page.locator('.cx-la-uncovered').first().textContent()).toContain('示例管委会');
    await audit('包联分工');
    await zhou.locator('.cx-la-edit').click();
    await page.locator('.cx-la-pick[data-key="demo-gwh"]').first().click();
    await audit('包联分工 · 修改');
    await page.locator('.cx-la-save').first().click();
    await expect
      .poll(() => zhou.locator('.cx-la-township').allTextContents(), { timeout: 30_000 })
      .toEqual(['五里堡街道', '德化街街道', '示例管委会']);
    expect(await page.locator('.cx-la-uncovered').first().textContent()).not.toContain('示例管委会');
    await b.screenshot('93-liaison-assignments');
    await loginAs(b, '周领导');
    await page.goto(`${b.webUrl}/#/subpackages/liaison/pages/home/index`);
    await page.locator('.cx-liaison-township[data-id="demo-gwh"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-liaison-township .liaison-title').allTextContents()).toContain('示例管委会');

    expect(violations).toEqual([]);
  });
});
