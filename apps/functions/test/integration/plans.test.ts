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
