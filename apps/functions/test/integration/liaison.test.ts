import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/** 包联 on DynamoDB Local, through the API app Lambda runs: assignment scoping, visits, candidates, the leader's home. */
const createdAt = '2026-02-01T00:00:00.000Z';

/** Another leader of the district (township-scoped), with a profile; `revokedAt` makes them a former leader. */
async function addLeader(stack: TestStack, id: string, name: string, revokedAt?: string) {
  await stack.doc.send(
    new PutCommand({ TableName: stack.tableName, Item: profileItem({ id, displayName: name, isDemo: false, createdAt }) }),
  );
  await stack.doc.send(
    new PutCommand({
      TableName: stack.tableName,
      Item: bindingItem({
        bindingId: `${id}-b1`,
        userId: id,
        role: 'leader',
        scope: { level: 'township', districtId: 'erqi', townshipIds: ['demo-gwh'] },
        scopeLabel: '二七区 · 侯寨乡',
        createdAt,
        createdBy: 'test',
        ...(revokedAt ? { revokedAt } : {}),
      }),
    }),
  );
}

describe('包联 on DynamoDB Local', () => {
  let stack: TestStack;
  const now = new Date('2026-11-20T02:00:00.000Z');
  const gwhStaff = 'demo-township-staff-gwh';
  const call = async (method: string, url: string, user: string, body?: unknown) =>
    stack.call(method, url, { token: await stack.tokenFor(user), ...(body === undefined ? {} : { body }) });
  const visit = (clientId: string, notes = '摸底：网格员配齐') => ({ clientId, kind: 'survey', date: '2026-11-19', notes });

  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
  });

  it('the demo leader’s home: both assigned townships with levels, the candidate and the latest visits', async () => {
    expect(
      (await call('PUT', '/v1/branches/jianxinnanjie/baseline-stars', DEMO.district_admin, { stars: ['branch_strong', 'harmony'] })).status,
    ).toBe(200);
    const home = await call('GET', '/v1/me/liaison', DEMO.leader);
    expect([home.status, home.body.today]).toEqual([200, '2026-11-20']);
    expect(home.body.townships.map((t: { name: string }) => t.name)).toEqual(['五里堡街道', '德化街街道']);
    const [wulibao, dehuajie] = home.body.townships;
    expect(wulibao.branches.find((b: { id: string }) => b.id === 'jianxinnanjie')).toMatchObject({
      stars: ['branch_strong', 'harmony'],
      candidate: true,
    });
    expect(wulibao.candidates.map((c: { branchName: string }) => c.branchName)).toEqual(['建新南街社区']);
    expect(wulibao.recentVisits.map((v: { date: string }) => v.date)).toEqual(['2026-11-05', '2026-10-15']);
    expect(dehuajie.branches).toHaveLength(8);
    expect(dehuajie.recentVisits.map((v: { branchName: string }) => v.branchName)).toEqual(['春华社区']);
    // Another role has no home of this kind.
    expect((await call('GET', '/v1/me/liaison', DEMO.township_staff)).status).toBe(403);
  });

  it('a visit is recorded once per client id; the same id with other content conflicts; future days and bad kinds are refused', async () => {
    const url = '/v1/branches/jianxinnanjie/liaison-visits';
    const first = await call('POST', url, DEMO.leader, visit('visit-int-0001'));
    expect([first.status, first.body.kind, first.body.leaderName, first.body.townshipId]).toEqual([
      200,
      'survey',
      expect.any(String),
      'wulibao',
    ]);
    const retry = await call('POST', url, DEMO.leader, visit('visit-int-0001'));
    expect([retry.status, retry.body.id]).toEqual([200, first.body.id]);

    const before = await stack.snapshot();
    const reused = await call('POST', url, DEMO.leader, visit('visit-int-0001', '另一次走访'));
    expect([reused.status, reused.body.code]).toEqual([409, 'CONFLICT']);
    const future = await call('POST', url, DEMO.leader, { ...visit('visit-int-0002'), date: '2026-11-21' });
    expect([future.status, future.body.details[0].path]).toEqual([400, 'body.date']);
    const badKind = await call('POST', url, DEMO.leader, { ...visit('visit-int-0003'), kind: 'inspection' });
    expect([badKind.status, badKind.body.details[0].path]).toEqual([400, 'body.kind']);
    expect(await stack.snapshot()).toEqual(before);

    const list = await call('GET', '/v1/townships/wulibao/liaison-visits', DEMO.township_staff);
    expect(list.status).toBe(200);
    expect(list.body.visits.filter((v: { id: string }) => v.id === first.body.id)).toHaveLength(1);
    expect((await call('GET', '/v1/townships/wulibao/liaison-visits', DEMO.district_admin)).status).toBe(200);
    // Staff of another township read nothing of it.
    expect((await call('GET', '/v1/townships/wulibao/liaison-visits', gwhStaff)).status).toBe(403);
  });

  it('五星 candidate: marked on the version read, re-assessed, withdrawn; a stale write conflicts and changes nothing', async () => {
    const url = '/v1/branches/wulibao-b02/five-star-candidate';
    const body = { strengths: '议事协商有特色', weaknesses: '平安法治星待补', baseline: '无重大安全事故', version: 0 };
    const marked = await call('PUT', url, DEMO.leader, body);
    expect([marked.status, marked.body.version, marked.body.status]).toEqual([200, 1, 'active']);
    const before = await stack.snapshot();
    expect((await call('PUT', url, DEMO.leader, { ...body, weaknesses: '别的短板' })).status).toBe(409);
    const empty = await call('PUT', url, DEMO.leader, { ...body, baseline: ' ', version: 1 });
    expect([empty.status, empty.body.details[0].path]).toEqual([400, 'body.baseline']);
    expect(await stack.snapshot()).toEqual(before);
    const withdrawn = await call('POST', `${url}/withdraw`, DEMO.leader, { version: 1 });
    expect([withdrawn.status, withdrawn.body.status, withdrawn.body.version]).toEqual([200, 'withdrawn', 2]);
    const home = await call('GET', '/v1/me/liaison', DEMO.leader);
    expect(home.body.townships[0].candidates.map((c: { branchId: string }) => c.branchId)).toEqual(['jianxinnanjie']);
  });

  it('the admin narrows the assignment: the leader may no longer record in the township taken away (403, nothing written)', async () => {
    const list = await call('GET', '/v1/liaison/assignments', DEMO.district_admin);
    const mine = list.body.assignments.find((a: { leaderId: string }) => a.leaderId === DEMO.leader);
    expect([mine.version, mine.townships.map((t: { name: string }) => t.name)]).toEqual([1, ['五里堡街道', '德化街街道']]);

    const narrowed = await call('PUT', `/v1/liaison/assignments/${DEMO.leader}`, DEMO.district_admin, {
      townshipIds: ['wulibao'],
      version: 1,
    });
    expect([narrowed.status, narrowed.body.version, narrowed.body.townships]).toEqual([200, 2, [{ id: 'wulibao', name: '五里堡街道' }]]);
    // The admin's retry answers the same; a stale edit conflicts.
    expect(
      (await call('PUT', `/v1/liaison/assignments/${DEMO.leader}`, DEMO.district_admin, { townshipIds: ['wulibao'], version: 1 })).body
        .version,
    ).toBe(2);

    const before = await stack.snapshot();
    expect(
      (await call('PUT', `/v1/liaison/assignments/${DEMO.leader}`, DEMO.district_admin, { townshipIds: ['dehuajie'], version: 1 })).status,
    ).toBe(409);
    const outside = await call('POST', '/v1/branches/dehuajie-b01/liaison-visits', DEMO.leader, visit('visit-int-0100'));
    expect([outside.status, outside.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await call('POST', '/v1/branches/yingtaogou/liaison-visits', DEMO.leader, visit('visit-int-0101'))).status).toBe(403);
    expect(
      (
        await call('PUT', '/v1/branches/dehuajie-b01/five-star-candidate', DEMO.leader, {
          strengths: '长板',
          weaknesses: '短板',
          baseline: '底板',
          version: 0,
        })
      ).status,
    ).toBe(403);
    expect((await call('GET', '/v1/townships/dehuajie/liaison-visits', DEMO.leader)).status).toBe(403);
    // Only a leader can be assigned, and only the district's townships.
    const notLeader = await call('PUT', `/v1/liaison/assignments/${DEMO.cadre}`, DEMO.district_admin, {
      townshipIds: ['wulibao'],
      version: 0,
    });
    expect(notLeader.status).toBe(404);
    const unknown = await call('PUT', `/v1/liaison/assignments/${DEMO.leader}`, DEMO.district_admin, {
      townshipIds: ['wulibao', 'nowhere'],
      version: 2,
    });
    expect([unknown.status, unknown.body.details[0].path]).toEqual([404, 'body.townshipIds.1']);
    expect(await stack.snapshot()).toEqual(before);

    const home = await call('GET', '/v1/me/liaison', DEMO.leader);
    expect(home.body.townships.map((t: { id: string }) => t.id)).toEqual(['wulibao']);
  });

  it('the admin’s list names every leader, one never assigned at version 0 without townships; a former leader is not listed', async () => {
    await addLeader(stack, 'leader-li', '李领导');
    await addLeader(stack, 'leader-gone', '钱领导', '2026-03-01T00:00:00.000Z');
    const list = await call('GET', '/v1/liaison/assignments', DEMO.district_admin);
    expect(list.status).toBe(200);
    const rows = list.body.assignments.map((a: { leaderId: string; version: number; townships: { id: string }[] }) => [
      a.leaderId,
      a.version,
      a.townships.map((t) => t.id),
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['leader-li', 0, []],
        [DEMO.leader, 2, ['wulibao']],
      ]),
    );
    expect(rows.map((r: unknown[]) => r[0])).not.toContain('leader-gone');
    expect(rows.map((r: unknown[]) => r[0])).not.toContain(DEMO.district_admin);
    expect(list.body.assignments.find((a: { leaderId: string }) => a.leaderId === 'leader-li').leaderName).toBe('李领导');

    const first = await call('PUT', '/v1/liaison/assignments/leader-li', DEMO.district_admin, { townshipIds: ['demo-gwh'], version: 0 });
    expect([first.status, first.body.version]).toEqual([200, 1]);
    const again = await call('GET', '/v1/liaison/assignments', DEMO.district_admin);
    const li = again.body.assignments.find((a: { leaderId: string }) => a.leaderId === 'leader-li');
    expect([li.version, li.townships.map((t: { id: string }) => t.id)]).toEqual([1, ['demo-gwh']]);
    // A former leader cannot be assigned either.
    expect((await call('PUT', '/v1/liaison/assignments/leader-gone', DEMO.district_admin, { townshipIds: [], version: 0 })).status).toBe(
      404,
    );
  });
});
