import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, loginAs, startBrowserStack } from './support/browser-stack';

interface OutboxMessage {
  recipientUserId: string;
  kind?: string;
  templateId?: string;
  data?: Record<string, string>;
}

describe('journeys: the 消息中心 and honest reminders', () => {
  let b: BrowserStack;
  beforeAll(async () => {
    b = await startBrowserStack();
  });
  afterAll(async () => {
    await b?.stop();
  });

  /** The 消息 tab of the H5 tab bar, and its badge text ('' when it has none). */
  async function inboxBadge(): Promise<string> {
    const tab = b.page.locator('.weui-tabbar__item', { hasText: '消息' }).first();
    await tab.waitFor({ timeout: 30_000 });
    const badge = tab.locator('.taro-tabbar-badge');
    return (await badge.count()) ? ((await badge.first().textContent()) ?? '') : '';
  }

  async function outbox(): Promise<OutboxMessage[]> {
    return ((await (await fetch(`${b.stack.apiUrl}/v1/dev/outbox`)).json()) as { messages: OutboxMessage[] }).messages;
  }

  it('a resident sends a letter and consents; the handler replies; the reply waits in her 消息中心 with an unread badge', async () => {
    const { page } = b;

    // 1. 王阿姨 writes to 建新南街社区 and, once it is sent, agrees to hear about it (H5's stand-in for WeChat's dialog).
    await loginAs(b, '王阿姨');
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/write/index?branchId=jianxinnanjie`);
    await page.locator('.cx-letter-category', { hasText: '求助' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-letter-text textarea').first().fill('楼道声控灯坏了，老人晚上上下楼不方便');
    await page.locator('.cx-letter-anonymous').first().click();
    await page.locator('.cx-letter-submit').first().click();
    const code = ((await page.locator('.cx-letter-code').first().textContent({ timeout: 30_000 })) ?? '').replace(/[^0-9A-Z]/g, '');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const sheet = page.locator('.cx-consent-sheet').first();
    await sheet.waitFor({ timeout: 30_000 });
    expect(await sheet.locator('.cx-consent-item').allTextContents()).toEqual(['· 来信受理', '· 来信答复', '· 来信转办']);
    await b.screenshot('90-letter-consent');
    await sheet.locator('.cx-consent-accept').click();
    await sheet.waitFor({ state: 'detached', timeout: 30_000 });

    // 2. 陈接待 (民情气象站) accepts and replies.
    await loginAs(b, '陈接待');
    await page.goto(`${b.webUrl}/#/subpackages/mailbox/pages/cases/index`);
    await page.locator('.cx-case-item', { hasText: '声控灯' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-case-action', { hasText: '受理' }).first().click({ timeout: 30_000 });
    await page.locator('.cx-case-confirm').first().click();
    await page.locator('.cx-case-action', { hasText: '答复' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.cx-case-action', { hasText: '答复' }).first().click();
    await page.locator('.cx-case-reply-text textarea').first().fill('已联系物业更换声控灯，今晚即可使用');
    await page.locator('.cx-case-confirm').first().click();
    await page.locator('.cx-timeline-entry[data-kind="replied"]').first().waitFor({ timeout: 30_000 });

    // WeChat (locally the outbox) got both, on their own templates, because she consented.
    const mine = (await outbox()).filter((m) => m.recipientUserId === 'demo-resident');
    expect(mine.map((m) => m.templateId).sort()).toEqual(['local-letter-accepted', 'local-letter-replied']);
    expect(mine.find((m) => m.kind === 'letter_replied')?.data).toMatchObject({ character_string1: code, thing2: '已答复，请查看并评价' });

    // 3. Back as 王阿姨: the 消息 tab shows 2 unread; the reply is on top.
    await loginAs(b, '王阿姨');
    await expect.poll(inboxBadge, { timeout: 30_000 }).toBe('2');
    await b.screenshot('91-inbox-badge');
    await page.locator('.weui-tabbar__item', { hasText: '消息' }).first().click();
    const items = page.locator('.cx-inbox-item');
    await items.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cx-inbox-unread').first().textContent()).toBe('2 条未读');
    expect(await items.locator('.cx-inbox-title').allTextContents()).toEqual(['来信已答复', '来信已受理']);
    expect(await items.first().getAttribute('data-read')).toBe('no');
    await b.screenshot('92-inbox-list');

    // 4. Opening the reply marks it read and opens 我的信件, where she can rate it.
    await items.first().click();
    await page
      .locator('.cx-myletter-item', { hasText: code.slice(0, 4) })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.goBack();
    await expect.poll(inboxBadge, { timeout: 30_000 }).toBe('1');
    await expect.poll(async () => page.locator('.cx-inbox-item').first().getAttribute('data-read'), { timeout: 30_000 }).toBe('yes');
  });

  it('a township reminder names who was reached, who heard only in the 消息中心, and the branches nobody is bound to', async () => {
    const { page } = b;

    // 1. 王干事 (示例管委会) sees whom to call for each missing branch.
    await loginAs(b, '王干事');
    await page.goto(`${b.webUrl}/#/subpackages/reports/pages/dashboard/index?townshipId=demo-gwh`);
    const yingtaogou = page.locator('.dashboard-branch-block[data-branch="yingtaogou"]').first();
    await yingtaogou.locator('.cx-dashboard-contact').first().waitFor({ timeout: 30_000 });
    expect(await yingtaogou.locator('.cx-dashboard-contact').allTextContents()).toEqual([
      '李明（村干部） · 干部拨打 13800000001',
      '张书记（支部书记） · 书记未留电话',
    ]);
    expect(await page.locator('.dashboard-branch-block[data-branch="demo-gwh-b02"] .cx-dashboard-unbound').textContent()).toBe(
      '无人绑定，无法提醒',
    );
    await b.screenshot('93-dashboard-contacts');

    // 2. 一键提醒: the answer says who got it and where.
    await page.locator('.cx-dashboard-remind').first().click();
    await page.locator('.taro-modal__foot', { hasText: '提醒' }).locator('text=提醒').last().click();
    const result = page.locator('.cx-dashboard-reminded').first();
    await result.waitFor({ timeout: 30_000 });
    expect(await result.locator('.cx-reminded-branch').allTextContents()).toEqual(['樱桃沟社区（2 人）']);
    // Neither has said yes to WeChat reminders yet: both have it in the 消息中心 only.
    expect((await result.locator('.cx-reminded-person').allTextContents()).sort()).toEqual([
      '张书记（支部书记） · 樱桃沟社区',
      '李明（村干部） · 樱桃沟社区',
    ]);
    expect((await result.locator('.cx-reminded-unbound-branch').allTextContents()).sort()).toEqual(
      ['刘庄村', '王寨村', '李湾村', '张岗村', '杨河村', '赵沟村', '陈楼村'].sort(),
    );
    expect(await result.locator('.cx-reminded-summary').textContent()).toBe(
      '已提醒 1 个支部 2 人；0 人收到微信通知；2 人仅收到站内消息；7 个支部无人绑定，未能提醒',
    );
    await b.screenshot('94-reminder-result');
    expect((await outbox()).filter((m) => m.kind === 'daily_reminder')).toEqual([]);

    // 3. 李明 finds the reminder in his 消息中心; it opens today's report form.
    await loginAs(b, '李明');
    await expect.poll(inboxBadge, { timeout: 30_000 }).toBe('1');
    await page.locator('.weui-tabbar__item', { hasText: '消息' }).first().click();
    const reminder = page.locator('.cx-inbox-item[data-kind="daily_reminder"]').first();
    await reminder.waitFor({ timeout: 30_000 });
    expect(await reminder.locator('.cx-inbox-body').textContent()).toMatch(/^樱桃沟社区\d+月\d+日的日报尚未提交/);
    await reminder.click();
    await page.locator('.cx-report-submit').first().waitFor({ timeout: 30_000 });
  });
});
