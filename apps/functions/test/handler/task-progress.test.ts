import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTestStack, type HttpTestStack, uploadForm } from '../support/http-stack';
import { SAMPLE_JPEG } from '../support/sample-images';
import { DEMO } from '../support/test-stack';

describe('progress on key tasks: updates with evidence, and the daily reports that named the task', () => {
  let stack: HttpTestStack;
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const base = () => `/v1/branches/yingtaogou/plans/${year}`;
  beforeAll(async () => {
    stack = await createHttpTestStack();
  });
  afterAll(() => stack.stop());

  it('updates need an approved plan; then status, percent, evidence and tagged report items show on the task', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre);
    const content = {
      heldStars: [],
      targetStars: ['industry'],
      stars: [{ star: 'industry', responsible: '李明', leadDepartment: '农业农村办' }],
      tasks: [{ taskId: 'industry-t1', owner: '李明', milestones: [{ title: '注册樱桃品牌', due: `${year}-12-20` }] }],
    };
    await stack.call('PUT', base(), { token: cadre, body: { content, version: 0 } });
    const early = await stack.call('POST', `${base()}/tasks/industry-t1/updates`, {
      token: cadre,
      body: { status: 'in_progress', percent: 30 },
    });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    await stack.call('POST', `${base()}/actions`, { token: cadre, body: { action: 'submit', version: 1 } });
    await stack.call('POST', `${base()}/actions`, {
      token: await stack.tokenFor('demo-township-staff-gwh'),
      body: { action: 'approve', version: 2 },
    });

    const p = await stack.call('POST', '/v1/uploads/evidence', {
      token: cadre,
      body: { branchId: 'yingtaogou', year, contentType: 'image/jpeg', size: SAMPLE_JPEG.length },
    });
    expect(p.body.key).toMatch(new RegExp(`^plan-evidence/yingtaogou/${year}/`));
    expect((await uploadForm(p.body.url, p.body.fields, { bytes: SAMPLE_JPEG, type: 'image/jpeg', name: 'e.jpg' })).status).toBe(204);
    const update = await stack.call('POST', `${base()}/tasks/industry-t1/updates`, {
      token: cadre,
      body: { status: 'in_progress', percent: 40, note: '商标申请材料已提交', evidence: [p.body.key] },
    });
    expect(update.status).toBe(201);
    expect(update.body).toMatchObject({
      taskId: 'industry-t1',
      title: '培育“一村一品”特色产业',
      star: 'industry',
      status: 'in_progress',
      percent: 40,
    });
    expect(update.body.updates[0].evidenceUrls).toHaveLength(1);

    await stack.call('PUT', `/v1/branches/yingtaogou/reports/${day}`, {
      token: cadre,
      body: {
        content: { items: [{ star: 'industry', taskId: 'industry-t1', text: '对接商标代理机构' }] },
        idempotencyKey: 'progress-report-key-01234',
      },
    });
    const staff = await stack.call('GET', `${base()}/tasks/industry-t1`, { token: await stack.tokenFor('demo-township-staff-gwh') });
    expect(staff.body.reports).toEqual([{ day, text: '对接商标代理机构' }]);

    const missing = await stack.call('POST', `${base()}/tasks/industry-t1/updates`, {
      token: cadre,
      body: { status: 'done', percent: 100, evidence: [`plan-evidence/yingtaogou/${year}/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg`] },
    });
    expect([missing.status, missing.body.details[0].path]).toEqual([400, 'body.evidence.0']);
    expect((await stack.call('GET', `${base()}/tasks/ecology-t1`, { token: cadre })).status).toBe(404);
    expect(
      (
        await stack.call('POST', `${base()}/tasks/industry-t1/updates`, {
          token: await stack.tokenFor('demo-township-staff-gwh'),
          body: { status: 'done', percent: 100 },
        })
      ).status,
    ).toBe(403);
  });
});
