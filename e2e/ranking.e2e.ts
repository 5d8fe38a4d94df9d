import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { must } from './support/test-data';

/** The Shanghai quarter of today, as the API keys it. */
function currentQuarter(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

describe('journey: the district admin computes and publishes the quarter’s ranking; a leader reads his townships and a scorecard', () => {
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

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const quarter = currentQuarter();

    // 0. Some real input through the API: a resident writes to 建新南街社区 (五里堡街道), its station accepts and
    //    replies, the resident is satisfied; so that branch has a 来信三率 score this quarter.
    const resident = await as('demo-resident');
    const station = await as('demo-station-handler');
    const written = await resident<{ letter: { id: string } }>('POST', '/v1/letters', {
      branchId: 'jianxinnanjie',
      category: 'suggestion',
      text: '建议在小区门口增设一处电动车充电桩',
      anonymous: false,
      idempotencyKey: randomBytes(12).toString('hex'),
    });
    expect(written.status).toBe(201);
    const id = written.body.letter.id;
    let c = await station<{ letter: { version: number } }>('GET', `/v1/letters/cases/${id}`);
    c = await station('POST', `/v1/letters/cases/${id}/actions`, { action: 'accept', version: c.body.letter.version });
    expect(c.status).toBe(200);
    c = await station('POST', `/v1/letters/cases/${id}/actions`, {
      action: 'reply',
      version: c.body.letter.version,
      text: '已协调物业，充电桩下周安装到位',
    });
    expect(c.status).toBe(200);
    expect((await resident('POST', `/v1/letters/mine/${id}/rating`, { rating: 'satisfied' })).status).toBe(200);

    // 1. 孙管理员 runs the quarter's ranking until every township is done, then publishes the draft.
    const admin = await as('demo-district-admin');
    type Run = {
      ranking: { version: number; revision: number; status: string; townshipsDone: number; townshipsTotal: number };
      complete: boolean;
    };
    let run = await admin<Run>('POST', `/v1/rankings/${quarter}/runs`, {});
    for (let i = 0; i < 50 && run.status === 200 && !run.body.complete; i++)
      run = await admin<Run>('POST', `/v1/rankings/${quarter}/runs`, {});
    expect(run.status).toBe(200);
    expect(run.body.complete).toBe(true);
    expect(run.body.ranking).toMatchObject({ status: 'draft', townshipsDone: 18, townshipsTotal: 18 });
    const published = await admin<{ status: string }>('POST', `/v1/rankings/${quarter}/versions/${run.body.ranking.version}/publish`, {
      revision: run.body.ranking.revision,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');

    // 2. 周领导 (wulibao + dehuajie) opens 季度排名 from home: only rows of his two townships.
    await loginAs(b, '周领导');
    await page.locator('.home-shortcut', { hasText: '季度排名' }).first().click();
    await page.locator('.cx-ranking-row').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.cx-ranking-quarter').first().getAttribute('data-quarter')).toBe(quarter);
    const townships = await page.locator('.cx-ranking-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-township')));
    expect(townships.length).toBeGreaterThan(0);
    expect(new Set(townships)).toEqual(new Set(['wulibao', 'dehuajie']));
    // 9 + 8 branches, all on the first page (20 a page); the township filter offers only his two.
    await expect.poll(() => page.locator('.cx-ranking-row').count()).toBe(17);
    expect(await page.locator('.cx-ranking-filter-township').allTextContents()).toEqual(['全部', '五里堡街道', '德化街街道']);
    // 建新南街社区 leads: its letters were answered to the writer's satisfaction.
    const first = page.locator('.cx-ranking-row').first();
    expect(await first.getAttribute('data-branch')).toBe('jianxinnanjie');
    expect(await first.locator('.cx-ranking-branch').textContent()).toBe('建新南街社区');
    await b.screenshot('60-ranking-leader');

    // The filter narrows to one township.
    await page.locator('.cx-ranking-filter-township', { hasText: '德化街街道' }).first().click();
    await expect
      .poll(
        async () => new Set(await page.locator('.cx-ranking-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-township')))),
      )
      .toEqual(new Set(['dehuajie']));
    await page.locator('.cx-ranking-filter-township', { hasText: '全部' }).first().click();
    await expect.poll(() => page.locator('.cx-ranking-row').count()).toBe(17);

    // 3. His branch's scorecard: the radar (an image drawn on a canvas in H5), the stars, the breakdown.
    await page.locator('.cx-ranking-row[data-branch="jianxinnanjie"]').first().click();
    await page.locator('.cx-scorecard-branch', { hasText: '建新南街社区' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-scorecard-radar img').first().waitFor({ timeout: 30_000 });
    const src = await page.locator('.cx-scorecard-radar img').first().getAttribute('src');
    expect(src?.startsWith('data:image/png;base64,')).toBe(true);
    expect(await page.locator('.cx-scorecard-star').count()).toBe(5);
    // Five components, and 述职评议 (比干劲) as the sixth: no closed session this quarter, so 无数据 rather than 0.
    expect(await page.locator('.cx-scorecard-component').count()).toBe(6);
    expect(await page.locator('.cx-scorecard-component[data-component="appraisal"] .cx-scorecard-component-score').textContent()).toBe(
      '无数据',
    );
    expect(await page.locator('.cx-scorecard-component[data-component="letters"] .cx-scorecard-component-score').textContent()).toBe(
      '100.0 分',
    );
    expect(await page.locator('.cx-scorecard-component[data-component="letters"]').textContent()).toContain('来信 1 件');
    expect(await page.locator('.cx-scorecard-rank').textContent()).toBe('1');
    await b.screenshot('61-scorecard-top');
    await page.locator('.cx-scorecard-component').first().scrollIntoViewIfNeeded();
    await b.screenshot('62-scorecard-breakdown');
    await page.locator('.cx-scorecard-trend').first().scrollIntoViewIfNeeded();
    await b.screenshot('63-scorecard-trend');

    // 4. The star map and the honour lists of his townships.
    await page.goto(`${b.webUrl}/#/subpackages/rankings/pages/star-map/index?quarter=${quarter}`);
    await page.locator('.cx-starmap-township').first().waitFor({ timeout: 30_000 });
    const mapped = await page
      .locator('.cx-starmap-township:not(.is-total)')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-township')));
    expect(mapped).toEqual(['wulibao', 'dehuajie']);
    await b.screenshot('64-star-map');
    await page.goto(`${b.webUrl}/#/subpackages/rankings/pages/honours/index?quarter=${quarter}`);
    await page.locator('.cx-honours-list .cx-ranking-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-honours-list .cx-ranking-row').first().getAttribute('data-branch')).toBe('jianxinnanjie');
    await page.locator('.cx-ranking-share-generate').first().click();
    await page.locator('.cx-ranking-share-image img').first().waitFor({ timeout: 30_000 });
    const image = await page.locator('.cx-ranking-share-image img').first().getAttribute('src');
    expect(image?.startsWith('data:image/png;base64,')).toBe(true);
    // Keep the shared image itself to look at.
    writeFileSync(join(ARTIFACTS, '66-honours-image.png'), Buffer.from(must(image, 'the share image').split(',')[1], 'base64'));
    await page.locator('.cx-ranking-share').first().scrollIntoViewIfNeeded();
    await b.screenshot('65-honours-share');

    // 5. Back as 孙管理员: the review page lists the published version with its scoring version and inputs hash.
    await loginAs(b, '孙管理员');
    await page.locator('.home-shortcut', { hasText: '评比管理' }).first().click();
    await page.locator('.cx-review-version').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-review-version').first().getAttribute('data-status')).toBe('published');
    expect(await page.locator('.cx-review-version-status').first().textContent()).toBe('已发布 · 现行');
    await b.screenshot('67-review-admin');
    // 导出 Excel of that version: a real XLSX (a zip) through the authorised fetch and a blob link.
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.locator('.cx-review-export').first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/创星评比_第1版\.xlsx$/);
    const bytes = readFileSync(must(await file.path(), 'the downloaded workbook'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // 6. A correction through the page: 重新计算 makes version 2 (a draft), 孙管理员 annotates 建新南街社区 and publishes it.
    await page.locator('.cx-review-run').first().click();
    await page.locator('.cx-review-draft[data-version="2"] .cx-ranking-row').first().waitFor({ timeout: 60_000 });
    await page.locator('.cx-review-draft .cx-ranking-row[data-branch="jianxinnanjie"]').first().click();
    expect(await page.locator('.cx-review-target').first().textContent()).toBe('批注对象：建新南街社区');
    await page.locator('.cx-review-annotation-text textarea').first().fill('来信办理及时，群众满意');
    await page.locator('.cx-review-annotate').first().click();
    await page.locator('.cx-review-annotation', { hasText: '来信办理及时' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('68-review-draft');
    await page.locator('.cx-review-publish').first().click();
    await page.locator('.taro-modal__foot', { hasText: '发布' }).locator('text=发布').last().click();
    await page.locator('.cx-review-version[data-version="2"][data-status="published"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-review-version[data-version="1"]').first().getAttribute('data-status')).toBe('published');
    expect(await page.locator('.cx-review-version[data-version="2"] .cx-review-version-status').first().textContent()).toBe(
      '已发布 · 现行',
    );
    // The leader-facing ranking now carries the annotation on that branch.
    const now = await admin<{ ranking: { version: number }; rows: { branchId: string; annotations: string[] }[] }>(
      'GET',
      `/v1/rankings/${quarter}?townshipId=wulibao`,
    );
    expect(now.body.ranking.version).toBe(2);
    expect(now.body.rows.find((r) => r.branchId === 'jianxinnanjie')?.annotations).toEqual(['来信办理及时，群众满意']);

    // 7. 评分模型: the default model in force, the admin's draft editor.
    await page.goto(`${b.webUrl}/#/subpackages/rankings/pages/scoring/index`);
    await page.locator('.cx-scoring-field[data-path="weights.keyTasks"] input').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-scoring-weight-sum').first().textContent()).toBe('（合计 100）');
    await b.screenshot('69-scoring');
  });
});
