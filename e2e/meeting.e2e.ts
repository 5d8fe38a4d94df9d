import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';
import { must } from './support/test-data';

describe('journey: the station accepts a letter, puts it on the 社区半月谈 agenda, records the minutes and replies', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('runs end to end in the H5 build against the local stack', async () => {
    const { page } = b;
    // A named letter written through the API (the writing UI has its own journey).
    const secretary = await b.stack.deps.tokens.issue('demo-secretary');
    const written = await fetch(`${b.stack.apiUrl}/v1/letters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretary.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        branchId: 'jianxinnanjie',
        category: 'suggestion',
        text: '建议社区开办老年人智能手机课堂',
        anonymous: false,
        idempotencyKey: 'e2e-meeting-letter-0123',
      }),
    });
    expect(written.status).toBe(201);
    const { letter } = (await written.json()) as { letter: { id: string } };

    await loginAs(b, '陈接待');

    // Accept.
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/case/index?id=${letter.id}`);
    await page.locator('.cx-case-action', { hasText: '受理' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-case-confirm').first().click();

    // Put it on a new 半月谈 (the first date offered).
    await page.locator('.cx-schedule-meeting').first().click({ timeout: 30_000 });
    const chip = page.locator('.cx-meeting-date').first();
    const date = await chip.getAttribute('data-key');
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await chip.click();
    await page.locator('.cx-case-confirm').first().click();
    await page
      .locator('.cx-timeline-entry', { hasText: `已列入 ${date} 社区半月谈议程` })
      .first()
      .waitFor({ timeout: 30_000 });
    await b.screenshot('30-letter-scheduled');

    // Hold the meeting: record its minutes.
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/meetings/index?branchId=jianxinnanjie`);
    const meeting = page.locator(`.cx-meeting-item[data-date="${date}"]`).first();
    await meeting.waitFor({ timeout: 30_000 });
    expect(await meeting.textContent()).toContain('老年人智能手机课堂');
    await meeting.locator('.cx-minutes-text textarea').first().fill('居民代表与社区两委协商，决定每周三下午在党群服务中心开课');
    await meeting.locator('.cx-minutes-save').first().click();
    await page.locator(`.cx-meeting-item[data-date="${date}"][data-status="held"]`).first().waitFor({ timeout: 30_000 });
    await b.screenshot('31-meeting-held');

    // Reply.
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/case/index?id=${letter.id}`);
    await page.locator('.cx-case-action', { hasText: '答复' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-case-reply-text textarea').first().fill('每周三下午在党群服务中心开课，欢迎报名参加');
    await page.locator('.cx-case-confirm').first().click();
    await page.locator('.cx-timeline-entry[data-kind="replied"]').first().waitFor({ timeout: 30_000 });
    await b.screenshot('32-letter-replied');

    // The writer's timeline shows each step.
    const mine = await fetch(`${b.stack.apiUrl}/v1/letters/mine`, { headers: { authorization: `Bearer ${secretary.token}` } });
    const body = (await mine.json()) as { letters: { id: string; status: string; timeline: { kind: string; text?: string }[] }[] };
    const mineLetter = must(
      body.letters.find((l) => l.id === letter.id),
      'the letter in 我的信件',
    );
    expect(mineLetter.status).toBe('replied');
    expect(mineLetter.timeline.map((t) => t.text ?? t.kind)).toEqual([
      'submitted',
      'accepted',
      `已列入 ${date} 社区半月谈议程`,
      `已在 ${date} 社区半月谈上协商讨论`,
      '每周三下午在党群服务中心开课，欢迎报名参加',
    ]);
  });
});
