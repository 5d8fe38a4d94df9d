import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueEntities } from '../../src/features/catalogue/catalogue.entities';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('the star catalogue on DynamoDB Local', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await createTestStack();
    admin = await stack.tokenFor(DEMO.district_admin);
  });

  it('the demo district starts with the sample standards: 29 rural and 27 community key tasks, vetoes for every star', async () => {
    const res = await stack.call('GET', '/v1/catalogue', { token: await stack.tokenFor(DEMO.resident) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, counts: { rural: 29, community: 27 }, note: '示例标准（可配置）' });
    for (const type of ['rural', 'community'] as const)
      for (const star of res.body.content[type]) expect(star.vetoes.length).toBeGreaterThan(0);
  });

  it('draft → publish makes an immutable next version; stale drafts and re-publishing are refused', async () => {
    const draft = await stack.call('GET', '/v1/catalogue/draft', { token: admin });
    expect([draft.body.revision, draft.body.basedOnVersion]).toEqual([0, 1]);
    const content = structuredClone(draft.body.content);
    content.rural[1].tasks.push({ id: 'industry-t7', title: '发展乡村电商，拓宽樱桃销售渠道' });
    const saved = await stack.call('PUT', '/v1/catalogue/draft', { token: admin, body: { content, revision: 0 } });
    expect([saved.status, saved.body.revision, saved.body.counts.rural]).toEqual([200, 1, 30]);
    expect((await stack.call('PUT', '/v1/catalogue/draft', { token: admin, body: { content, revision: 0 } })).status).toBe(409);

    const published = await stack.call('POST', '/v1/catalogue/publish', {
      token: admin,
      body: { revision: 1, note: '2026 年修订：增加电商任务' },
    });
    expect([published.status, published.body.version, published.body.counts.rural]).toEqual([201, 2, 30]);
    expect((await stack.call('POST', '/v1/catalogue/publish', { token: admin, body: { revision: 1, note: '再发一次' } })).status).toBe(409);

    // Version 1 is unchanged and still readable; the catalogue in force is version 2.
    const v1 = await stack.call('GET', '/v1/catalogue/versions/1', { token: admin });
    expect(v1.body.counts.rural).toBe(29);
    expect((await stack.call('GET', '/v1/catalogue', { token: admin })).body.version).toBe(2);
    const versions = await stack.call('GET', '/v1/catalogue/versions', { token: await stack.tokenFor(DEMO.township_staff) });
    expect(versions.body.versions.map((v: { version: number; counts: { rural: number } }) => [v.version, v.counts.rural])).toEqual([
      [2, 30],
      [1, 29],
    ]);
  });

  it('a published version cannot be written again, even by the repository', async () => {
    const v2 = await stack.deps.catalogue.version('erqi', 2);
    await expect(stack.deps.catalogue.publish('erqi', { ...v2!, note: '覆盖' }, 1, 0)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await stack.deps.catalogue.version('erqi', 2))?.note).toBe('2026 年修订：增加电商任务');
    expect((await stack.snapshot()).filter((i) => i.pk === catalogueEntities.pk('erqi') && String(i.sk).startsWith('V#'))).toHaveLength(2);
  });

  it('refuses a catalogue whose star sets are wrong, or with duplicate ids', async () => {
    const draft = (await stack.call('GET', '/v1/catalogue/draft', { token: admin })).body;
    const swapped = structuredClone(draft.content);
    swapped.community = swapped.community.reverse();
    const bad = await stack.call('PUT', '/v1/catalogue/draft', { token: admin, body: { content: swapped, revision: 0 } });
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'body.content.community']);
    const dup = structuredClone(draft.content);
    dup.rural[1].tasks.push({ ...dup.rural[2].tasks[0] });
    const res = await stack.call('PUT', '/v1/catalogue/draft', { token: admin, body: { content: dup, revision: 0 } });
    expect([res.status, res.body.details[0].path]).toEqual([400, 'body.content.ids']);
    expect(
      (
        await stack.call('PUT', '/v1/catalogue/draft', {
          token: await stack.tokenFor(DEMO.township_staff),
          body: { content: draft.content, revision: 0 },
        })
      ).status,
    ).toBe(403);
  });

  it('a daily report item may name a key task of its star in the catalogue in force, and only that', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre); // 樱桃沟社区, rural
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const body = (taskId: string) => ({
      content: { items: [{ star: 'industry', taskId, text: '组织樱桃种植技术培训' }] },
      idempotencyKey: `task-key-${taskId}-0123456789`,
    });
    const wrong = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${day}`, { token: cadre, body: body('ecology-t1') });
    expect([wrong.status, wrong.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ path: 'body.content.items.0.taskId', code: 'unknown_task' }),
    ]);
    const ok = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${day}`, { token: cadre, body: body('industry-t5') });
    expect([ok.status, ok.body.report.content.items[0].taskId]).toEqual([201, 'industry-t5']);
  });
});
