import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueItems } from '../../src/features/stars/star-application';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/** The branch's secretary and cadres hear each review step, a confirmed 撤星 and the annual result, with the event. */
describe('评星 notices (DynamoDB Local)', () => {
  let stack: TestStack;
  // 21 December in Shanghai: past the default annual 评星定级 day (12-20).
  const now = new Date('2026-12-21T02:00:00.000Z');
  let secretary: string;
  let cadre: string;
  let gwhStaff: string;
  let admin: string;
  let inspector: string;

  const noticesOf = async (token: string, kind: string) =>
    (
      (await stack.call('GET', '/v1/notices', { token })).body.notices as { kind: string; title: string; body: string; page: string }[]
    ).filter((n) => n.kind === kind);

  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
    [secretary, cadre, gwhStaff, admin, inspector] = await Promise.all(
      [DEMO.secretary, DEMO.cadre, 'demo-township-staff-gwh', DEMO.district_admin, DEMO.inspector].map((p) => stack.tokenFor(p)),
    );
    const baseline = await stack.call('PUT', '/v1/branches/yingtaogou/baseline-stars', {
      token: admin,
      body: { stars: ['branch_strong', 'ecology'], heldFrom: '2026-01-01' },
    });
    expect(baseline.status).toBe(200);
  });

  it('a 初审 return reaches the branch’s secretary and cadre in their 消息中心, pointing at the application', async () => {
    const catalogue = await stack.call('GET', '/v1/catalogue', { token: secretary });
    const items = catalogueItems(catalogue.body.content, 'rural', 'industry').map((i) => ({
      itemId: i.itemId,
      kind: i.kind,
      met: true,
      note: '',
      photos: [],
    }));
    const applied = await stack.call('POST', '/v1/branches/yingtaogou/star-applications', {
      token: secretary,
      body: { star: 'industry', clientKey: 'star-notice-apply-01', items },
    });
    expect(applied.status).toBe(201);
    const id = applied.body.application.id as string;
    // Applying tells nobody: the branch made the step itself.
    expect(await noticesOf(secretary, 'star_application_decided')).toEqual([]);

    const returned = await stack.call('POST', `/v1/star-applications/${id}/decisions`, {
      token: gwhStaff,
      body: { action: 'return', version: 1, reasons: [{ itemId: items[0].itemId, reason: '缺少台账照片' }] },
    });
    expect(returned.status).toBe(200);
    for (const token of [secretary, cadre])
      expect(await noticesOf(token, 'star_application_decided')).toEqual([
        expect.objectContaining({
          title: '创星申报被乡镇退回，请修改后重报',
          page: `subpackages/stars/pages/application/index?id=${id}`,
        }),
      ]);
    // Nobody outside the branch hears of it.
    expect(await noticesOf(gwhStaff, 'star_application_decided')).toEqual([]);
  });

  it('a confirmed 撤星 names the star and the district’s reason; the annual review names what was kept', async () => {
    const catalogue = await stack.call('GET', '/v1/catalogue', { token: admin });
    const veto = (catalogue.body.content.rural as { star: string; vetoes: { id: string }[] }[]).find((s) => s.star === 'ecology')?.vetoes[0]
      .id;
    const content = {
      branchId: 'yingtaogou',
      visitedAt: now.toISOString(),
      location: '樱桃沟',
      photos: [],
      summary: '暗访',
      findings: [{ star: 'ecology', description: '河道倾倒垃圾', owner: '书记', deadline: '2026-12-28', vetoItemId: veto }],
    };
    const draft = await stack.call('POST', '/v1/inspections/drafts', { token: inspector, body: { content } });
    const rec = await stack.call('POST', `/v1/inspections/drafts/${draft.body.id}/record`, { token: inspector, body: { version: 1 } });
    expect(rec.status).toBe(201);
    const findings = await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: admin });
    const finding = findings.body.findings.find((f: { inspectionId: string }) => f.inspectionId === rec.body.id);
    const opened = await stack.call('POST', '/v1/star-withdrawals', {
      token: inspector,
      body: { source: { kind: 'finding', findingId: finding.id } },
    });
    expect(opened.status).toBe(201);
    expect(await noticesOf(secretary, 'star_withdrawn')).toEqual([]); // opening decides nothing yet
    const confirmed = await stack.call('POST', `/v1/star-withdrawals/${opened.body.id}/decision`, {
      token: admin,
      body: { action: 'confirm', reason: '河道污染触及否决项', version: 1 },
    });
    expect(confirmed.status).toBe(200);
    for (const token of [secretary, cadre])
      expect(await noticesOf(token, 'star_withdrawn')).toEqual([
        expect.objectContaining({
          title: '生态宜居星已被撤销',
          body: '樱桃沟社区的生态宜居星已撤销并公示：河道污染触及否决项',
          page: 'subpackages/stars/pages/publicity/index?branchId=yingtaogou',
        }),
      ]);

    const annual = await stack.call('POST', '/v1/star-reviews/2026/branches/yingtaogou', {
      token: admin,
      body: { keep: ['branch_strong'], reason: '年度评定，星级保持' },
    });
    expect(annual.status).toBe(200);
    expect(await noticesOf(cadre, 'star_annual_review')).toEqual([
      expect.objectContaining({
        title: '2026年度评星定级：星级保持',
        body: '樱桃沟社区2026年度评星定级结果：星级保持。年度评定，星级保持',
      }),
    ]);
  });
});
