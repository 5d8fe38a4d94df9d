import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDay } from '../../src/platform/kernel/shanghai-time';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const MARKER = '草稿专用标记XYZ';

describe('四不两直 drafts: only their author ever sees them', () => {
  let stack: TestStack;
  let draftId: string;
  beforeAll(async () => {
    stack = await createTestStack();
    const res = await stack.call('POST', '/v1/inspections/drafts', {
      token: await stack.tokenFor(DEMO.inspector),
      body: {
        content: {
          branchId: 'yingtaogou',
          visitedAt: new Date().toISOString(),
          location: MARKER,
          photos: [],
          summary: MARKER,
          findings: [{ star: 'branch_strong', description: MARKER, owner: '张书记', deadline: addDays(shanghaiDay(new Date()), 5) }],
        },
      },
    });
    expect(res.status).toBe(201);
    draftId = res.body.id;
  });

  it.each([DEMO.cadre, DEMO.secretary, 'demo-township-staff-gwh', DEMO.leader, DEMO.district_admin])(
    '%s: no route returns the draft, and listing drafts is refused',
    async (who) => {
      const token = await stack.tokenFor(who);
      const reads = [
        ['GET', '/v1/inspections'],
        ['GET', `/v1/inspections/drafts/${draftId}`],
        ['GET', `/v1/findings/${draftId}`],
        ['GET', '/v1/branches/yingtaogou/findings'],
        ['GET', '/v1/townships/demo-gwh/findings'],
      ] as const;
      for (const [method, path] of reads) {
        const res = await stack.call(method, path, { token });
        expect(JSON.stringify(res.body)).not.toContain(MARKER);
        if (path.includes('/inspections')) expect(res.status).toBe(403); // inspectors only, and even they only their own
        if (path.startsWith('/v1/findings/')) expect(res.status).toBe(404);
      }
      const branch = await stack.call('GET', '/v1/branches/yingtaogou/findings', { token });
      if (branch.status === 200) expect(branch.body.findings).toEqual([]);
    },
  );

  it('the cadre cannot record, save or discard it either, and nothing changes', async () => {
    const cadre = await stack.tokenFor(DEMO.cadre);
    const before = await stack.snapshot();
    expect((await stack.call('POST', `/v1/inspections/drafts/${draftId}/record`, { token: cadre, body: { version: 1 } })).status).toBe(403);
    expect((await stack.call('DELETE', `/v1/inspections/drafts/${draftId}`, { token: cadre })).status).toBe(403);
    expect(await stack.snapshot()).toEqual(before);
    // The author still has it.
    const own = await stack.call('GET', `/v1/inspections/drafts/${draftId}`, { token: await stack.tokenFor(DEMO.inspector) });
    expect([own.status, own.body.content.summary]).toEqual([200, MARKER]);
  });
});

describe('四不两直 bad input → 400 with field errors, and nothing is written', () => {
  let stack: TestStack;
  let inspector: string;
  let cadre: string;
  const day = addDays(shanghaiDay(new Date()), 3);
  const finding = { star: 'branch_strong', description: '三会一课记录不全', owner: '张书记', deadline: day };
  const content = (over: Record<string, unknown> = {}) => ({
    branchId: 'yingtaogou',
    visitedAt: new Date().toISOString(),
    location: '村委会',
    photos: [],
    summary: '走访',
    findings: [finding],
    ...over,
  });
  beforeAll(async () => {
    stack = await createTestStack();
    inspector = await stack.tokenFor(DEMO.inspector);
    cadre = await stack.tokenFor(DEMO.cadre);
  });

  async function paths(
    token: string,
    method: string,
    path: string,
    opts: { body?: unknown; query?: Record<string, string> },
    status = 400,
  ) {
    const before = await stack.snapshot();
    const res = await stack.call(method, path, { token, ...opts });
    expect(res.status).toBe(status);
    for (const d of res.body.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await stack.snapshot()).toEqual(before);
    return res.body.details.map((d: { path: string }) => d.path);
  }

  it('drafts: too many photos and findings, oversize text, bad star, bad day, foreign photo keys, unknown fields', async () => {
    const draft = (c: unknown) => paths(inspector, 'POST', '/v1/inspections/drafts', { body: { content: c } });
    const photo = (i: number) => `inspection/yingtaogou/01JABCDEFGHJKMNPQRSTVWXY${String(i).padStart(2, '0')}.jpg`;
    expect(await draft(content({ photos: Array.from({ length: 10 }, (_, i) => photo(i)) }))).toEqual(['body.content.photos']);
    expect(await draft(content({ findings: Array.from({ length: 21 }, () => finding) }))).toEqual(['body.content.findings']);
    expect(await draft(content({ summary: '长'.repeat(1001), findings: [{ ...finding, description: '长'.repeat(301) }] }))).toEqual([
      'body.content.summary',
      'body.content.findings.0.description',
    ]);
    expect(await draft(content({ findings: [{ ...finding, star: 'lucky', deadline: '2026-02-30' }] }))).toEqual([
      'body.content.findings.0.star',
      'body.content.findings.0.deadline',
    ]);
    expect(
      await draft(content({ photos: ['daily-report/yingtaogou/2026-11-27/01JABCDEFGHJKMNPQRSTVWXY00.jpg'], visitedAt: 'yesterday' })),
    ).toEqual(['body.content.visitedAt', 'body.content.photos.0']);
    expect(await draft(content({ announced: true }))).toEqual(['body.content.announced']);
    expect(await paths(inspector, 'POST', '/v1/inspections/drafts', { body: {} })).toEqual(['body.content']);
  });

  it('drafts: a star outside the branch’s set, a veto item of another star, a branch that does not exist', async () => {
    const draft = (c: unknown, status = 400) => paths(inspector, 'POST', '/v1/inspections/drafts', { body: { content: c } }, status);
    // 樱桃沟社区 is rural: 宜业兴业星 is a community star.
    expect(await draft(content({ findings: [{ ...finding, star: 'business' }] }))).toEqual(['body.content.findings.0.star']);
    expect(await draft(content({ findings: [{ ...finding, vetoItemId: 'safety_law-v1' }] }))).toEqual([
      'body.content.findings.0.vetoItemId',
    ]);
    // A branch that does not exist is a 404, as an unknown id in the path would be.
    expect(await draft(content({ branchId: 'no-such-branch' }), 404)).toEqual(['body.content.branchId']);
  });

  it('record, actions, lists and uploads', async () => {
    expect(await paths(inspector, 'POST', '/v1/inspections/drafts/01JABCDEFGHJKMNPQRSTVWXYZ0/record', { body: { version: 0 } })).toEqual([
      'body.version',
    ]);
    const act = (body: unknown) => paths(cadre, 'POST', '/v1/findings/01JABCDEFGHJKMNPQRSTVWXYZ0/actions', { body });
    expect(await act({ action: 'reject', version: 1, reason: '  ' })).toEqual(['body.reason']);
    expect(await act({ action: 'approve', version: 1 })).toEqual(['body.action']);
    expect(
      await act({ action: 'submit_fix', version: 1, text: '已整改', photos: ['inspection/yingtaogou/01JABCDEFGHJKMNPQRSTVWXY00.jpg'] }),
    ).toEqual(['body.photos.0']);
    expect(await act({ action: 'close', version: 1 })).toEqual(['body.note']);
    expect(await paths(inspector, 'GET', '/v1/townships/demo-gwh/findings', { query: { status: 'late' } })).toEqual(['query.status']);
    expect(
      await paths(inspector, 'POST', '/v1/uploads/inspection-photos', {
        body: { purpose: 'selfie', branchId: 'yingtaogou', contentType: 'image/gif', size: 3 * 1024 * 1024 },
      }),
    ).toEqual(['body.purpose', 'body.contentType', 'body.size']);
  });
});
