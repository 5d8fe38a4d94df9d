import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('创星计划 on DynamoDB Local', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date('2026-03-02T02:00:00.000Z') } });
  });

  it('the branch writes and submits its plan; its township approves it; approved plans are frozen', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre); // 樱桃沟社区, rural, in 示例管委会
    const blank = await stack.call('GET', '/v1/branches/yingtaogou/plans/2026', { token: cadre });
    expect(blank.body).toMatchObject({ version: 0, status: 'draft', catalogueVersion: 1 });
    const content = {
      heldStars: ['branch_strong'],
      targetStars: ['branch_strong', 'industry', 'ecology'],
      stars: [
        { star: 'branch_strong', responsible: '张书记', leadDepartment: '组织办' },
        { star: 'industry', responsible: '李明', leadDepartment: '农业农村办' },
      ],
      tasks: [{ taskId: 'industry-t1', owner: '李明', milestones: [{ title: '确定樱桃品牌', due: '2026-05-30' }] }],
    };
    const saved = await stack.call('PUT', '/v1/branches/yingtaogou/plans/2026', { token: cadre, body: { content, version: 0 } });
    expect([saved.status, saved.body.version]).toEqual([200, 1]);
    expect((await stack.call('PUT', '/v1/branches/yingtaogou/plans/2026', { token: cadre, body: { content, version: 0 } })).status).toBe(
      409,
    );

    const incomplete = await stack.call('POST', '/v1/branches/yingtaogou/plans/2026/actions', {
      token: cadre,
      body: { action: 'submit', version: 1 },
    });
    expect([incomplete.status, incomplete.body.details[0].path]).toEqual([400, 'body.content.targetStars.2']);
    const fixed = { ...content, stars: [...content.stars, { star: 'ecology', responsible: '王委员', leadDepartment: '环保所' }] };
    await stack.call('PUT', '/v1/branches/yingtaogou/plans/2026', { token: cadre, body: { content: fixed, version: 1 } });
    const submitted = await stack.call('POST', '/v1/branches/yingtaogou/plans/2026/actions', {
      token: cadre,
      body: { action: 'submit', version: 2 },
    });
    expect(submitted.body.status).toBe('submitted');

    // Another township's staff may not approve; this township's staff may.
    const otherStaff = await stack.tokenFor(DEMO.township_staff); // 五里堡街道
    expect(
      (
        await stack.call('POST', '/v1/branches/yingtaogou/plans/2026/actions', {
          token: otherStaff,
          body: { action: 'approve', version: 3 },
        })
      ).status,
    ).toBe(404);
    const staff = await stack.tokenFor('demo-township-staff-gwh');
    expect(
      (await stack.call('POST', '/v1/branches/yingtaogou/plans/2026/actions', { token: cadre, body: { action: 'approve', version: 3 } }))
        .status,
    ).toBe(403);
    const approved = await stack.call('POST', '/v1/branches/yingtaogou/plans/2026/actions', {
      token: staff,
      body: { action: 'approve', version: 3, note: '目标合理，同意' },
    });
    expect([approved.status, approved.body.status, approved.body.reviewNote]).toEqual([200, 'approved', '目标合理，同意']);
    // The branch's cadre and secretary each find the decision in their 消息中心.
    for (const user of [DEMO.cadre, DEMO.secretary]) {
      const inbox = (await stack.call('GET', '/v1/notices', { token: await stack.tokenFor(user) })).body;
      expect(inbox.notices).toEqual([
        expect.objectContaining({
          kind: 'plan_approved',
          body: '樱桃沟社区2026年创星计划已批准：目标合理，同意',
          page: 'subpackages/plans/pages/edit/index?branchId=yingtaogou&year=2026',
        }),
      ]);
    }
    const frozen = await stack.call('PUT', '/v1/branches/yingtaogou/plans/2026', { token: cadre, body: { content: fixed, version: 4 } });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('only the branch’s own cadres write; others get 404 and nothing is written', async () => {
    const before = await stack.snapshot();
    const res = await stack.call('PUT', '/v1/branches/jianxinnanjie/plans/2026', {
      token: await stack.tokenFor(DEMO.cadre),
      body: { content: { heldStars: [], targetStars: ['business'], stars: [], tasks: [] }, version: 0 },
    });
    expect(res.status).toBe(404);
    expect(await stack.snapshot()).toEqual(before);
  });

  it('a returned plan tells the branch why, in its 消息中心', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre);
    const content = {
      heldStars: [],
      targetStars: ['industry'],
      stars: [{ star: 'industry', responsible: '李明', leadDepartment: '农业农村办' }],
      tasks: [{ taskId: 'industry-t1', owner: '李明', milestones: [{ title: '确定樱桃品牌', due: '2027-05-30' }] }],
    };
    expect((await stack.call('PUT', '/v1/branches/yingtaogou/plans/2027', { token: cadre, body: { content, version: 0 } })).status).toBe(
      200,
    );
    const submitted = await stack.call('POST', '/v1/branches/yingtaogou/plans/2027/actions', {
      token: cadre,
      body: { action: 'submit', version: 1 },
    });
    expect(submitted.body.status).toBe('submitted');
    const returned = await stack.call('POST', '/v1/branches/yingtaogou/plans/2027/actions', {
      token: await stack.tokenFor('demo-township-staff-gwh'),
      body: { action: 'return', version: 2, note: '目标星级偏少，请补充' },
    });
    expect(returned.body.status).toBe('returned');
    const inbox = (await stack.call('GET', '/v1/notices', { token: await stack.tokenFor(DEMO.secretary) })).body;
    expect(inbox.notices[0]).toMatchObject({
      kind: 'plan_returned',
      title: '创星计划被退回',
      body: '樱桃沟社区2027年创星计划被退回：目标星级偏少，请补充',
      page: 'subpackages/plans/pages/edit/index?branchId=yingtaogou&year=2027',
    });
    expect(inbox.unread).toBe(2);
  });

  it('proposes 倒排工期 dates from the evaluation date', async () => {
    const res = await stack.call('POST', '/v1/plans/schedule-backwards', {
      token: await stack.tokenFor(DEMO.cadre),
      body: { evaluationDate: '2026-12-15', milestones: 4 },
    });
    expect(res.status).toBe(200);
    expect(res.body.dates).toHaveLength(4);
    expect(res.body.dates.at(-1) < '2026-12-15').toBe(true);
    expect([...res.body.dates].sort()).toEqual(res.body.dates);
  });
});
