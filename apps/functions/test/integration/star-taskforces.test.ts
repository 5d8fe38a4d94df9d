import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { STARS } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import { catalogueItems } from '../../src/features/stars/star-application';
import { createHttpTestStack, type HttpTestStack } from '../support/http-stack';
import { DEMO } from '../support/test-stack';

const createdAt = '2026-02-01T00:00:00.000Z';

async function addProfile(stack: HttpTestStack, id: string) {
  await stack.doc.send(
    new PutCommand({ TableName: stack.tableName, Item: profileItem({ id, displayName: `${id}（测试）`, isDemo: false, createdAt }) }),
  );
}

/** A second 政法委 专班 member, so two of them can decide one application at once. */
async function addSafetyTaskforce(stack: HttpTestStack, id: string) {
  await addProfile(stack, id);
  await stack.doc.send(
    new PutCommand({
      TableName: stack.tableName,
      Item: bindingItem({
        bindingId: `${id}-b1`,
        userId: id,
        role: 'taskforce',
        scope: { level: 'district', districtId: 'erqi' },
        star: 'safety_law',
        scopeLabel: '二七区 · 平安法治星专班',
        holderName: id,
        createdAt,
        createdBy: 'test',
      }),
    }),
  );
}

type Summary = { id: string; star: string; status: string };

describe('专班: one star per taskforce, reviewed across the district, on DynamoDB Local', () => {
  let stack: HttpTestStack;
  let secretary: string;
  let gwhStaff: string;
  let admin: string;
  let township: string;
  let safety: string;
  let safety2: string;
  let organisation: string;
  const ids: Record<string, string> = {};
  const versions: Record<string, number> = {};
  const firstItem: Record<string, string> = {};

  beforeAll(async () => {
    stack = await createHttpTestStack();
    await addSafetyTaskforce(stack, 'tf-safety-2');
    secretary = await stack.tokenFor(DEMO.secretary);
    gwhStaff = await stack.tokenFor('demo-township-staff-gwh');
    township = await stack.tokenFor(DEMO.township_staff);
    admin = await stack.tokenFor(DEMO.district_admin);
    safety = await stack.tokenFor(DEMO.taskforce);
    safety2 = await stack.tokenFor('tf-safety-2');
    organisation = await stack.tokenFor('demo-taskforce-zzb');
    const catalogue = await stack.call('GET', '/v1/catalogue', { token: secretary });
    expect(catalogue.status).toBe(200);
    // 樱桃沟社区 applies for 平安法治星 and 支部过硬星; the township approves both (初审).
    for (const star of ['safety_law', 'branch_strong'] as const) {
      const items = catalogueItems(catalogue.body.content, 'rural', star).map((c) => ({
        itemId: c.itemId,
        kind: c.kind,
        met: true,
        note: '',
      }));
      const applied = await stack.call('POST', '/v1/branches/yingtaogou/star-applications', {
        token: secretary,
        body: { star, clientKey: `tf-test-${star}`, items },
      });
      expect(applied.status).toBe(201);
      ids[star] = applied.body.application.id;
      firstItem[star] = items[0].itemId;
      const approved = await stack.call('POST', `/v1/star-applications/${ids[star]}/decisions`, {
        token: gwhStaff,
        body: { action: 'approve', version: 1 },
      });
      expect([approved.status, approved.body.application.status]).toEqual([200, 'district_review']);
      versions[star] = approved.body.application.version;
    }
  });
  afterAll(() => stack.stop());

  const queue = async (token: string, stage = 'district') => {
    const res = await stack.call('GET', '/v1/star-applications', { token, query: { stage } });
    expect(res.status).toBe(200);
    return res.body.applications as Summary[];
  };

  it('each 专班 sees the 复审 queue of its own star only; the district admin sees both', async () => {
    expect((await queue(safety)).map((a) => a.star)).toEqual(['safety_law']);
    expect((await queue(organisation)).map((a) => a.star)).toEqual(['branch_strong']);
    expect((await queue(admin)).map((a) => a.star).sort()).toEqual(['branch_strong', 'safety_law']);
    // Township staff of another township still see neither.
    expect(await queue(township)).toEqual([]);
  });

  it('a 专班 reads its star’s application with the review context and its moves; another star’s is 403', async () => {
    const own = await stack.call('GET', `/v1/star-applications/${ids.safety_law}`, { token: safety });
    expect(own.status).toBe(200);
    expect(own.body.actions.sort()).toEqual(['approve', 'return']);
    expect(own.body.canReadContext).toBe(true);
    const context = await stack.call('GET', `/v1/star-applications/${ids.safety_law}/review-context`, { token: safety });
    expect(context.status).toBe(200);
    expect(context.body).toEqual(expect.objectContaining({ findings: expect.any(Object), vetoHits: expect.any(Array) }));
    const other = await stack.call('GET', `/v1/star-applications/${ids.branch_strong}`, { token: safety });
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const otherContext = await stack.call('GET', `/v1/star-applications/${ids.branch_strong}/review-context`, { token: safety });
    expect([otherContext.status, otherContext.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    // It reads no branch's whole list either: that shows every star.
    const list = await stack.call('GET', '/v1/branches/yingtaogou/star-applications', { token: safety });
    expect([list.status, list.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('a 专班 deciding another star’s application is 403 FORBIDDEN_SCOPE, and nothing changes', async () => {
    const before = await stack.snapshot();
    const res = await stack.call('POST', `/v1/star-applications/${ids.branch_strong}/decisions`, {
      token: safety,
      body: { action: 'approve', version: versions.branch_strong },
    });
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const objections = await stack.call('GET', `/v1/star-applications/${ids.branch_strong}/objections`, { token: safety });
    expect([objections.status, objections.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect(await stack.snapshot()).toEqual(before);
  });

  it('two members of one 专班 approve at once: exactly one wins, the application goes to 公示 once', async () => {
    const body = { action: 'approve', version: versions.safety_law };
    const [x, y] = await Promise.all([
      stack.call('POST', `/v1/star-applications/${ids.safety_law}/decisions`, { token: safety, body }),
      stack.call('POST', `/v1/star-applications/${ids.safety_law}/decisions`, { token: safety2, body }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect([x, y].find((r) => r.status === 409)?.body.code).toBe('CONFLICT');
    const won = (x.status === 200 ? x : y).body;
    expect(won.application.status).toBe('publicity');
    expect(won.history.filter((e: { kind: string }) => e.kind === 'district_approved')).toHaveLength(1);
    // 授星 stays the district's: the 专班 is not offered it and may not take it.
    expect(won.actions).toEqual([]);
    const award = await stack.call('POST', `/v1/star-applications/${ids.safety_law}/decisions`, {
      token: safety,
      body: { action: 'award', version: won.application.version },
    });
    expect([award.status, award.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    // In 公示 it still reads its star's objections.
    const objections = await stack.call('GET', `/v1/star-applications/${ids.safety_law}/objections`, { token: safety });
    expect([objections.status, objections.body.objections]).toEqual([200, []]);
  });

  it('the 专班 and the district admin racing on one 复审: one wins, the other gets 409', async () => {
    const [x, y] = await Promise.all([
      stack.call('POST', `/v1/star-applications/${ids.branch_strong}/decisions`, {
        token: organisation,
        body: { action: 'return', version: versions.branch_strong, reasons: [{ itemId: firstItem.branch_strong, reason: '材料不全' }] },
      }),
      stack.call('POST', `/v1/star-applications/${ids.branch_strong}/decisions`, {
        token: admin,
        body: { action: 'approve', version: versions.branch_strong },
      }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const won = (x.status === 200 ? x : y).body;
    expect(['returned', 'publicity']).toContain(won.application.status);
    expect(won.application.version).toBe(versions.branch_strong + 1);
  });

  it('the board shows the 专班’s star per township; another star’s board is 403', async () => {
    const baseline = await stack.call('PUT', '/v1/branches/jianxinnanjie/baseline-stars', {
      token: admin,
      body: { stars: ['safety_law'] },
    });
    expect(baseline.status).toBe(200);
    const res = await stack.call('GET', '/v1/star-taskforces/safety_law/board', { token: safety });
    expect(res.status).toBe(200);
    const board = res.body;
    expect(board).toMatchObject({ star: 'safety_law', department: '区委政法委' });
    const gwh = board.townships.find((t: { townshipId: string }) => t.townshipId === 'demo-gwh');
    expect(gwh.applications).toMatchObject({ publicity: 1, district_review: 0 });
    expect(gwh.branches).toBeGreaterThan(0);
    const wulibao = board.townships.find((t: { townshipId: string }) => t.townshipId === 'wulibao');
    expect(wulibao.holding).toBe(1);
    // 平安法治星 is in both star sets: every branch of the township counts.
    const tree = await stack.call('GET', '/v1/org/tree', { token: admin });
    const branchesOf = (id: string) => tree.body.townships.find((t: { id: string }) => t.id === id).counts.total;
    expect(wulibao.branches).toBe(branchesOf('wulibao'));
    // The total is the sum of the rows.
    const sum = (f: (r: typeof gwh) => number) => board.townships.reduce((n: number, r: typeof gwh) => n + f(r), 0);
    expect(board.total.holding).toBe(sum((r) => r.holding));
    expect(board.total.findings.open).toBe(sum((r) => r.findings.open));
    expect(board.total.applications.publicity).toBe(1);
    // 支部过硬星's board shows only its own application (returned or in 公示, whoever won the race).
    const own = await stack.call('GET', '/v1/star-taskforces/branch_strong/board', { token: organisation });
    expect(own.status).toBe(200);
    expect(own.body.total.applications.publicity + own.body.total.applications.returned).toBe(1);
    expect(own.body.total.holding).toBe(0);
    const other = await stack.call('GET', '/v1/star-taskforces/branch_strong/board', { token: safety });
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
  });

  it('the district admin edits which department owns each star: versioned, validated field by field', async () => {
    const initial = await stack.call('GET', '/v1/star-taskforces', { token: safety });
    expect(initial.status).toBe(200);
    expect(initial.body.version).toBe(0);
    expect(initial.body.taskforces.map((t: { star: string }) => t.star)).toEqual([...STARS]);
    const edited = initial.body.taskforces.map((t: { star: string; department: string }) =>
      t.star === 'safety_law' ? { ...t, department: '区委政法委员会' } : t,
    );
    const before = await stack.snapshot();
    const duplicate = await stack.call('PUT', '/v1/star-taskforces', {
      token: admin,
      body: { version: 0, taskforces: edited.map((t: { star: string }, i: number) => (i === 7 ? { ...t, star: 'industry' } : t)) },
    });
    expect([duplicate.status, duplicate.body.details[0].path]).toEqual([400, 'body.taskforces.7.star']);
    const empty = await stack.call('PUT', '/v1/star-taskforces', {
      token: admin,
      body: { version: 0, taskforces: edited.map((t: object, i: number) => (i === 1 ? { ...t, department: '  ' } : t)) },
    });
    expect([empty.status, empty.body.details[0].path]).toEqual([400, 'body.taskforces.1.department']);
    const notAdmin = await stack.call('PUT', '/v1/star-taskforces', { token: safety, body: { version: 0, taskforces: edited } });
    expect(notAdmin.status).toBe(403);
    expect(await stack.snapshot()).toEqual(before);

    const saved = await stack.call('PUT', '/v1/star-taskforces', { token: admin, body: { version: 0, taskforces: edited } });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.taskforces.find((t: { star: string }) => t.star === 'safety_law').department).toBe('区委政法委员会');
    const stale = await stack.call('PUT', '/v1/star-taskforces', {
      token: admin,
      body: { version: 0, taskforces: initial.body.taskforces },
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const board = await stack.call('GET', '/v1/star-taskforces/safety_law/board', { token: safety });
    expect(board.body.department).toBe('区委政法委员会');
  });

  it('a 专班 invitation names its star (district admin only); redeeming binds that star', async () => {
    const scope = { level: 'district', districtId: 'erqi' };
    const noStar = await stack.call('POST', '/v1/invitations', { token: admin, body: { inviteeName: '冯主任', role: 'taskforce', scope } });
    expect([noStar.status, noStar.body.details[0].path]).toEqual([400, 'body.star']);
    const starOnOther = await stack.call('POST', '/v1/invitations', {
      token: admin,
      body: { inviteeName: '冯主任', role: 'inspector', scope, star: 'ecology' },
    });
    expect([starOnOther.status, starOnOther.body.details[0].path]).toEqual([400, 'body.star']);
    const byTownship = await stack.call('POST', '/v1/invitations', {
      token: gwhStaff,
      body: { inviteeName: '冯主任', role: 'taskforce', scope, star: 'ecology' },
    });
    expect(byTownship.status).toBe(403);
    const created = await stack.call('POST', '/v1/invitations', {
      token: admin,
      body: { inviteeName: '冯主任', role: 'taskforce', scope, star: 'ecology' },
    });
    expect(created.status).toBe(201);
    expect(created.body.invitation).toMatchObject({ role: 'taskforce', star: 'ecology' });
    expect(created.body.invitation.scopeLabel).toContain('生态宜居星专班');
    await addProfile(stack, 'tf-ecology');
    const token = await stack.tokenFor('tf-ecology');
    const redeemed = await stack.call('POST', '/v1/invitations/redeem', { token, body: { code: created.body.code } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.binding).toMatchObject({ role: 'taskforce', star: 'ecology' });
    const me = await stack.call('GET', '/v1/me', { token });
    expect(me.body.bindings).toEqual([expect.objectContaining({ role: 'taskforce', star: 'ecology' })]);
    // No ecology applications: its queue is empty, not another star's.
    expect(await queue(token)).toEqual([]);
    expect((await stack.call('GET', '/v1/star-taskforces/ecology/board', { token })).status).toBe(200);
  });
});
