import { ROLES, type Role, type RouteDef, routes } from '@chuangxing/shared';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, TEST_SIGNING_KEY, type TestStack } from '../support/test-stack';

/** A concrete, valid request for every route, so a 403 can only come from the role check. */
const SAMPLE: Record<string, { path: string; body?: unknown }> = {
  getMe: { path: '/v1/me' },
  getOrgTree: { path: '/v1/org/tree' },
  getDirectory: { path: '/v1/directory' },
  getCatalogue: { path: '/v1/catalogue' },
  getPlan: { path: '/v1/branches/yingtaogou/plans/2026' },
  savePlan: {
    path: '/v1/branches/yingtaogou/plans/2026',
    body: { content: { heldStars: [], targetStars: ['industry'], stars: [], tasks: [] }, version: 0 },
  },
  actOnPlan: { path: '/v1/branches/yingtaogou/plans/2026/actions', body: { action: 'submit', version: 1 } },
  getTaskProgress: { path: '/v1/branches/yingtaogou/plans/2026/tasks/industry-t1' },
  addTaskUpdate: { path: '/v1/branches/yingtaogou/plans/2026/tasks/industry-t1/updates', body: { status: 'in_progress', percent: 10 } },
  presignEvidence: { path: '/v1/uploads/evidence', body: { branchId: 'yingtaogou', year: 2026, contentType: 'image/jpeg', size: 1000 } },
  getReviewBoard: { path: '/v1/branches/yingtaogou/reviews/2026-11' },
  addReviewItem: {
    path: '/v1/branches/yingtaogou/reviews/2026-11/items',
    body: { id: '01KREVIEWAUTH000000000001', list: 'problem', text: '测试', owner: '李明' },
  },
  actOnReviewItem: {
    path: '/v1/branches/yingtaogou/review-items/01KREVIEWAUTH000000000001/actions',
    body: { action: 'start', version: 1 },
  },
  getTownshipReviewSummary: { path: '/v1/townships/demo-gwh/reviews/2026-11' },
  scheduleBackwards: { path: '/v1/plans/schedule-backwards', body: { evaluationDate: '2026-12-20', milestones: 3 } },
  getDistrictBoard: { path: '/v1/board/2026' },
  getTownshipBoard: { path: '/v1/townships/demo-gwh/board/2026' },
  getBranchBoard: { path: '/v1/branches/yingtaogou/board/2026' },
  listCatalogueVersions: { path: '/v1/catalogue/versions' },
  getCatalogueVersion: { path: '/v1/catalogue/versions/1' },
  getCatalogueDraft: { path: '/v1/catalogue/draft' },
  putCatalogueDraft: { path: '/v1/catalogue/draft', body: { content: { rural: [], community: [] }, revision: 0 } },
  publishCatalogue: { path: '/v1/catalogue/publish', body: { revision: 1, note: '测试' } },
  listTownshipBranches: { path: '/v1/org/townships/wulibao/branches' },
  createBranch: { path: '/v1/org/townships/wulibao/branches', body: { name: '测试社区', type: 'community' } },
  getBranch: { path: '/v1/org/branches/jianxinnanjie' },
  renameBranch: { path: '/v1/org/branches/jianxinnanjie', body: { name: '测试改名', version: 1 } },
  createInvitation: {
    path: '/v1/invitations',
    body: {
      inviteeName: '某人',
      role: 'cadre',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnanjie' },
    },
  },
  listInvitations: { path: '/v1/invitations' },
  redeemInvitation: { path: '/v1/invitations/redeem', body: { code: 'ABCD2345' } },
  listBindings: { path: '/v1/bindings' },
  revokeBinding: { path: '/v1/users/demo-cadre/bindings/demo-cadre-b1' },
  submitReport: {
    path: '/v1/branches/yingtaogou/reports/2026-11-27',
    body: { content: { items: [{ star: 'industry', text: '测试' }] }, idempotencyKey: 'auth-test-key-0123456789' },
  },
  getReport: { path: '/v1/branches/yingtaogou/reports/2026-11-27' },
  listReports: { path: '/v1/branches/yingtaogou/reports?from=2026-11-01&to=2026-11-27' },
  addReportComment: { path: '/v1/branches/yingtaogou/reports/2026-11-27/comments', body: { text: '批注' } },
  getBranchCalendar: { path: '/v1/branches/yingtaogou/calendar' },
  getTownshipCompliance: { path: '/v1/townships/wulibao/compliance' },
  exportTownshipCompliance: { path: '/v1/townships/wulibao/compliance/export?from=2026-11-01&to=2026-11-27' },
  getDistrictCompliance: { path: '/v1/compliance' },
  remindMissing: { path: '/v1/townships/wulibao/reminders', body: {} },
  getDailyRules: { path: '/v1/daily-rules' },
  getLetterRules: { path: '/v1/letter-rules' },
  putLetterRules: { path: '/v1/letter-rules', body: { acceptWorkingDays: 2, replyWorkingDays: 15, autoArchiveDays: 7, perDayLimit: 5 } },
  putDailyRules: { path: '/v1/daily-rules', body: { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' } },
  listExemptions: { path: '/v1/exemptions' },
  createExemption: { path: '/v1/exemptions', body: { day: '2026-11-27', reason: '测试' } },
  deleteExemption: { path: '/v1/exemptions/2026-11-27_all' },
  writeLetter: {
    path: '/v1/letters',
    body: {
      branchId: 'jianxinnanjie',
      category: 'help',
      text: '需要帮助的事情',
      anonymous: true,
      idempotencyKey: 'auth-letter-key-0123456',
    },
  },
  listMyLetters: { path: '/v1/letters/mine' },
  presignLetterPhoto: { path: '/v1/uploads/letter-photos', body: { branchId: 'jianxinnanjie', contentType: 'image/jpeg', size: 1000 } },
  rateLetter: { path: '/v1/letters/mine/01JABCDEFGHJKMNPQRSTVWXYZ0/rating', body: { rating: 'satisfied' } },
  trackLetter: { path: '/v1/letters/track/ABCDEFGHJK' },
  listCases: { path: '/v1/letters/cases' },
  getCase: { path: '/v1/letters/cases/01JABCDEFGHJKMNPQRSTVWXYZ0' },
  actOnCase: { path: '/v1/letters/cases/01JABCDEFGHJKMNPQRSTVWXYZ0/actions', body: { action: 'accept', version: 1 } },
  getLetterStats: { path: '/v1/letters/stats' },
  listMeetings: { path: '/v1/branches/jianxinnanjie/meetings' },
  createMeeting: { path: '/v1/branches/jianxinnanjie/meetings', body: { date: '2026-12-01' } },
  addToAgenda: {
    path: '/v1/meetings/01JABCDEFGHJKMNPQRSTVWXYZ0/agenda',
    body: { letterId: '01JABCDEFGHJKMNPQRSTVWXYZ1', letterVersion: 2 },
  },
  recordMinutes: {
    path: '/v1/meetings/01JABCDEFGHJKMNPQRSTVWXYZ0/minutes',
    body: { minutes: '讨论了路灯维修和座椅增设等问题', version: 1 },
  },
  getPublicBoard: { path: '/v1/branches/jianxinnanjie/board' },
  getIntegrityBoard: { path: '/v1/branches/jianxinnanjie/integrity' },
  putIntegrityBoard: { path: '/v1/branches/jianxinnanjie/integrity', body: { commitments: [], version: 0 } },
  listObservations: { path: '/v1/observations' },
  listObserverCandidates: { path: '/v1/observations/candidates' },
  createObservation: {
    path: '/v1/observations',
    body: { month: '2026-11', title: '测试观摩', townshipId: 'demo-gwh', branchIds: ['yingtaogou'], observerIds: ['demo-inspector'] },
  },
  getObservation: { path: '/v1/observations/01JABCDEFGHJKMNPQRSTVWXYZ0' },
  scoreObservationBranch: {
    path: '/v1/observations/01JABCDEFGHJKMNPQRSTVWXYZ0/scores/yingtaogou',
    body: { scores: [{ star: 'industry', score: 8 }], comment: '测试' },
  },
  closeObservation: { path: '/v1/observations/01JABCDEFGHJKMNPQRSTVWXYZ0/close', body: { version: 1 } },
  getBranchObservationResults: { path: '/v1/branches/yingtaogou/observation-results?quarter=2026-Q4' },
  listQuestions: { path: '/v1/learning/questions' },
  createQuestion: { path: '/v1/learning/questions', body: { topic: '测试', kind: 'judge', text: '测试题', answer: [0] } },
  deleteQuestion: { path: '/v1/learning/questions/demo-q01' },
  createTestSession: {
    path: '/v1/learning/tests',
    body: {
      key: 'auth-test-key-0001',
      title: '测试',
      townshipIds: ['demo-gwh'],
      roles: ['secretary'],
      questionIds: ['demo-q01'],
      opensAt: '2026-11-27T00:00:00+08:00',
      closesAt: '2030-11-28T00:00:00+08:00',
      durationMinutes: 10,
    },
  },
  listTestSessions: { path: '/v1/learning/tests' },
  listMyTests: { path: '/v1/learning/my-tests' },
  startTestAttempt: { path: '/v1/learning/tests/01JABCDEFGHJKMNPQRSTVWXYZ0/attempts', body: { key: 'auth-attempt-key-01' } },
  submitTestAttempt: { path: '/v1/learning/tests/01JABCDEFGHJKMNPQRSTVWXYZ0/attempts/1/submit', body: { answers: [] } },
  getTestResults: { path: '/v1/learning/tests/01JABCDEFGHJKMNPQRSTVWXYZ0/results' },
  remindTestMissing: { path: '/v1/learning/tests/01JABCDEFGHJKMNPQRSTVWXYZ0/reminders' },
  createQuestionnaire: {
    path: '/v1/questionnaires',
    body: {
      key: 'auth-qn-key-0001',
      townshipId: 'demo-gwh',
      title: '调研',
      roles: ['cadre'],
      questions: [{ kind: 'text', text: '建议' }],
      closesAt: '2030-01-01T00:00:00+08:00',
    },
  },
  listQuestionnaires: { path: '/v1/questionnaires' },
  getQuestionnaire: { path: '/v1/questionnaires/01JABCDEFGHJKMNPQRSTVWXYZ0' },
  putQuestionnaireResponse: { path: '/v1/questionnaires/01JABCDEFGHJKMNPQRSTVWXYZ0/response', body: { answers: [] } },
  getQuestionnaireResults: { path: '/v1/questionnaires/01JABCDEFGHJKMNPQRSTVWXYZ0/results' },
  exportQuestionnaire: { path: '/v1/questionnaires/01JABCDEFGHJKMNPQRSTVWXYZ0/export' },
  closeQuestionnaire: { path: '/v1/questionnaires/01JABCDEFGHJKMNPQRSTVWXYZ0/close' },
  listNews: { path: '/v1/news' },
  getNews: { path: '/v1/news/demo-news-1' },
  createNews: { path: '/v1/news', body: { key: 'auth-news-key-0001', title: '标题', body: '正文' } },
  deleteNews: { path: '/v1/news/demo-news-1' },
  presignNewsPhoto: { path: '/v1/uploads/news', body: { contentType: 'image/jpeg', size: 1000 } },
  getScoringModel: { path: '/v1/scoring' },
  listScoringVersions: { path: '/v1/scoring/versions' },
  getScoringVersion: { path: '/v1/scoring/versions/1' },
  getScoringDraft: { path: '/v1/scoring/draft' },
  putScoringDraft: {
    path: '/v1/scoring/draft',
    body: {
      content: {
        weights: { keyTasks: 35, observation: 25, dailyReport: 15, letters: 10, improvement: 15 },
        letterRateWeights: { response: 30, resolution: 30, satisfaction: 40 },
        lateReportCreditPercent: 50,
        deductions: { openFinding: 2, overdueFinding: 5, cap: 20 },
        improvementFullScaleDelta: 20,
        starCompletionPercent: 100,
        lists: { topTen: 10, topHundred: 100, mostImproved: 10 },
      },
      revision: 0,
    },
  },
  publishScoringModel: { path: '/v1/scoring/publish', body: { revision: 1, note: '测试' } },
  runRanking: { path: '/v1/rankings/2026-Q3/runs', body: {} },
  listRankingVersions: { path: '/v1/rankings/2026-Q3/versions' },
  getRanking: { path: '/v1/rankings/2026-Q3' },
  getBranchScorecard: { path: '/v1/rankings/2026-Q3/branches/jianxinnanjie' },
  getStarMap: { path: '/v1/rankings/2026-Q3/star-map' },
  getHonours: { path: '/v1/rankings/2026-Q3/honours' },
  annotateRanking: { path: '/v1/rankings/2026-Q3/versions/1/annotations', body: { text: '批注', revision: 0 } },
  publishRanking: { path: '/v1/rankings/2026-Q3/versions/1/publish', body: { revision: 0 } },
  exportRanking: { path: '/v1/rankings/2026-Q3/export' },
  presignPhoto: {
    path: '/v1/uploads/photos',
    body: { branchId: 'yingtaogou', day: '2026-11-27', variant: 'photo', contentType: 'image/jpeg', size: 1000 },
  },
  // 四不两直 and the 问题清单
  listInspections: { path: '/v1/inspections' },
  createInspectionDraft: {
    path: '/v1/inspections/drafts',
    body: {
      content: { branchId: 'yingtaogou', visitedAt: '2026-11-27T02:00:00.000Z', location: '', photos: [], summary: '', findings: [] },
    },
  },
  getInspectionDraft: { path: '/v1/inspections/drafts/01JABCDEFGHJKMNPQRSTVWXYZ0' },
  saveInspectionDraft: {
    path: '/v1/inspections/drafts/01JABCDEFGHJKMNPQRSTVWXYZ0',
    body: {
      content: { branchId: 'yingtaogou', visitedAt: '2026-11-27T02:00:00.000Z', location: '', photos: [], summary: '', findings: [] },
      version: 1,
    },
  },
  deleteInspectionDraft: { path: '/v1/inspections/drafts/01JABCDEFGHJKMNPQRSTVWXYZ0' },
  recordInspection: { path: '/v1/inspections/drafts/01JABCDEFGHJKMNPQRSTVWXYZ0/record', body: { version: 1 } },
  presignInspectionPhoto: {
    path: '/v1/uploads/inspection-photos',
    body: { purpose: 'inspection', branchId: 'yingtaogou', contentType: 'image/jpeg', size: 1000 },
  },
  listBranchFindings: { path: '/v1/branches/yingtaogou/findings' },
  listTownshipFindings: { path: '/v1/townships/demo-gwh/findings?status=open' },
  getFinding: { path: '/v1/findings/01JABCDEFGHJKMNPQRSTVWXYZ0' },
  actOnFinding: { path: '/v1/findings/01JABCDEFGHJKMNPQRSTVWXYZ0/actions', body: { action: 'close', version: 1, note: '已核实' } },
};

const protectedRoutes = Object.entries(routes as Record<string, RouteDef>).filter(([, r]) => r.access.kind !== 'public');

describe('authentication', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
  });

  it('has a sample request for every protected route', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual(protectedRoutes.map(([n]) => n).sort());
  });

  it.each(protectedRoutes)('%s without a token → 401', async (name, route) => {
    const res = await stack.call(route.method, SAMPLE[name].path.split('?')[0], { body: SAMPLE[name].body });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('a forged token (signed with another key) → 401', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO.district_admin)
      .setIssuer('chuangxing')
      .setAudience('chuangxing-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-another-key-another-key-42'));
    expect((await stack.call('GET', '/v1/me', { token: forged })).status).toBe(401);
  });

  it('an expired token → 401', async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO.district_admin)
      .setIssuer('chuangxing')
      .setAudience('chuangxing-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_SIGNING_KEY));
    expect((await stack.call('GET', '/v1/me', { token: expired })).status).toBe(401);
  });

  it('a tampered token (payload swapped, signature kept) → 401', async () => {
    const good = await stack.tokenFor(DEMO.resident);
    const [h, , s] = good.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: DEMO.district_admin, iss: 'chuangxing', aud: 'chuangxing-api', exp: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString('base64url');
    expect((await stack.call('GET', '/v1/me', { token: `${h}.${payload}.${s}` })).status).toBe(401);
    expect((await stack.call('GET', '/v1/me', { token: good })).status).toBe(200);
  });

  it('an alg=none token → 401', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: DEMO.district_admin, iss: 'chuangxing', aud: 'chuangxing-api', exp: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString('base64url');
    expect((await stack.call('GET', '/v1/me', { token: `${header}.${payload}.` })).status).toBe(401);
  });

  it('a valid token for a user that does not exist → 401', async () => {
    expect((await stack.call('GET', '/v1/me', { token: await stack.tokenFor('ghost') })).status).toBe(401);
  });
});

describe('authorization: every route, every role outside its list → 403, and nothing changes', () => {
  let stack: TestStack;
  const tokens: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    stack = await createTestStack();
    for (const role of ROLES) tokens[role] = await stack.tokenFor(DEMO[role]);
  });

  const cases = protectedRoutes.flatMap(([name, route]) =>
    route.access.kind === 'roles'
      ? ROLES.filter((r) => !(route.access as { roles: readonly Role[] }).roles.includes(r)).map((role) => [name, role] as const)
      : [],
  );

  it('covers at least one forbidden role for every admin route', () => {
    const names = new Set(cases.map(([n]) => n));
    for (const n of ['createBranch', 'renameBranch', 'createInvitation', 'listInvitations', 'listBindings', 'revokeBinding', 'getOrgTree'])
      expect(names.has(n)).toBe(true);
  });

  it.each(cases)('%s as %s → 403 FORBIDDEN_ROLE', async (name, role) => {
    const route = (routes as Record<string, RouteDef>)[name];
    const before = await stack.snapshot();
    const [path, qs] = SAMPLE[name].path.split('?');
    const res = await stack.call(route.method, path, {
      token: tokens[role],
      body: SAMPLE[name].body,
      query: qs ? Object.fromEntries(new URLSearchParams(qs)) : undefined,
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN_ROLE', message: expect.any(String) });
    expect(await stack.snapshot()).toEqual(before);
  });
});

describe('scope: outside the caller’s scope → 403 or 404 and no data', () => {
  let stack: TestStack;
  let staff: string;
  let cadre: string;
  let leader: string;
  beforeAll(async () => {
    stack = await createTestStack();
    staff = await stack.tokenFor(DEMO.township_staff); // 五里堡街道
    cadre = await stack.tokenFor(DEMO.cadre); // 樱桃沟社区 in 示例管委会
    leader = await stack.tokenFor(DEMO.leader); // 五里堡 + 德化街
  });

  it('township staff see only their township in the tree', async () => {
    const res = await stack.call('GET', '/v1/org/tree', { token: staff });
    expect(res.status).toBe(200);
    expect(res.body.townships.map((t: { id: string }) => t.id)).toEqual(['wulibao']);
    expect(res.body.totals.total).toBe(res.body.townships[0].counts.total);
  });

  it('a leader sees exactly the assigned townships', async () => {
    const res = await stack.call('GET', '/v1/org/tree', { token: leader });
    expect(res.body.townships.map((t: { id: string }) => t.id)).toEqual(['wulibao', 'dehuajie']);
  });

  it('another township’s branches → 403 with no branch data', async () => {
    const res = await stack.call('GET', '/v1/org/townships/dehuajie/branches', { token: staff });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN_SCOPE', message: expect.any(String) });
  });

  it('a branch outside scope → 404, as if it did not exist', async () => {
    const res = await stack.call('GET', '/v1/org/branches/yingtaogou', { token: staff });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('樱桃沟');
  });

  it('a cadre lists their township but sees only their own branch', async () => {
    const res = await stack.call('GET', '/v1/org/townships/demo-gwh/branches', { token: cadre });
    expect(res.status).toBe(200);
    expect(res.body.branches.map((b: { id: string }) => b.id)).toEqual(['yingtaogou']);
    expect((await stack.call('GET', '/v1/org/branches/demo-gwh-b02', { token: cadre })).status).toBe(404);
  });

  it('daily reports: a cadre gets 404 for another branch; staff get 403 for another township’s dashboard', async () => {
    const other = await stack.call('GET', '/v1/branches/jianxinnanjie/reports/2026-11-27', { token: cadre });
    expect([other.status, JSON.stringify(other.body)]).toEqual([404, expect.not.stringContaining('建新南街')]);
    expect((await stack.call('GET', '/v1/branches/jianxinnanjie/calendar', { token: cadre })).status).toBe(404);
    const before = await stack.snapshot();
    const file = await stack.call('PUT', '/v1/branches/jianxinnanjie/reports/2026-11-27', {
      token: cadre,
      body: { content: { items: [{ star: 'industry', text: '越权' }] }, idempotencyKey: 'scope-test-key-012345' },
    });
    expect(file.status).toBe(404);
    expect(await stack.snapshot()).toEqual(before);
    expect((await stack.call('GET', '/v1/townships/dehuajie/compliance', { token: staff })).status).toBe(403);
    const district = await stack.call('GET', '/v1/compliance', { token: leader });
    expect(district.body.townships.map((t: { townshipId: string }) => t.townshipId)).toEqual(['wulibao', 'dehuajie']);
  });

  it('township staff cannot create a branch, invite or revoke in another township, and nothing is written', async () => {
    const before = await stack.snapshot();
    const create = await stack.call('POST', '/v1/org/townships/dehuajie/branches', {
      token: staff,
      body: { name: '越权社区', type: 'community' },
    });
    expect(create.status).toBe(403);
    const invite = await stack.call('POST', '/v1/invitations', {
      token: staff,
      body: {
        inviteeName: '某人',
        role: 'cadre',
        scope: { level: 'branch', districtId: 'erqi', townshipId: 'demo-gwh', branchId: 'yingtaogou' },
      },
    });
    expect(invite.status).toBe(403);
    const revoke = await stack.call('DELETE', '/v1/users/demo-cadre/bindings/demo-cadre-b1', { token: staff });
    expect(revoke.status).toBe(404);
    const list = await stack.call('GET', '/v1/bindings', { token: staff, query: { townshipId: 'dehuajie' } });
    expect(list.status).toBe(403);
    expect(list.body.bindings).toBeUndefined();
    expect(await stack.snapshot()).toEqual(before);
  });

  it('学讲评: another branch’s cadre and another township’s staff → 403, and nothing is written', async () => {
    const before = await stack.snapshot();
    const other = await stack.call('GET', '/v1/branches/jianxinnanjie/reviews/2026-11', { token: cadre });
    expect([other.status, other.body.code, JSON.stringify(other.body)]).toEqual([
      403,
      'FORBIDDEN_SCOPE',
      expect.not.stringContaining('建新南街'),
    ]);
    const add = await stack.call('POST', '/v1/branches/jianxinnanjie/reviews/2026-11/items', {
      token: cadre,
      body: { id: '01KREVIEWSCOPE00000000001', list: 'problem', text: '越权', owner: '李明' },
    });
    expect([add.status, add.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await stack.call('GET', '/v1/branches/yingtaogou/reviews/2026-11', { token: staff })).status).toBe(403);
    const summary = await stack.call('GET', '/v1/townships/demo-gwh/reviews/2026-11', { token: staff });
    expect([summary.status, summary.body.branches]).toEqual([403, undefined]);
    expect(await stack.snapshot()).toEqual(before);
  });
});
