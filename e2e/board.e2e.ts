import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';

describe('journey: the township reads its 挂图作战 and shares a branch’s poster', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  async function call(user: string, method: string, path: string, body?: unknown) {
    const { token } = await b.stack.deps.tokens.issue(user);
    const res = await fetch(`${b.stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    // 樱桃沟社区's approved plan: one task due early in the year and reported at 20 %, so its milestone is overdue.
    const plan = `/v1/branches/yingtaogou/plans/${year}`;
    const content = {
      heldStars: [],
      targetStars: ['industry'],
      stars: [{ star: 'industry', responsible: '李明', leadDepartment: '农业农村办' }],
      tasks: [{ taskId: 'industry-t1', owner: '李明', milestones: [{ title: '确定品牌', due: `${year}-01-15` }] }],
    };
    expect((await call('demo-cadre', 'PUT', plan, { content, version: 0 })).status).toBe(200);
    expect((await call('demo-cadre', 'POST', `${plan}/actions`, { action: 'submit', version: 1 })).status).toBe(200);
    expect((await call('demo-township-staff-gwh', 'POST', `${plan}/actions`, { action: 'approve', version: 2 })).status).toBe(200);
    expect((await call('demo-cadre', 'POST', `${plan}/tasks/industry-t1/updates`, { status: 'in_progress', percent: 20 })).status).toBe(
      201,
    );

    // 王干事 opens 挂图作战 from home: 樱桃沟社区 leads with its overdue milestone.
    await loginAs(b, '王干事');
    await page.locator('.home-shortcut', { hasText: '挂图作战' }).first().click({ timeout: 30_000 });
    const first = page.locator('.cx-board-branch').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('data-branch')).toBe('yingtaogou');
    expect(await first.locator('.cx-board-overdue').textContent()).toContain('超期 1');
    expect(await page.locator('.cx-board-total-approved').textContent()).toMatch(/^1\//);
    await b.screenshot('50-township-board');

    // Its 四个一口清 page, then the poster as an image.
    await first.click();
    await page.locator('.cx-board-clear').nth(3).waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-board-targets').textContent()).toContain('产业兴旺星');
    expect(await page.locator('.cx-board-milestone-overdue').count()).toBe(1);
    await b.screenshot('51-four-clear');
    await page.locator('.cx-board-open-poster').click();
    await page.locator('.cx-board-poster-generate').click({ timeout: 30_000 });
    const img = page.locator('.cx-board-poster-image img, img.cx-board-poster-image').first();
    await img.waitFor({ timeout: 30_000 });
    const { src, width } = await img.evaluate(async (node) => {
      const el = node as unknown as {
        complete: boolean;
        src: string;
        naturalWidth: number;
        addEventListener(e: string, f: () => void, o: object): void;
      };
      if (!el.complete) await new Promise<void>((r) => el.addEventListener('load', () => r(), { once: true }));
      return { src: el.src, width: el.naturalWidth };
    });
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    expect(width).toBe(1500);
    await b.screenshot('52-poster');
  });
});
