import type { NoticeKind } from '@chuangxing/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDraft } from '../../src/platform/notify/notice';
import { expandLeftoverFanouts } from '../../src/platform/notify/notices';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const YEAR_SECONDS = 365 * 86_400;
const inboxItems = async (stack: TestStack, userId?: string) =>
  (await stack.snapshot()).filter((i) => String(i.pk) === `INBOX#${userId}` && String(i.sk).startsWith('N#'));

const reminder = (userId: string, n = 1): NoticeDraft => ({
  kind: 'daily_reminder',
  recipientUserId: userId,
  title: '日报提醒',
  body: `樱桃沟社区日报尚未提交（第 ${n} 次）`,
  page: 'subpackages/reports/pages/edit/index?branchId=yingtaogou&day=2026-11-27',
  fields: { subject: '樱桃沟社区11月27日日报', deadline: '2026-11-27T14:00:00.000Z', note: '尚未提交，请按时填报' },
});

describe('消息中心: a notice is written in the transaction of its event', () => {
  let stack: TestStack;
  const now = new Date('2026-11-27T02:00:00.000Z');
  let resident: string;
  let handler: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    resident = await stack.tokenFor(DEMO.resident);
    handler = await stack.tokenFor(DEMO.station_handler);
  });

  const write = (text: string) =>
    stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: 'jianxinnanjie',
        category: 'help',
        text,
        anonymous: true,
        idempotencyKey: `notice-${text.length}-${text.charCodeAt(0)}-0123456789`,
      },
    });
  const act = (id: string, body: Record<string, unknown>) =>
    stack.call('POST', `/v1/letters/cases/${id}/actions`, { token: handler, body });

  it('accepting a letter writes the writer’s notice with it; the inbox keeps no trace of which letter', async () => {
    const letter = (await write('楼道灯不亮，请帮忙看看')).body.letter;
    expect((await stack.call('GET', '/v1/notices', { token: resident })).body).toEqual({ notices: [], unread: 0 });
    expect((await act(letter.id, { action: 'accept', version: 1 })).status).toBe(200);

    const page = await stack.call('GET', '/v1/notices', { token: resident });
    expect(page.body.unread).toBe(1);
    expect(page.body.notices).toEqual([
      {
        id: expect.stringMatching(new RegExp(`^${now.getTime()}-`)),
        kind: 'letter_accepted',
        title: '来信已受理',
        body: '您的来信已受理，社区将在办理时限内答复。',
        page: 'subpackages/mailbox/pages/mine/index',
        createdAt: now.toISOString(),
      },
    ]);
    const [item] = await inboxItems(stack, DEMO.resident);
    expect(item.ttl).toBe(Math.floor(now.getTime() / 1000) + YEAR_SECONDS);
    expect(item.gsi1pk).toBe(`INBOX#${DEMO.resident}#UNREAD`);
    // The writer's inbox never names the letter: no id, query code or community beside their account.
    for (const secret of [letter.id, letter.queryCode, '建新南街']) expect(JSON.stringify(item)).not.toContain(secret);
  });

  it('of two replies racing on one version one wins, and the writer hears exactly once', async () => {
    const letter = (await write('小区健身器材损坏')).body.letter;
    await act(letter.id, { action: 'accept', version: 1 });
    const before = (await inboxItems(stack, DEMO.resident)).length;
    const replies = await Promise.all([
      act(letter.id, { action: 'reply', version: 2, text: '已联系物业维修' }),
      act(letter.id, { action: 'reply', version: 2, text: '已安排维修' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const items = await inboxItems(stack, DEMO.resident);
    expect(items.length).toBe(before + 1);
    expect(items.filter((i) => i.kind === 'letter_replied')).toHaveLength(1);
    expect(items.find((i) => i.kind === 'letter_replied')?.body).toBe('您的来信已收到答复，请查看并评价（7 天内未评价将自动归档）。');
  });

  it('a move that fails writes no notice: the notice is one item of the move’s transaction', async () => {
    const letter = (await write('路面坑洼需要修补')).body.letter;
    const found = await stack.deps.letters.get(letter.id);
    const staged = stack.deps.notices.stage([
      {
        kind: 'letter_accepted',
        recipientUserId: DEMO.resident,
        title: '来信已受理',
        body: 'x',
        page: 'subpackages/mailbox/pages/mine/index',
        fields: { code: letter.queryCode, unit: '建新南街社区', at: now.toISOString() },
      },
    ]);
    expect(staged.writes).toHaveLength(1);
    const before = await stack.snapshot();
    const stale = { ...found!.letter, status: 'accepted' as const, version: 9 };
    await expect(
      stack.deps.letters.transition(
        stale,
        8,
        [],
        { at: now.toISOString(), actor: 'x', action: 'accept', from: 'submitted', to: 'accepted' },
        [],
        staged,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stack.snapshot()).toEqual(before);
  });

  it('transfer and reply reach the writer; a note does not', async () => {
    const letter = (await write('希望增设便民长椅')).body.letter;
    const count = async (kind: NoticeKind) => (await inboxItems(stack, DEMO.resident)).filter((i) => i.kind === kind).length;
    const transferredBefore = await count('letter_transferred');
    await act(letter.id, { action: 'note', version: 1, text: '内部备注', internal: true });
    expect(await count('letter_transferred')).toBe(transferredBefore);
    await act(letter.id, { action: 'transfer', version: 2, toBranchId: 'yingtaogou', reason: '属樱桃沟社区' });
    expect(await count('letter_transferred')).toBe(transferredBefore + 1);
  });
});

describe('消息中心 routes on DynamoDB Local', () => {
  let stack: TestStack;
  let now = new Date('2026-11-27T02:00:00.000Z');
  let cadre: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    cadre = await stack.tokenFor(DEMO.cadre);
    // 25 reminders, a minute apart.
    for (let n = 1; n <= 25; n++) {
      now = new Date(Date.parse('2026-11-27T02:00:00.000Z') + n * 60_000);
      await stack.deps.notices.post([reminder(DEMO.cadre, n)]);
    }
  });

  it('pages newest first with a cursor, and counts the unread', async () => {
    const first = await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '10' } });
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(25);
    expect(first.body.notices.map((n: { body: string }) => n.body)).toEqual(
      Array.from({ length: 10 }, (_, i) => `樱桃沟社区日报尚未提交（第 ${25 - i} 次）`),
    );
    const seen = [...first.body.notices];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '10', cursor } });
      seen.push(...next.body.notices);
      cursor = next.body.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect(seen.map((n) => n.createdAt)).toEqual([...seen.map((n) => n.createdAt)].sort().reverse());
    expect((await stack.call('GET', '/v1/notices/unread', { token: cadre })).body).toEqual({ unread: 25 });
    // Another person's inbox is theirs alone.
    expect((await stack.call('GET', '/v1/notices', { token: await stack.tokenFor(DEMO.secretary) })).body.notices).toEqual([]);
  });

  it('marks one read (idempotent), refuses someone else’s, then marks all', async () => {
    const [latest] = (await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '1' } })).body.notices;
    const read = await stack.call('POST', `/v1/notices/${latest.id}/read`, { token: cadre });
    expect(read.body).toEqual({ marked: 1, unread: 24 });
    expect((await stack.call('POST', `/v1/notices/${latest.id}/read`, { token: cadre })).body).toEqual({ marked: 0, unread: 24 });
    const again = (await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '1' } })).body.notices[0];
    expect(again).toMatchObject({ id: latest.id, readAt: now.toISOString() });
    const stranger = await stack.call('POST', `/v1/notices/${latest.id}/read`, { token: await stack.tokenFor(DEMO.secretary) });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'NOT_FOUND']);

    const all = await stack.call('POST', '/v1/notices/read-all', { token: cadre });
    expect(all.body).toEqual({ marked: 24, unread: 0 });
    expect((await stack.call('POST', '/v1/notices/read-all', { token: cadre })).body).toEqual({ marked: 0, unread: 0 });
    // Read notices leave the unread index: none of the cadre's items carries its keys any more.
    expect((await inboxItems(stack, DEMO.cadre)).filter((i) => i.gsi1pk)).toEqual([]);
  });

  it('bad input is refused with field errors', async () => {
    const cursor = await stack.call('GET', '/v1/notices', { token: cadre, query: { cursor: 'bm90LWEtY3Vyc29y' } });
    expect([cursor.status, cursor.body.details[0].path]).toEqual([400, 'query.cursor']);
    const id = await stack.call('POST', '/v1/notices/not-an-id/read', { token: cadre });
    expect([id.status, id.body.details[0].path]).toEqual([400, 'params.noticeId']);
    expect((await stack.call('GET', '/v1/notices', { token: cadre, query: { limit: '51' } })).status).toBe(400);
  });

  it('a notice is kept for a year: after that it is gone from the list and the count', async () => {
    await stack.deps.notices.post([reminder(DEMO.cadre, 26)]);
    const saved = now;
    now = new Date(saved.getTime() + (YEAR_SECONDS + 3600) * 1000);
    try {
      const fresh = await stack.tokenFor(DEMO.cadre);
      expect((await stack.call('GET', '/v1/notices', { token: fresh })).body).toEqual({ notices: [], unread: 0 });
    } finally {
      now = saved;
    }
  });

  it('a large audience goes through a fan-out record, expanded at once; one left behind is swept into the inboxes', async () => {
    const people = Array.from({ length: 45 }, (_, i) => `crowd-${String(i).padStart(2, '0')}`);
    const report = await stack.deps.notices.post(people.map((u) => reminder(u)));
    expect(report.results).toHaveLength(45);
    for (const u of [people[0], people[44]]) expect(await inboxItems(stack, u)).toHaveLength(1);
    expect((await stack.snapshot()).filter((i) => String(i.pk).startsWith('NOTICEFAN#'))).toEqual([]);

    // A process that stopped after its transaction: the record is there, the inboxes are not.
    const staged = stack.deps.notices.stage(people.map((u) => ({ ...reminder(u), title: '遗留的提醒' })));
    expect(staged.writes).toHaveLength(1);
    await stack.deps.inbox.commit(staged.writes);
    expect((await stack.snapshot()).filter((i) => String(i.pk).startsWith('NOTICEFAN#'))).toHaveLength(1);
    const clock = { now: () => new Date(now.getTime() + 6 * 60_000) };
    expect(await expandLeftoverFanouts({ inbox: stack.deps.inbox, clock })).toEqual({ fanouts: 1, notices: 45 });
    expect((await inboxItems(stack, people[7])).map((i) => i.title).sort()).toEqual(['日报提醒', '遗留的提醒']);
    expect((await stack.snapshot()).filter((i) => String(i.pk).startsWith('NOTICEFAN#'))).toEqual([]);
    // Swept again: nothing twice.
    expect(await expandLeftoverFanouts({ inbox: stack.deps.inbox, clock })).toEqual({ fanouts: 0, notices: 0 });
  });
});
