import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MyStarObjections, StarApplicationDetail, StarObjectionList } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, blocking, runAxe } from './support/axe';
import { ARTIFACTS, type BrowserStack, loginAs, movableClock, startBrowserStack } from './support/browser-stack';
import { drawJpeg } from './support/test-data';

describe('journey: 创星申报 → 初审 → 复审 by the star’s 专班 → 公示 → an anonymous objection, dismissed with a reason → 授星 → the ranking shows it', () => {
  let b: BrowserStack;
  // The API's clock: 公示 lasts working days, so the journey moves it past them before 授星.
  const clock = movableClock();
  beforeAll(async () => {
    b = await startBrowserStack({ clock });
  });
  afterAll(async () => {
    await b?.stop();
  });

  /** The API as a demo user would call it. */
  const asUser = async <T>(userId: string, path: string) => {
    const { token } = await b.stack.deps.tokens.issue(userId);
    const res = await fetch(`${b.stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as T };
  };

  const violations: string[] = [];
  /** axe-core on the page as shown: no critical or serious violation, one main landmark, one h1. */
  const audit = async (name: string) => {
    await b.page.waitForTimeout(400); // Taro's page slide
    const found: AxeViolation[] = blocking(await runAxe(b.page));
    violations.push(...found.map((v) => `${name}: ${v.id} — ${v.help} ${v.nodes.map((n) => n.target).join(', ')}`));
    const structure = await b.page.evaluate(`(() => {
      const page = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none');
      const h1s = page ? Array.from(page.querySelectorAll('h1')) : [];
      return { mains: document.querySelectorAll('main, [role="main"]').length, h1s: h1s.length };
    })()`);
    expect(structure, name).toEqual({ mains: 1, h1s: 1 });
  };

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    await page.goto(`${b.webUrl}/#/pages/index/index`);
    const jpeg = await drawJpeg(page, {
      width: 800,
      height: 600,
      fill: '#8e1b1b',
      caption: { text: '三会一课', size: 80, x: 220, y: 320 },
    });
    const photoFile = join(ARTIFACTS, 'star-evidence.jpg');
    writeFileSync(photoFile, jpeg);

    // 1. 张书记 applies for 支部过硬星 for 樱桃沟社区: every item answered, one with an evidence photo.
    await loginAs(b, '张书记');
    await page.locator('.home-shortcut__title', { hasText: '创星申报' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-star-pick[data-star="branch_strong"]').first().click({ timeout: 30_000 });
    const answers = page.locator('.cx-star-item .cx-star-item-answer[data-answer="met"]');
    await answers.first().waitFor({ timeout: 30_000 });
    const items = await answers.count();
    expect(items).toBeGreaterThan(1);
    for (let i = 0; i < items; i++) await answers.nth(i).click();
    await page.locator('.cx-star-item-note textarea').first().fill('三会一课按时召开，记录齐全');
    await page.locator('input.cx-star-photo-input').first().setInputFiles(photoFile);
    await page.locator('.cx-star-photo.is-uploaded').first().waitFor({ timeout: 30_000 });
    await audit('apply-form');
    const applied = page.waitForResponse(
      (r) => r.url().endsWith('/v1/branches/yingtaogou/star-applications') && r.request().method() === 'POST',
    );
    await page.locator('.cx-star-submit').first().click();
    expect((await applied).status()).toBe(201);
    const applicationId = ((await (await applied).json()) as StarApplicationDetail).application.id;
    await page.locator('.cx-star-head-status', { hasText: '待乡镇初审' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('90-star-applied');

    // 2. 王干事 (示例管委会) finds it in 评星审核 and approves the 初审.
    await loginAs(b, '王干事');
    await page.locator('.home-shortcut__title', { hasText: '评星审核' }).first().click({ timeout: 30_000 });
    await page.locator(`.cx-star-app[data-id="${applicationId}"]`).first().click({ timeout: 30_000 });
    await page.locator('.cx-star-context').first().waitFor({ timeout: 30_000 });
    await audit('review');
    await page.locator('.cx-star-approve', { hasText: '初审通过' }).first().click();
    await page.locator('.cx-star-head-status', { hasText: '待区级复审' }).first().waitFor({ timeout: 30_000 });

    // 3. 吴部长, the 支部过硬星's 专班 (组织部), finds it in his star's 复审 queue and approves: the award goes into 公示
    // and onto the board. (The 平安法治星 专班 does not see it.)
    const otherStar = await asUser<{ applications: { id: string }[] }>('demo-taskforce', '/v1/star-applications?stage=district');
    expect(otherStar.body.applications.map((a) => a.id)).not.toContain(applicationId);
    await loginAs(b, '吴部长');
    await page.locator('.home-shortcut__title', { hasText: '评星审核' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-star-taskforce', { hasText: '支部过硬星专班' }).first().waitFor({ timeout: 30_000 });
    await page.locator(`.cx-star-app[data-id="${applicationId}"]`).first().click({ timeout: 30_000 });
    await page.locator('.cx-star-context').first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-star-decide-note textarea').first().fill('同意，进入公示');
    await page.locator('.cx-star-approve', { hasText: '复审通过' }).first().click();
    await page.locator('.cx-star-head-status', { hasText: '公示中' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-star-head-publicity').first().waitFor();
    // His progress board counts it in 公示 for 示例管委会.
    await page.goto(`${b.webUrl}/#/subpackages/stars/pages/taskforce-board/index?star=branch_strong`);
    await page.locator('.cx-tf-row[data-name="示例管委会"] .cx-tf-counts', { hasText: '公示中 1' }).first().waitFor({ timeout: 30_000 });
    await audit('taskforce-board');
    await b.screenshot('90b-star-taskforce-board');
    await page.goto(`${b.webUrl}/#/subpackages/stars/pages/publicity/index`);
    await page.locator(`.cx-star-award-item[data-id="${applicationId}"] .cx-star-app-publicity`).first().waitFor({ timeout: 30_000 });
    await b.screenshot('91-star-publicity');

    // 4. 王阿姨, a resident, reads 樱桃沟社区's 公示 and objects anonymously.
    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/stars/pages/publicity/index?branchId=yingtaogou`);
    await page.locator(`.cx-star-award-item[data-id="${applicationId}"] .cx-star-object`).first().click({ timeout: 30_000 });
    await page.locator('.cx-star-objection-text textarea').first().fill('村里的党员活动室长期锁门，三会一课记录是补的');
    await page.locator('.cx-star-objection-named[data-named="anonymous"]').first().click();
    await audit('objection-form');
    const filed = page.waitForResponse((r) => r.url().endsWith(`/v1/star-applications/${applicationId}/objections`));
    await page.locator('.cx-star-objection-submit').first().click();
    expect((await filed).status()).toBe(201);
    await page.locator('.cx-star-mine-item .cx-star-mine-status', { hasText: '待处理' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('92-star-objection-filed');

    // 5. 孙管理员 sees the objection as 匿名 — no name anywhere — and dismisses it with a reason.
    await loginAs(b, '孙管理员');
    await page.goto(`${b.webUrl}/#/subpackages/stars/pages/publicity/index`);
    await page.locator(`.cx-star-award-item[data-id="${applicationId}"] .cx-star-resolve-link`, { hasText: '待处理 1 件' }).first().click({
      timeout: 30_000,
    });
    await page.locator('.cx-star-objector', { hasText: '匿名' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-star-objections').first().textContent()).not.toContain('王阿姨');
    await audit('objections');
    await page.locator('.cx-star-resolve-reason textarea').first().fill('经实地核实，活动室正常开放，记录与现场一致');
    await page.locator('.cx-star-dismiss').first().click();
    await page.locator('.cx-star-objection-status', { hasText: '异议不成立' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('93-star-objection-dismissed');

    // The district's answer carries no objector; the resident sees the outcome and the reason.
    const reviewed = await asUser<StarObjectionList>('demo-district-admin', `/v1/star-applications/${applicationId}/objections`);
    expect(reviewed.body.objections).toHaveLength(1);
    expect(reviewed.body.objections[0]).toMatchObject({ anonymous: true, status: 'dismissed' });
    expect(reviewed.body.objections[0].objectorName).toBeUndefined();
    expect(JSON.stringify(reviewed.body)).not.toContain('demo-resident');
    const mine = await asUser<MyStarObjections>('demo-resident', '/v1/star-objections/mine');
    expect(mine.body.objections[0]).toMatchObject({
      status: 'dismissed',
      resolution: { reason: '经实地核实，活动室正常开放，记录与现场一致' },
    });
    const detail = await asUser<StarApplicationDetail>('demo-secretary', `/v1/star-applications/${applicationId}`);
    expect(detail.body.application.status).toBe('publicity');
    // The 复审 on the trail is the 专班's, not the district admin's.
    expect(detail.body.history.find((e) => e.kind === 'district_approved')?.actorName).toBe('吴部长（组织部专班）');
    expect(detail.body.application.openObjections ?? 0).toBe(0);
    expect(detail.body.items[0].photos).toHaveLength(1);

    // 6. 公示 has ended (the API's clock moves past its working days): 孙管理员 awards the star (授星) …
    clock.advanceDays(14);
    await loginAs(b, '孙管理员');
    await page.goto(`${b.webUrl}/#/subpackages/stars/pages/application/index?id=${applicationId}`);
    await page.locator('.cx-star-award').first().click({ timeout: 30_000 });
    const awarded = page.waitForResponse((r) => r.url().endsWith(`/v1/star-applications/${applicationId}/decisions`));
    await page.locator('.taro-modal__foot').locator('text=确定').last().click();
    expect((await awarded).status()).toBe(200);
    await page.locator('.cx-star-head-status', { hasText: '已授星' }).first().waitFor({ timeout: 30_000 });
    const held = await asUser<{ level: number; held: { star: string; basis: string }[] }>(
      'demo-secretary',
      '/v1/branches/yingtaogou/stars',
    );
    expect(held.body.held).toEqual([expect.objectContaining({ star: 'branch_strong', basis: 'award' })]);

    // … and the quarter's ranking, computed in 评比管理 the next day, counts it: the scorecard shows the star awarded. (A
    // preview ranks as of the last day whose report deadline has passed, so a star awarded today counts from tomorrow.)
    clock.advanceDays(1);
    await loginAs(b, '孙管理员');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now());
    const quarter = `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
    await page.goto(`${b.webUrl}/#/subpackages/rankings/pages/review/index?quarter=${quarter}`);
    await page.locator('.cx-review-run').first().click({ timeout: 30_000 });
    await page.locator('.cx-review-draft').first().waitFor({ timeout: 90_000 });
    const versions = await asUser<{ versions: { version: number; status: string }[] }>(
      'demo-district-admin',
      `/v1/rankings/${quarter}/versions`,
    );
    const draft = versions.body.versions.find((v) => v.status === 'draft');
    expect(draft).toBeDefined();
    await page.goto(
      `${b.webUrl}/#/subpackages/rankings/pages/scorecard/index?quarter=${quarter}&branchId=yingtaogou&version=${draft?.version}`,
    );
    await page.locator('.cx-scorecard-star[data-star="branch_strong"][data-status="awarded"]').first().waitFor({ timeout: 30_000 });
    await b.screenshot('94-star-awarded-in-ranking');

    // The district's 年度评星定级 lists the branch among those holding stars.
    await page.goto(`${b.webUrl}/#/subpackages/stars/pages/annual/index`);
    await page.locator('.cx-star-annual[data-id="yingtaogou"]').first().waitFor({ timeout: 30_000 });
    await audit('annual review');
    await b.screenshot('95-annual-review');
    expect(violations).toEqual([]);
  });
});
