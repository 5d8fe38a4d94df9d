import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { drawJpeg } from './support/test-data';

describe('journey: a cadre reports progress on a key task of the approved 创星计划', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const api = async (method: string, path: string, user: string, body?: unknown) => {
      const token = await b.stack.deps.tokens.issue(user);
      const res = await fetch(`${b.stack.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    // Setup through the API (the plan journey covers the UI): 樱桃沟社区 writes and submits, 示例管委会 approves.
    const plan = `/v1/branches/yingtaogou/plans/${year}`;
    const content = {
      heldStars: [],
      targetStars: ['industry'],
      stars: [{ star: 'industry', responsible: '李明', leadDepartment: '农业农村办' }],
      tasks: [
        {
          taskId: 'industry-t1',
          owner: '李明',
          milestones: [
            { title: '完成樱桃品种调查', due: `${year}-01-15` },
            { title: '注册樱桃品牌', due: `${year}-12-31` },
          ],
        },
      ],
    };
    expect((await api('PUT', plan, 'demo-cadre', { content, version: 0 })).status).toBe(200);
    expect((await api('POST', `${plan}/actions`, 'demo-cadre', { action: 'submit', version: 1 })).status).toBe(200);
    expect((await api('POST', `${plan}/actions`, 'demo-township-staff-gwh', { action: 'approve', version: 2 })).status).toBe(200);
    // A daily report item that names the task shows on the task page.
    const report = await api('PUT', `/v1/branches/yingtaogou/reports/${today}`, 'demo-secretary', {
      content: { items: [{ star: 'industry', taskId: 'industry-t1', text: '对接商标代理机构' }] },
      idempotencyKey: 'task-progress-e2e-key-0001',
    });
    expect([200, 201]).toContain(report.status);

    // 1. 李明 opens the approved plan and follows the key task to its progress page.
    await loginAs(b, '李明');
    await page.goto(`${b.webUrl}/#/subpackages/plans/pages/edit/index?branchId=yingtaogou&year=${year}`);
    await page.locator('.cx-plan-task-progress[data-id="industry-t1"]').first().click({ timeout: 30_000 });
    await page.locator('.cx-task-title', { hasText: '培育“一村一品”特色产业' }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.cx-task-owner').first().textContent()).toContain('李明');
    expect(await page.locator('.cx-task-milestone.is-overdue').count()).toBe(today > `${year}-01-15` ? 1 : 0);
    await page.locator('.cx-task-report', { hasText: '对接商标代理机构' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-task-update').count()).toBe(0);
    await b.screenshot('44-task-progress');

    // 2. He reports 推进中 at 40 % with a note and a photo.
    await page.locator('.cx-task-status-option[data-status="in_progress"]').first().click();
    await page.locator('.cx-task-percent input').first().fill('40');
    await page.locator('.cx-task-note textarea').first().fill('商标申请材料已提交');
    // A real JPEG, drawn by the browser itself.
    const jpeg = await drawJpeg(page, {
      width: 800,
      height: 600,
      fill: '#2e6b24',
      caption: { text: '商标申请', size: 80, x: 220, y: 320 },
    });
    const photoFile = join(ARTIFACTS, 'evidence.jpg');
    writeFileSync(photoFile, jpeg);
    await page.locator('input.cx-task-photo-input').first().setInputFiles(photoFile);
    await page.locator('.cx-task-photo.is-uploaded').first().waitFor({ timeout: 30_000 });
    await b.screenshot('45-task-progress-form');
    const sent = page.waitForResponse((r) => r.url().includes('/tasks/industry-t1/updates') && r.request().method() === 'POST');
    await page.locator('.cx-task-submit').first().click();
    expect((await sent).status()).toBe(201);

    // 3. The update is listed, newest first, with its percentage, note and photo.
    const update = page.locator('.cx-task-update').first();
    await update.waitFor({ timeout: 30_000 });
    await expect.poll(() => update.locator('.cx-task-update-note').textContent()).toBe('商标申请材料已提交');
    expect(await update.locator('.cx-task-update-percent').textContent()).toBe('40%');
    expect(await update.locator('.cx-task-update-status').textContent()).toBe('推进中');
    // The photo loads from its presigned URL once scrolled into view (lazy loading).
    await update.locator('.cx-task-evidence').first().scrollIntoViewIfNeeded();
    await expect
      .poll(
        () =>
          update
            .locator('.cx-task-evidence img')
            .first()
            .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.locator('.cx-task-percent-now').first().textContent()).toBe('40%');
    await b.screenshot('46-task-progress-listed');

    // The server holds it, with the photo readable.
    const progress = await api('GET', `${plan}/tasks/industry-t1`, 'demo-township-staff-gwh');
    const updates = progress.body.updates as { note: string; percent: number; evidenceUrls: string[] }[];
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ note: '商标申请材料已提交', percent: 40 });
    const photo = await fetch(updates[0].evidenceUrls[0]);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/jpeg']);

    // 4. The township staff read it without the form.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/plans/pages/task/index?branchId=yingtaogou&year=${year}&taskId=industry-t1`);
    await page.locator('.cx-task-update').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-task-form').count()).toBe(0);
  });
});
