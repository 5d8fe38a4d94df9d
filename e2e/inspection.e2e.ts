import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BranchFindings, FindingDetail } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { drawJpeg } from './support/test-data';

describe('journey: 四不两直 — a draft only the inspector sees, recorded into the branch’s 问题清单, fixed and 销号', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
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

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;

    // A real JPEG, drawn by the browser itself.
    await page.goto(`${b.webUrl}/#/pages/index/index`);
    // A real JPEG, drawn by the browser itself.
    const jpeg = await drawJpeg(page, {
      width: 800,
      height: 600,
      fill: '#2e6b24',
      caption: { text: '消防通道', size: 80, x: 220, y: 320 },
    });
    const photoFile = join(ARTIFACTS, 'inspection.jpg');
    writeFileSync(photoFile, jpeg);

    // Earlier, on the report form, 李明 and 张书记 said yes to WeChat messages about 督导问题 (WeChat, locally the
    // outbox, delivers only what each consented to).
    for (const userId of ['demo-cadre', 'demo-secretary']) {
      const { token } = await b.stack.deps.tokens.issue(userId);
      const consent = await fetch(`${b.stack.apiUrl}/v1/notices/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: `e2e-consent-${userId}`, answers: { 'local-finding-assigned': 'accept' } }),
      });
      expect(consent.status).toBe(200);
    }

    // 1. 赵督导 (district inspector) drafts an unannounced visit to 樱桃沟社区 with one finding.
    await loginAs(b, '赵督导');
    await page.locator('.home-shortcut__title', { hasText: '四不两直' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-inspect-new').first().click({ timeout: 30_000 });
    await page.locator('.cx-inspect-township', { hasText: '示例管委会' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-inspect-branch', { hasText: '樱桃沟社区' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-inspect-branch-name', { hasText: '樱桃沟社区' }).waitFor();
    await page.locator('.cx-inspect-location input').first().fill('樱桃沟社区党群服务中心后院');
    await page.locator('.cx-inspect-summary textarea').first().fill('未打招呼直接到村，查看三会一课记录和消防安全');
    await page.locator('input.cx-inspect-photo-input').first().setInputFiles(photoFile);
    await page.locator('.cx-inspect-photo.is-uploaded').first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-inspect-add-finding').first().click();
    await page.locator('.cx-inspect-finding-star', { hasText: '平安法治星' }).first().click();
    await page.locator('.cx-inspect-finding-text textarea').first().fill('消防通道被杂物堵塞');
    await page.locator('.cx-inspect-finding-owner input').first().fill('李明');
    const created = page.waitForResponse((r) => r.url().endsWith('/v1/inspections/drafts') && r.request().method() === 'POST');
    await page.locator('.cx-inspect-save').first().click();
    const draft = (await (await created).json()) as { id: string; version: number };
    expect(draft.version).toBe(1);
    await b.screenshot('50-inspection-draft');

    // 李明 cannot see the draft: not by id, not in the 问题清单, not in the inspectors' list.
    expect((await asUser('demo-cadre', `/v1/inspections/drafts/${draft.id}`)).status).toBe(403);
    expect((await asUser('demo-cadre', '/v1/inspections')).status).toBe(403);
    expect((await asUser<BranchFindings>('demo-cadre', '/v1/branches/yingtaogou/findings')).body.findings).toEqual([]);
    expect((await asUser('demo-cadre', `/v1/findings/${draft.id}`)).status).toBe(404);

    // 2. 记录, after the confirm: the branch is told and the page shows its 问题清单.
    await page.locator('.cx-inspect-record').first().click();
    await page.getByText('记录后支部将收到通知', { exact: false }).first().waitFor({ timeout: 10_000 });
    const recorded = page.waitForResponse((r) => r.url().endsWith(`/v1/inspections/drafts/${draft.id}/record`));
    await page.locator('.taro-modal__foot').locator('text=记录').last().click();
    expect((await recorded).status()).toBe(201);
    await page.locator('.cx-finding', { hasText: '消防通道被杂物堵塞' }).first().waitFor({ timeout: 30_000 });
    const branchList = await asUser<BranchFindings>('demo-cadre', '/v1/branches/yingtaogou/findings');
    expect(branchList.body.findings).toMatchObject([
      { star: 'safety_law', description: '消防通道被杂物堵塞', owner: '李明', status: 'open', overdue: false },
    ]);
    const findingId = branchList.body.findings[0].id;
    const outbox = (await fetch(`${b.stack.apiUrl}/v1/dev/outbox`).then((r) => r.json())) as {
      messages: { recipientUserId: string; title: string }[];
    };
    expect(
      outbox.messages
        .filter((m) => m.title === '督导问题清单')
        .map((m) => m.recipientUserId)
        .sort(),
    ).toEqual(['demo-cadre', 'demo-secretary']);

    // 3. 李明 opens 问题清单 from home and submits the fix with a photo.
    await loginAs(b, '李明');
    await page.locator('.home-shortcut__title', { hasText: '问题清单' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-finding', { hasText: '消防通道被杂物堵塞' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-finding-fix-text textarea').first().fill('已清理杂物，设置禁止堆放警示牌');
    await page.locator('input.cx-inspect-photo-input').first().setInputFiles(photoFile);
    await page.locator('.cx-inspect-photo.is-uploaded').first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-finding-fix-submit').first().click();
    await page.locator('.cx-finding-status', { hasText: '待销号' }).first().waitFor({ timeout: 30_000 });
    await b.screenshot('51-finding-fix-submitted');
    // The cadre has no 销号 button.
    expect(await page.locator('.cx-finding-close').count()).toBe(0);

    // 4. 赵督导 checks the fix and 销号.
    await loginAs(b, '赵督导');
    await page.goto(`${b.webUrl}/#/subpackages/inspections/pages/finding/index?id=${findingId}`);
    await page.locator('.cx-finding-verify-note textarea').first().fill('现场核实已整改到位');
    await page.locator('.cx-finding-close').first().click();
    await page.locator('.cx-finding-status', { hasText: '已销号' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-finding-event[data-kind="closed"]').first().waitFor();
    await b.screenshot('52-finding-closed');

    // 5. The branch's 问题清单 shows it 已销号.
    await loginAs(b, '李明');
    await page.goto(`${b.webUrl}/#/subpackages/inspections/pages/findings/index?branchId=yingtaogou`);
    await page.locator('.cx-finding .cx-finding-status', { hasText: '已销号' }).first().waitFor({ timeout: 30_000 });
    const detail = await asUser<FindingDetail>('demo-secretary', `/v1/findings/${findingId}`);
    expect(detail.body.finding.status).toBe('closed');
    expect(detail.body.history.map((h) => h.kind)).toEqual(['recorded', 'fix_submitted', 'closed']);
  });
});
