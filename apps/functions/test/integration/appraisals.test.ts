import { DEFAULT_APPRAISAL_FORM } from '@chuangxing/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { appraisalResultsReader } from '../../src/features/appraisals/appraisals.wiring';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/** 述职评议 (比干劲) on DynamoDB Local, through the API app Lambda runs. */
describe('述职评议 on DynamoDB Local', () => {
  let stack: TestStack;
  const now = new Date('2026-12-10T02:00:00.000Z');
  const staff = 'demo-township-staff-gwh';
  /** A second secretary of the township, invited in beforeAll (the demo has one secretary in 示例管委会). */
  const otherSecretary = DEMO.inspector;
  let otherBranch: string;
  let thirdBranch: string;
  const url = '/v1/townships/demo-gwh/appraisals/2026-Q4';
  const setup = { date: '2026-12-20', ...DEFAULT_APPRAISAL_FORM, residentSeats: 2 };
  const full = { duty: 30, results: 40, conduct: 30 };
  const call = async (method: string, path: string, user: string, body?: unknown) =>
    stack.call(method, path, { token: await stack.tokenFor(user), ...(body === undefined ? {} : { body }) });
  const version = async () => (await call('GET', url, staff)).body.version as number;

  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    const branches = (await call('GET', '/v1/org/townships/demo-gwh/branches', staff)).body.branches as { id: string }[];
    [otherBranch, thirdBranch] = branches.map((b) => b.id).filter((id) => id !== 'yingtaogou');
    const invited = await call('POST', '/v1/invitations', staff, {
      inviteeName: '陈书记',
      role: 'secretary',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 'demo-gwh', branchId: otherBranch },
    });
    expect(invited.status).toBe(201);
    expect((await call('POST', '/v1/invitations/redeem', otherSecretary, { code: invited.body.code })).status).toBe(200);
  });

  it('the township creates a draft with codes for resident representatives; bad input and foreign callers change nothing', async () => {
    const before = await stack.snapshot();
    const bad = await call('PUT', url, staff, { ...setup, weights: { committee: 50, secretaries: 30, residents: 10 }, version: 0 });
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'body.weights']);
    expect((await call('PUT', url, DEMO.secretary, { ...setup, version: 0 })).status).toBe(403);
    // 五里堡街道's staff do not run 示例管委会's session.
    expect((await call('PUT', url, DEMO.township_staff, { ...setup, version: 0 })).status).toBe(403);
    expect(await stack.snapshot()).toEqual(before);

    const created = await call('PUT', url, staff, { ...setup, version: 0 });
    expect([created.status, created.body.state, created.body.version, created.body.seats.length]).toEqual([200, 'draft', 1, 2]);
    expect(created.body.me.group).toBe('committee');
    // Only the organisers see the codes.
    expect((await call('GET', url, DEMO.secretary)).body.seats).toBeUndefined();
    expect((await call('GET', '/v1/townships/demo-gwh/appraisals', DEMO.secretary)).body.sessions).toEqual([
      { quarter: '2026-Q4', date: '2026-12-20', state: 'draft' },
    ]);
  });

  it('opens with the township’s branches; secretaries attach their 述职; of two transitions on one version one wins', async () => {
    const opened = await call('POST', `${url}/transition`, staff, { to: 'open', version: 1 });
    expect([opened.status, opened.body.state]).toEqual([200, 'open']);
    expect(opened.body.branches.map((b: { branchId: string }) => b.branchId)).toContain('yingtaogou');
    const report = await call('PUT', `${url}/reports/yingtaogou`, DEMO.secretary, {
      text: '本季度樱桃冷库建成，网格化治理全覆盖。',
      version: 0,
    });
    expect(report.status).toBe(200);
    // Only the branch's own secretary writes its 述职.
    expect((await call('PUT', `${url}/reports/yingtaogou`, otherSecretary, { text: '代写的述职报告内容。', version: 1 })).status).toBe(403);

    const race = await Promise.all([
      call('POST', `${url}/transition`, staff, { to: 'scoring', version: 2 }),
      call('POST', `${url}/transition`, staff, { to: 'scoring', version: 2 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      (await call('GET', url, DEMO.secretary)).body.branches.find((b: { branchId: string }) => b.branchId === 'yingtaogou').report.text,
    ).toBe('本季度樱桃冷库建成，网格化治理全覆盖。');
  });

  it('scorers: a secretary never scores their own branch, an undesignated resident is refused, scores stay within the form', async () => {
    const before = await stack.snapshot();
    const own = await call('PUT', `${url}/sheets/yingtaogou`, DEMO.secretary, { scores: full, version: 0 });
    expect([own.status, own.body.details[0].code]).toEqual([400, 'own_branch']);
    const undesignated = await call('PUT', `${url}/sheets/yingtaogou`, DEMO.cadre, { scores: full, version: 0 });
    expect([undesignated.status, undesignated.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const over = await call('PUT', `${url}/sheets/${otherBranch}`, DEMO.secretary, { scores: { ...full, duty: 31 }, version: 0 });
    expect([over.status, over.body.details[0].path]).toEqual([400, 'body.scores.duty']);
    expect((await call('POST', `${url}/seats`, DEMO.resident, { code: 'ZZZZ2345' })).status).toBe(404);
    expect(await stack.snapshot()).toEqual(before);

    const codes = (await call('GET', url, staff)).body.seats.map((s: { code: string }) => s.code);
    const seat = await call('POST', `${url}/seats`, DEMO.resident, { code: codes[0] });
    expect([seat.status, seat.body.me.group, seat.body.me.toScore]).toEqual([200, 'residents', seat.body.branches.length]);
    // The same code is spent.
    expect((await call('POST', `${url}/seats`, DEMO.cadre, { code: codes[0] })).status).toBe(404);

    const mine = await call('PUT', `${url}/sheets/${otherBranch}`, DEMO.secretary, {
      scores: { duty: 15, results: 20, conduct: 15 },
      version: 0,
    });
    expect([mine.status, mine.body.me.sheets.length, mine.body.me.toScore]).toEqual([200, 1, mine.body.branches.length - 1]);
    // A retry answers the same; a resubmission on the sheet's version replaces it.
    expect(
      (await call('PUT', `${url}/sheets/${otherBranch}`, DEMO.secretary, { scores: { duty: 15, results: 20, conduct: 15 }, version: 0 }))
        .status,
    ).toBe(200);
    const replaced = await call('PUT', `${url}/sheets/${otherBranch}`, DEMO.secretary, { scores: full, version: 1 });
    expect(replaced.body.me.sheets[0]).toMatchObject({ scores: full, version: 2 });
    expect((await call('PUT', `${url}/sheets/yingtaogou`, staff, { scores: full, version: 0 })).status).toBe(200);
    expect(
      (await call('PUT', `${url}/sheets/yingtaogou`, otherSecretary, { scores: { duty: 15, results: 20, conduct: 15 }, version: 0 }))
        .status,
    ).toBe(200);
    expect(
      (await call('PUT', `${url}/sheets/yingtaogou`, DEMO.resident, { scores: { duty: 24, results: 32, conduct: 24 }, version: 0 })).status,
    ).toBe(200);
    // Staff see counts per group, never who gave what.
    const progress = (await call('GET', url, staff)).body.progress.find((p: { branchId: string }) => p.branchId === 'yingtaogou');
    expect(progress).toEqual({ branchId: 'yingtaogou', committee: 1, secretaries: 1, residents: 1 });
  });

  it('close against a late sheet: whichever wins, the frozen results hold every accepted sheet, and none comes after', async () => {
    const v = await version();
    const [closed, late] = await Promise.all([
      call('POST', `${url}/transition`, staff, { to: 'closed', version: v }),
      call('PUT', `${url}/sheets/${thirdBranch}`, staff, { scores: { duty: 10, results: 10, conduct: 10 }, version: 0 }),
    ]);
    expect([200, 409]).toContain(closed.status);
    expect([200, 409]).toContain(late.status);
    if (closed.status !== 200) {
      expect(late.status).toBe(200);
      expect((await call('POST', `${url}/transition`, staff, { to: 'closed', version: await version() })).status).toBe(200);
    }
    const session = (await call('GET', url, staff)).body;
    expect(session.state).toBe('closed');
    const third = session.results.find((r: { branchId: string }) => r.branchId === thirdBranch);
    // Accepted late sheet ⇔ counted in the frozen result.
    expect(third.sheetCount).toBe(late.status === 200 ? 1 : 0);
    if (late.status === 409) expect(late.body.code).toBe('ILLEGAL_TRANSITION');

    const before = await stack.snapshot();
    const after = await call('PUT', `${url}/sheets/${thirdBranch}`, DEMO.secretary, { scores: full, version: 0 });
    expect([after.status, after.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await call('POST', `${url}/transition`, staff, { to: 'closed', version: session.version })).status).toBe(409);
    expect(await stack.snapshot()).toEqual(before);
  });

  it('results: staff see every branch, a secretary only their own with its rank, residents nothing of scores', async () => {
    const all = (await call('GET', url, staff)).body.results;
    const ying = all.find((r: { branchId: string }) => r.branchId === 'yingtaogou');
    // committee 100 × 50, secretaries 50 × 30, residents 80 × 20.
    expect(ying).toMatchObject({ score: 81, groups: { committee: 100, secretaries: 50, residents: 80 }, sheetCount: 3 });
    const other = all.find((r: { branchId: string }) => r.branchId === otherBranch);
    // Only another secretary scored it: that group takes the whole weight, and says so.
    expect(other).toMatchObject({ score: 100, rank: 1, appliedWeights: { committee: 0, secretaries: 100, residents: 0 } });
    expect(ying.rank).toBe(2);
    expect((await call('GET', url, DEMO.district_admin)).body.results).toHaveLength(all.length);
    // 周领导 is assigned other townships: 示例管委会's session is not theirs to read.
    expect((await call('GET', url, DEMO.leader)).status).toBe(404);

    const secretaryView = (await call('GET', url, DEMO.secretary)).body;
    expect(secretaryView.results).toEqual([ying]);
    const residentView = (await call('GET', url, DEMO.resident)).body;
    expect(residentView.results).toBeUndefined();
    expect(residentView.progress).toBeUndefined();
    expect((await call('GET', url, DEMO.cadre)).status).toBe(404);

    // What the ranking reads: the frozen scores; another quarter has no session (无数据, not 0).
    const reader = appraisalResultsReader(stack.wiring);
    expect((await reader.closedResults('demo-gwh', '2026-Q4'))?.find((r) => r.branchId === 'yingtaogou')?.score).toBe(81);
    expect(await reader.closedResults('demo-gwh', '2026-Q3')).toBeUndefined();
  });

  it('the quarter’s ranking carries the frozen result as its 述职评议 component; a branch nobody scored has 无数据', async () => {
    // The job stops between shards when its time runs short; pressing again resumes it (a loaded machine may need a few).
    let run = await call('POST', '/v1/rankings/2026-Q4/runs', DEMO.district_admin, {});
    for (let i = 0; i < 10 && run.status === 200 && !run.body.complete; i++)
      run = await call('POST', '/v1/rankings/2026-Q4/runs', DEMO.district_admin, {});
    expect([run.status, run.body.complete]).toEqual([200, true]);
    const v = String(run.body.ranking.version);
    const card = await stack.call('GET', '/v1/rankings/2026-Q4/branches/yingtaogou', {
      token: await stack.tokenFor(DEMO.district_admin),
      query: { version: v },
    });
    const appraisal = card.body.components.find((c: { component: string }) => c.component === 'appraisal');
    expect(appraisal).toMatchObject({ score: 81, weight: 10, facts: { sheets: 3 } });
    expect(appraisal.appliedWeight).toBeGreaterThan(0);
    const unscored = (await call('GET', url, staff)).body.results.find((r: { score: number | null }) => r.score === null);
    const none = await stack.call('GET', `/v1/rankings/2026-Q4/branches/${unscored.branchId}`, {
      token: await stack.tokenFor(DEMO.district_admin),
      query: { version: v },
    });
    expect(none.body.components.find((c: { component: string }) => c.component === 'appraisal')).toMatchObject({
      score: null,
      appliedWeight: 0,
    });
  });
});
