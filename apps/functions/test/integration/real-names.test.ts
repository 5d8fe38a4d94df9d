import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from '../support/fake-wechat';
import { officialGetRequests } from '../support/get-walk';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const NOW = '2026-11-27T02:00:00.000Z';
const DAY = '2026-11-27';
const GWH_STAFF = 'demo-township-staff-gwh';
const PHONE = '13900001111';

describe('real names: confirmed at an invitation, changed in 我的, and shown by every read that names a person', () => {
  let stack: TestStack;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let newcomer: { id: string; token: string };
  const as = (userId: string) => stack.tokenFor(userId);

  beforeAll(async () => {
    wechat = await startFakeWechat({ appId: 'wx-test-app', appSecret: 'test-app-secret' });
    stack = await createTestStack({ wechatApiBase: wechat.url, clock: { now: () => new Date(NOW) } });
  });
  afterAll(() => wechat?.stop());

  const rename = async (userId: string, displayName: string, workPhone?: string) => {
    const res = await stack.call('PUT', '/v1/me/profile', {
      token: await as(userId),
      body: { displayName, ...(workPhone === undefined ? {} : { workPhone }) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('a first WeChat login is 居民; the invitee previews, corrects the name and adds a work phone in the one redemption', async () => {
    wechat.issueCode('code-newcomer', 'oNEWCOMER-openid');
    const login = await stack.call('POST', '/v1/auth/wechat', { body: { code: 'code-newcomer' } });
    expect(login.status).toBe(200);
    expect(login.body.me.user).toMatchObject({ displayName: '居民', isDemo: false });
    expect(login.body.me.user.nameSetAt).toBeUndefined();
    newcomer = { id: login.body.me.user.id, token: login.body.token };

    const invited = await stack.call('POST', '/v1/invitations', {
      token: await as(GWH_STAFF),
      body: {
        inviteeName: '赵晓梅',
        role: 'cadre',
        scope: { level: 'branch', districtId: 'erqi', townshipId: 'demo-gwh', branchId: 'yingtaogou' },
      },
    });
    expect(invited.status).toBe(201);
    const code = invited.body.code as string;

    const preview = await stack.call('POST', '/v1/invitations/preview', { token: newcomer.token, body: { code } });
    expect([preview.status, preview.body]).toEqual([
      200,
      { inviteeName: '赵晓梅', role: 'cadre', scopeLabel: '示例管委会 · 樱桃沟社区', expiresAt: '2026-11-30T02:00:00.000Z' },
    ]);

    // A bad phone: 400 with the field, and nothing is redeemed.
    const before = await stack.snapshot();
    const bad = await stack.call('POST', '/v1/invitations/redeem', {
      token: newcomer.token,
      body: { code, name: ' ', workPhone: '12345' },
    });
    expect([bad.status, bad.body.details.map((d: { path: string }) => d.path)]).toEqual([400, ['body.name', 'body.workPhone']]);
    expect(await stack.snapshot()).toEqual(before);

    const redeemed = await stack.call('POST', '/v1/invitations/redeem', {
      token: newcomer.token,
      body: { code, name: '赵小梅', workPhone: PHONE },
    });
    expect([redeemed.status, redeemed.body.binding.holderName, redeemed.body.binding.role]).toEqual([200, '赵小梅', 'cadre']);
    const me = await stack.call('GET', '/v1/me', { token: newcomer.token });
    expect(me.body.user).toMatchObject({ displayName: '赵小梅', workPhone: PHONE, nameSetAt: NOW });
    expect(me.body.roles).toEqual(['resident', 'cadre']);
    // The code is spent: preview says so.
    expect((await stack.call('POST', '/v1/invitations/preview', { token: newcomer.token, body: { code } })).status).toBe(409);
  });

  it('the work phone is shown to the supervisors (the bindings list)', async () => {
    for (const supervisor of [GWH_STAFF, DEMO.district_admin]) {
      const res = await stack.call('GET', '/v1/bindings', { token: await as(supervisor), query: { townshipId: 'demo-gwh' } });
      const mine = res.body.bindings.find((b: { userId: string }) => b.userId === newcomer.id);
      expect(mine, supervisor).toMatchObject({ holderName: '赵小梅', holderPhone: PHONE });
    }
  });

  it.each([DEMO.cadre, DEMO.secretary, DEMO.inspector, DEMO.leader, DEMO.station_handler, DEMO.township_staff, DEMO.resident])(
    'and to no other official: %s reads it nowhere',
    async (userId) => {
      const token = await as(userId);
      for (const req of officialGetRequests([], { branchId: 'yingtaogou', townshipId: 'demo-gwh' })) {
        const res = await stack.call('GET', req.path, { token, query: req.query });
        expect(JSON.stringify(res.body), `${userId} GET ${req.path}`).not.toContain(PHONE);
      }
    },
    120_000,
  );

  it('我的 → 修改姓名: bad input changes nothing; an empty work phone removes it', async () => {
    const before = await stack.snapshot();
    for (const [body, paths] of [
      [{ displayName: '' }, ['body.displayName']],
      [{ displayName: '长'.repeat(41) }, ['body.displayName']],
      [{ displayName: '赵小梅', workPhone: '0371' }, ['body.workPhone']],
      [{ displayName: '赵小梅', nickname: '小梅' }, ['body.nickname']],
    ] as const) {
      const res = await stack.call('PUT', '/v1/me/profile', { token: newcomer.token, body });
      expect([res.status, res.body.details.map((d: { path: string }) => d.path)]).toEqual([400, paths]);
      for (const d of res.body.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await stack.snapshot()).toEqual(before);
    const landline = await rename(newcomer.id, '赵小梅', '0371-66881234');
    expect(landline.user.workPhone).toBe('0371-66881234');
    const cleared = await rename(newcomer.id, '赵小梅', '');
    expect(cleared.user.workPhone).toBeUndefined();
    expect((await rename(newcomer.id, '赵小梅', PHONE)).user.workPhone).toBe(PHONE);
  });

  it('edit history, comments, task updates, findings, ranking notes, news, observers, 学讲评 and the question bank show each person’s stored name, before and after they change it', async () => {
    const cadre = newcomer.token;
    const staff = await as(GWH_STAFF);
    const inspector = await as(DEMO.inspector);
    const admin = await as(DEMO.district_admin);

    // The newcomer files the day's report and edits it; the township comments.
    const filed = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${DAY}`, {
      token: cadre,
      body: { content: { items: [{ star: 'industry', text: '走访樱桃种植户' }] }, idempotencyKey: 'names-report-key-0001' },
    });
    expect(filed.status).toBe(201);
    await stack.call('POST', `/v1/branches/yingtaogou/reports/${DAY}/comments`, { token: staff, body: { text: '请补充照片' } });

    // A plan, approved, and a progress update on one of its tasks.
    const plan = `/v1/branches/yingtaogou/plans/2026`;
    const content = {
      heldStars: [],
      targetStars: ['industry'],
      stars: [{ star: 'industry', responsible: '赵小梅', leadDepartment: '农业农村办' }],
      tasks: [{ taskId: 'industry-t1', owner: '赵小梅', milestones: [{ title: '注册樱桃品牌', due: '2026-12-20' }] }],
    };
    expect((await stack.call('PUT', plan, { token: cadre, body: { content, version: 0 } })).status).toBe(200);
    await stack.call('POST', `${plan}/actions`, { token: cadre, body: { action: 'submit', version: 1 } });
    await stack.call('POST', `${plan}/actions`, { token: staff, body: { action: 'approve', version: 2 } });
    const update = await stack.call('POST', `${plan}/tasks/industry-t1/updates`, {
      token: cadre,
      body: { status: 'in_progress', percent: 20 },
    });
    expect(update.status).toBe(201);

    // A visit with a finding, and the branch's fix.
    const draft = await stack.call('POST', '/v1/inspections/drafts', {
      token: inspector,
      body: {
        content: {
          branchId: 'yingtaogou',
          visitedAt: NOW,
          location: '樱桃沟社区党群服务中心',
          photos: [],
          summary: '查看三会一课记录',
          findings: [{ star: 'safety_law', description: '消防通道被杂物堵塞', owner: '赵小梅', deadline: '2026-12-04' }],
        },
      },
    });
    const recorded = await stack.call('POST', `/v1/inspections/drafts/${draft.body.id}/record`, { token: inspector, body: { version: 1 } });
    const findingId = recorded.body.findings[0].id as string;
    const fixed = await stack.call('POST', `/v1/findings/${findingId}/actions`, {
      token: cadre,
      body: { action: 'submit_fix', version: 1, text: '已清理消防通道杂物', photos: [] },
    });
    expect(fixed.status).toBe(200);

    // A ranking note, a news post, an observation scored by the inspector, a 学讲评 item and a bank question.
    // The run continues where it stopped until every township is done (a busy machine may need several calls).
    let complete = false;
    for (let call = 0; call < 20 && !complete; call++) {
      complete = (await stack.call('POST', '/v1/rankings/2026-Q3/runs', { token: admin, body: {} })).body.complete;
    }
    expect(complete).toBe(true);
    await stack.call('POST', '/v1/rankings/2026-Q3/versions/1/annotations', { token: admin, body: { text: '整体进步明显', revision: 0 } });
    const news = await stack.call('POST', '/v1/news', {
      token: staff,
      body: { key: 'names-news-key-01', title: '樱桃节筹备', body: '各支部积极参与' },
    });
    const obs = await stack.call('POST', '/v1/observations', {
      token: staff,
      body: {
        month: '2026-11',
        title: '十一月观摩',
        townshipId: 'demo-gwh',
        branchIds: ['yingtaogou'],
        observerIds: [GWH_STAFF, DEMO.inspector],
      },
    });
    const sheet = ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'].map((star) => ({ star, score: 8 }));
    await stack.call('PUT', `/v1/observations/${obs.body.id}/scores/yingtaogou`, {
      token: inspector,
      body: { scores: sheet, comment: '台账清楚' },
    });
    await stack.call('POST', '/v1/branches/yingtaogou/reviews/2026-11/items', {
      token: cadre,
      body: { id: '01KNAMESREVIEW0000000001', list: 'problem', text: '冷库用电不稳', owner: '赵小梅' },
    });
    await stack.call('POST', '/v1/learning/questions', {
      token: staff,
      body: { topic: '樱桃产业', kind: 'judge', text: '樱桃沟社区按农村星级标准创建。', answer: [0], townshipId: 'demo-gwh' },
    });

    /** Every read that names one of them, as the township, the inspector or the district admin reads it. */
    async function namesShown() {
      const report = (await stack.call('GET', `/v1/branches/yingtaogou/reports/${DAY}`, { token: staff })).body;
      const task = (await stack.call('GET', `${plan}/tasks/industry-t1`, { token: staff })).body;
      const finding = (await stack.call('GET', `/v1/findings/${findingId}`, { token: staff })).body;
      const versions = (await stack.call('GET', '/v1/rankings/2026-Q3/versions', { token: admin })).body;
      const post = (await stack.call('GET', `/v1/news/${news.body.id}`, { token: cadre })).body;
      // The district admin oversees it, so reads every sheet while it is open (an assigned observer sees only their own).
      const observation = (await stack.call('GET', `/v1/observations/${obs.body.id}`, { token: admin })).body;
      const candidates = (await stack.call('GET', '/v1/observations/candidates', { token: staff })).body;
      const review = (await stack.call('GET', '/v1/branches/yingtaogou/reviews/2026-11', { token: staff })).body;
      const bank = (await stack.call('GET', '/v1/learning/questions', { token: staff })).body;
      const bindings = (await stack.call('GET', '/v1/bindings', { token: staff, query: { townshipId: 'demo-gwh' } })).body;
      const byUser = (list: { userId: string; name: string }[], id: string) => list.find((x) => x.userId === id)?.name;
      return {
        reportEditedBy: report.revisions.map((r: { editedByName: string }) => r.editedByName),
        reportComment: report.comments[0].authorName,
        taskUpdate: task.updates[0].byName,
        inspector: finding.inspection.inspectorName,
        findingHistory: finding.history.map((e: { actorName: string }) => e.actorName),
        rankingNote: versions.versions[0].annotations[0].byName,
        newsAuthor: post.authorName,
        organiser: observation.createdByName,
        observer: byUser(observation.observers, DEMO.inspector),
        scoredBy: observation.scores.find((s: { observerId: string }) => s.observerId === DEMO.inspector)?.observerName,
        candidate: byUser(candidates.candidates, DEMO.inspector),
        review: review.items[0].history[0].byName,
        question: bank.questions.find((q: { topic: string }) => q.topic === '樱桃产业').createdByName,
        holder: bindings.bindings.find((b: { userId: string }) => b.userId === newcomer.id).holderName,
      };
    }

    expect(await namesShown()).toEqual({
      reportEditedBy: ['赵小梅'],
      reportComment: '王干事（管委会）',
      taskUpdate: '赵小梅',
      inspector: '赵督导（督导组）',
      findingHistory: ['赵督导（督导组）', '赵小梅'],
      rankingNote: '孙管理员（区委组织部）',
      newsAuthor: '王干事（管委会）',
      organiser: '王干事（管委会）',
      observer: '赵督导（督导组）',
      scoredBy: '赵督导（督导组）',
      candidate: '赵督导（督导组）',
      review: '赵小梅',
      question: '王干事（管委会）',
      holder: '赵小梅',
    });

    // Each of them corrects their name in 我的: every record shows the new one at once.
    await rename(newcomer.id, '赵晓梅');
    await rename(GWH_STAFF, '王建国');
    await rename(DEMO.inspector, '赵卫东');
    await rename(DEMO.district_admin, '孙丽');
    expect(await namesShown()).toEqual({
      reportEditedBy: ['赵晓梅'],
      reportComment: '王建国',
      taskUpdate: '赵晓梅',
      inspector: '赵卫东',
      findingHistory: ['赵卫东', '赵晓梅'],
      rankingNote: '孙丽',
      newsAuthor: '王建国',
      organiser: '王建国',
      observer: '赵卫东',
      scoredBy: '赵卫东',
      candidate: '赵卫东',
      review: '赵晓梅',
      question: '王建国',
      holder: '赵晓梅',
    });
  });

  it('a resident signs 署名 letters with the name they chose; an anonymous letter never shows it', async () => {
    const writer = await as(DEMO.resident);
    await rename(DEMO.resident, '王秀兰');
    const send = async (anonymous: boolean, key: string) =>
      (
        await stack.call('POST', '/v1/letters', {
          token: writer,
          body: {
            branchId: 'jianxinnanjie',
            category: 'suggestion',
            text: '建议增设便民座椅',
            anonymous,
            idempotencyKey: `names-letter-${key}-0123456789`,
          },
        })
      ).body.letter;
    const named = await send(false, 'named');
    const anonymous = await send(true, 'anon');
    const handler = await as(DEMO.station_handler);
    const namedCase = await stack.call('GET', `/v1/letters/cases/${named.id}`, { token: handler });
    expect(namedCase.body.letter.writerName).toBe('王秀兰');
    const anonCase = await stack.call('GET', `/v1/letters/cases/${anonymous.id}`, { token: handler });
    expect(anonCase.body.letter.writerName).toBe('匿名');
    expect(JSON.stringify(anonCase.body)).not.toContain('王秀兰');
    // Nothing an official reads about the anonymous letter carries the writer's chosen name.
    for (const role of ['station_handler', 'township_staff', 'district_admin', 'leader', 'inspector'] as const) {
      const token = await as(DEMO[role]);
      for (const req of officialGetRequests([anonymous])) {
        const res = await stack.call('GET', req.path, { token, query: req.query });
        expect(JSON.stringify(res.body), `${role} GET ${req.path}`).not.toContain('王秀兰');
      }
    }
  });
});

describe('the demo seed: one person came in through an invitation, and a newcomer waits for one', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({ invitedPeople: true });
  });

  it('刘干事 invited 周小梅; she signed in, corrected the name to 周晓梅 and gave a work phone; her supervisor sees both', async () => {
    const me = await stack.call('GET', '/v1/me', { token: await stack.tokenFor('demo-invited-handler') });
    expect(me.body.user).toMatchObject({ displayName: '周晓梅', workPhone: '13700001234' });
    expect(me.body.user.nameSetAt).toBeDefined();
    expect(me.body.bindings).toEqual([
      expect.objectContaining({
        role: 'station_handler',
        scope: expect.objectContaining({ branchId: 'wulibao-b02' }),
        createdBy: DEMO.township_staff,
      }),
    ]);
    const staff = await stack.tokenFor(DEMO.township_staff);
    const invitations = await stack.call('GET', '/v1/invitations', { token: staff });
    expect(invitations.body.invitations).toEqual([
      expect.objectContaining({
        inviteeName: '周小梅',
        status: 'redeemed',
        redeemedBy: 'demo-invited-handler',
        createdBy: DEMO.township_staff,
      }),
    ]);
    const bindings = await stack.call('GET', '/v1/bindings', { token: staff });
    expect(bindings.body.bindings.find((b: { userId: string }) => b.userId === 'demo-invited-handler')).toMatchObject({
      holderName: '周晓梅',
      holderPhone: '13700001234',
    });
    // Both show in the demo-user picker; the newcomer holds no binding yet.
    const users = (await stack.call('GET', '/v1/auth/dev-users')).body.users.map((u: { userId: string; displayName: string }) => [
      u.userId,
      u.displayName,
    ]);
    expect(users).toEqual(
      expect.arrayContaining([
        ['demo-invited-handler', '周晓梅'],
        ['demo-newcomer', '新同志（待绑定）'],
      ]),
    );
    const newcomer = await stack.call('GET', '/v1/me', { token: await stack.tokenFor('demo-newcomer') });
    expect([newcomer.body.roles, newcomer.body.bindings]).toEqual([['resident'], []]);
  });
});
