import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('挂图作战 on DynamoDB Local', () => {
  let stack: TestStack;
  let now = new Date('2026-03-02T02:00:00.000Z');
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    const cadre = await stack.tokenFor(DEMO.cadre); // 樱桃沟社区 (rural) in 示例管委会
    const staff = await stack.tokenFor('demo-township-staff-gwh');
    const content = {
      heldStars: ['branch_strong'],
      targetStars: ['branch_strong', 'industry'],
      stars: [
        { star: 'branch_strong', responsible: '张书记', leadDepartment: '组织办' },
        { star: 'industry', responsible: '李明', leadDepartment: '农业农村办' },
      ],
      tasks: [
        {
          taskId: 'industry-t1',
          owner: '李明',
          milestones: [
            { title: '确定品牌', due: '2026-04-30' },
            { title: '上市销售', due: '2026-06-15' },
          ],
        },
        {
          taskId: 'industry-t2',
          owner: '李明',
          milestones: [
            { title: '合作社成立', due: '2026-06-01' },
            { title: '带动农户', due: '2026-09-30' },
          ],
        },
      ],
    };
    await stack.call('PUT', '/v1/branches/yingtaogou/plans/2026', { token: cadre, body: { content, version: 0 } });
    await stack.call('POST', '/v1/branches/yingtaogou/plans/2026/actions', { token: cadre, body: { action: 'submit', version: 1 } });
    const approved = await stack.call('POST', '/v1/branches/yingtaogou/plans/2026/actions', {
      token: staff,
      body: { action: 'approve', version: 2 },
    });
    expect(approved.body.status).toBe('approved');
  });

  // Tokens are issued on the moving clock, so each call takes a fresh one.
  const update = async (taskId: string, body: object) =>
    stack.call('POST', `/v1/branches/yingtaogou/plans/2026/tasks/${taskId}/updates`, { token: await stack.tokenFor(DEMO.cadre), body });

  it('plan against actual, overdue milestones first, 双过半 judged from when each task was done', async () => {
    now = new Date('2026-05-10T02:00:00.000Z');
    expect((await update('industry-t1', { status: 'done', percent: 100 })).status).toBe(201);
    now = new Date('2026-07-02T02:00:00.000Z');
    expect((await update('industry-t2', { status: 'in_progress', percent: 10 })).status).toBe(201);
    // Done again after mid-year: the first done day is kept, so 双过半 still counts it.
    expect((await update('industry-t1', { status: 'done', percent: 100, note: '补充佐证' })).status).toBe(201);

    const staff = await stack.tokenFor('demo-township-staff-gwh');
    const board = await stack.call('GET', '/v1/townships/demo-gwh/board/2026', { token: staff });
    expect(board.status).toBe(200);
    const first = board.body.branches[0];
    expect(first).toMatchObject({
      branchId: 'yingtaogou',
      planStatus: 'approved',
      tasks: 2,
      done: 1,
      overdueMilestones: 1,
      plannedPercent: 75,
      actualPercent: 55,
    });
    expect(first.doubleHalf).toEqual({ status: 'passed', checkDay: '2026-06-30', total: 2, done: 1 });
    expect(first.stars.find((s: { star: string }) => s.star === 'industry')).toMatchObject({
      target: true,
      tasks: 2,
      done: 1,
      overdueMilestones: 1,
    });
    expect(board.body.totals).toMatchObject({ approvedPlans: 1, tasks: 2, done: 1, overdueMilestones: 1, doubleHalfPassed: 1 });
    expect(
      board.body.branches
        .slice(1)
        .every((r: { planStatus: string; doubleHalf: { status: string } }) => r.planStatus === 'none' && r.doubleHalf.status === 'no_plan'),
    ).toBe(true);
    expect(board.body.totals.branches).toBe(board.body.branches.length);

    // Undone after mid-year: the task no longer counts.
    expect((await update('industry-t1', { status: 'in_progress', percent: 90 })).status).toBe(201);
    const after = await stack.call('GET', '/v1/townships/demo-gwh/board/2026', { token: staff });
    expect(after.body.branches[0].doubleHalf).toMatchObject({ status: 'failed', done: 0 });
  });

  it('the district board lists the townships in reach, the one with overdue milestones first', async () => {
    const admin = await stack.call('GET', '/v1/board/2026', { token: await stack.tokenFor(DEMO.district_admin) });
    expect(admin.status).toBe(200);
    // industry-t1 fell back to 90 %, so its 15 June milestone is now overdue too.
    expect(admin.body.townships[0]).toMatchObject({ townshipId: 'demo-gwh', approvedPlans: 1, overdueMilestones: 2 });
    expect(admin.body.townships[0].targetLevels[2]).toBe(1);
    expect(admin.body.townships.length).toBeGreaterThan(10);
    const leader = await stack.call('GET', '/v1/board/2026', { token: await stack.tokenFor(DEMO.leader) });
    expect(leader.body.townships.map((t: { townshipId: string }) => t.townshipId).sort()).toEqual(['dehuajie', 'wulibao']);
  });

  it('a township’s board is closed to other townships; a branch sheet to other branches', async () => {
    const other = await stack.call('GET', '/v1/townships/demo-gwh/board/2026', { token: await stack.tokenFor(DEMO.township_staff) });
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await stack.call('GET', '/v1/townships/demo-gwh/board/2026', { token: await stack.tokenFor(DEMO.cadre) })).status).toBe(403);
    expect((await stack.call('GET', '/v1/townships/nowhere/board/2026', { token: await stack.tokenFor(DEMO.district_admin) })).status).toBe(
      404,
    );
    expect(
      (await stack.call('GET', '/v1/branches/yingtaogou/board/2026', { token: await stack.tokenFor(DEMO.station_handler) })).status,
    ).toBe(403);
    expect(
      (await stack.call('GET', '/v1/branches/yingtaogou/board/2026', { token: await stack.tokenFor(DEMO.township_staff) })).status,
    ).toBe(404);
  });

  it('the branch sheet carries what 四个一口清 and the poster print', async () => {
    const sheet = await stack.call('GET', '/v1/branches/yingtaogou/board/2026', { token: await stack.tokenFor(DEMO.cadre) });
    expect(sheet.status).toBe(200);
    expect(sheet.body).toMatchObject({ townshipName: '示例管委会', year: 2026, catalogueVersion: 1 });
    expect(sheet.body.responsibles).toEqual([
      { star: 'branch_strong', responsible: '张书记', leadDepartment: '组织办' },
      { star: 'industry', responsible: '李明', leadDepartment: '农业农村办' },
    ]);
    expect(sheet.body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual(['industry-t2', 'industry-t1']);
    expect(sheet.body.tasks[0]).toMatchObject({
      title: '组建或引进农民专业合作社，带动农户增收',
      star: 'industry',
      owner: '李明',
      status: 'in_progress',
      percent: 10,
    });
    expect(new Set(sheet.body.vetoes.map((v: { star: string }) => v.star))).toEqual(new Set(['branch_strong', 'industry']));
  });

  it('open 四不两直 findings count against their star until 销号; past their 整改时限 they are overdue', async () => {
    now = new Date('2026-07-03T02:00:00.000Z');
    const inspector = await stack.tokenFor(DEMO.inspector);
    const content = {
      branchId: 'yingtaogou',
      visitedAt: now.toISOString(),
      location: '樱桃沟社区',
      photos: [],
      summary: '直奔现场查看产业项目',
      findings: [{ star: 'industry', description: '合作社账目未公开', owner: '李明', deadline: '2026-07-06' }],
    };
    const draft = await stack.call('POST', '/v1/inspections/drafts', { token: inspector, body: { content } });
    expect(
      (
        await stack.call('POST', `/v1/inspections/drafts/${draft.body.id}/record`, {
          token: inspector,
          body: { version: draft.body.version },
        })
      ).status,
    ).toBe(201);
    now = new Date('2026-07-10T02:00:00.000Z');
    const staff = await stack.tokenFor('demo-township-staff-gwh');
    const row = (await stack.call('GET', '/v1/townships/demo-gwh/board/2026', { token: staff })).body.branches[0];
    expect(row).toMatchObject({ branchId: 'yingtaogou', openFindings: 1, overdueFindings: 1 });
    expect(row.stars.find((s: { star: string }) => s.star === 'industry')).toMatchObject({ openFindings: 1, overdueFindings: 1 });
    expect(row.stars.find((s: { star: string }) => s.star === 'branch_strong')).toMatchObject({ openFindings: 0 });
    const sheet = await stack.call('GET', '/v1/branches/yingtaogou/board/2026', { token: await stack.tokenFor(DEMO.cadre) });
    expect(sheet.body.row).toMatchObject({ openFindings: 1, overdueFindings: 1 });
  });

  it('bad years are refused with the field named', async () => {
    const res = await stack.call('GET', '/v1/board/1999', { token: await stack.tokenFor(DEMO.district_admin) });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('params.year');
  });
});
