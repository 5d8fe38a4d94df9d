import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OfficialRole, Scope } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import { inspectionEntities } from '../../src/features/inspections/inspections.entities';
import { addDays, shanghaiDay } from '../../src/platform/kernel/shanghai-time';
import { consentTo } from '../support/consent';
import { createHttpTestStack, type HttpTestStack, uploadForm } from '../support/http-stack';
import { SAMPLE_JPEG } from '../support/sample-images';
import { DEMO } from '../support/test-stack';

/** A person with one binding, written as the invitation flow would leave them. */
async function addPerson(stack: HttpTestStack, id: string, role: OfficialRole, scope: Scope) {
  const createdAt = '2026-02-01T00:00:00.000Z';
  await stack.doc.send(
    new PutCommand({ TableName: stack.tableName, Item: profileItem({ id, displayName: `${id}（测试）`, isDemo: false, createdAt }) }),
  );
  await stack.doc.send(
    new PutCommand({
      TableName: stack.tableName,
      Item: bindingItem({ bindingId: `${id}-b1`, userId: id, role, scope, scopeLabel: id, holderName: id, createdAt, createdBy: 'test' }),
    }),
  );
}

describe('四不两直 and the 问题清单 on DynamoDB Local', () => {
  let stack: HttpTestStack;
  /** Days the API's clock runs ahead of the wall clock (the overdue rule is tested by moving it). */
  let aheadDays = 0;
  const now = () => new Date(Date.now() + aheadDays * 86_400_000);
  let inspector: string;
  let cadre: string;
  let secretary: string;
  let gwhStaff: string;
  let otherInspector: string;
  let wulibaoStaff: string;
  const today = () => shanghaiDay(now());

  beforeAll(async () => {
    stack = await createHttpTestStack({ clock: { now } });
    await addPerson(stack, 'wlb-inspector', 'inspector', { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] });
    inspector = await stack.tokenFor(DEMO.inspector); // 赵督导, district-wide
    cadre = await stack.tokenFor(DEMO.cadre); // 李明, 樱桃沟社区 (rural) in 示例管委会
    secretary = await stack.tokenFor(DEMO.secretary);
    gwhStaff = await stack.tokenFor('demo-township-staff-gwh');
    wulibaoStaff = await stack.tokenFor(DEMO.township_staff);
    otherInspector = await stack.tokenFor('wlb-inspector');
    // WeChat delivers only what each person consented to (asked where they expect it).
    await consentTo(stack, cadre, ['finding_assigned', 'finding_returned', 'finding_closed'], 5);
    await consentTo(stack, secretary, ['finding_assigned', 'finding_returned', 'finding_closed'], 5);
    await consentTo(stack, inspector, ['finding_fix_submitted'], 5);
  });
  afterAll(() => stack.stop());

  const content = (over: Record<string, unknown> = {}) => ({
    branchId: 'yingtaogou',
    visitedAt: now().toISOString(),
    location: '樱桃沟社区党群服务中心',
    photos: [] as string[],
    summary: '未打招呼直接到村，查看三会一课记录和人居环境',
    findings: [
      {
        star: 'safety_law',
        description: '消防通道被杂物堵塞',
        owner: '李明（村干部）',
        deadline: addDays(today(), 7),
        vetoItemId: 'safety_law-v2',
      },
    ],
    ...over,
  });

  async function uploadPhoto(token: string, purpose: 'inspection' | 'fix', branchId = 'yingtaogou') {
    const p = await stack.call('POST', '/v1/uploads/inspection-photos', {
      token,
      body: { purpose, branchId, contentType: 'image/jpeg', size: SAMPLE_JPEG.length },
    });
    expect(p.status).toBe(200);
    expect((await uploadForm(p.body.url, p.body.fields, { bytes: SAMPLE_JPEG, type: 'image/jpeg', name: 'p.jpg' })).status).toBe(204);
    return p.body.key as string;
  }

  async function recordOne(over: Record<string, unknown> = {}) {
    const draft = await stack.call('POST', '/v1/inspections/drafts', { token: inspector, body: { content: content(over) } });
    expect(draft.status).toBe(201);
    const rec = await stack.call('POST', `/v1/inspections/drafts/${draft.body.id}/record`, {
      token: inspector,
      body: { version: draft.body.version },
    });
    expect(rec.status).toBe(201);
    return rec.body;
  }

  it('a draft is its author’s alone; recording writes the visit and its 问题清单 at once and tells the branch', async () => {
    const photo = await uploadPhoto(inspector, 'inspection');
    expect(photo).toMatch(/^inspection\/yingtaogou\/[A-Z0-9]+\.jpg$/);
    const created = await stack.call('POST', '/v1/inspections/drafts', {
      token: inspector,
      body: { content: content({ photos: [photo], location: '', summary: '' }) },
    });
    expect([created.status, created.body.version, created.body.branchName, created.body.photoUrls.length]).toEqual([
      201,
      1,
      '樱桃沟社区',
      1,
    ]);
    const id = created.body.id as string;

    // Nobody but the author reaches it: not the branch, not its township, not another inspector.
    expect((await stack.call('GET', `/v1/inspections/drafts/${id}`, { token: cadre })).status).toBe(403);
    expect((await stack.call('GET', '/v1/inspections', { token: cadre })).status).toBe(403);
    expect((await stack.call('GET', `/v1/inspections/drafts/${id}`, { token: otherInspector })).status).toBe(404);
    expect((await stack.call('GET', '/v1/inspections', { token: otherInspector })).body).toEqual({ drafts: [], recorded: [] });
    expect(
      (await stack.call('PUT', `/v1/inspections/drafts/${id}`, { token: otherInspector, body: { content: content(), version: 1 } })).status,
    ).toBe(404);
    expect((await stack.call('POST', `/v1/inspections/drafts/${id}/record`, { token: otherInspector, body: { version: 1 } })).status).toBe(
      404,
    );
    expect((await stack.call('GET', '/v1/branches/yingtaogou/findings', { token: cadre })).body.findings).toEqual([]);
    expect((await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: gwhStaff })).body.findings).toEqual([]);
    const stored = (await stack.snapshot()).filter((i) => i.entity === 'inspection-draft');
    expect(stored.map((i) => [i.pk, i.gsi1pk])).toEqual([[`INSPECTOR#${DEMO.inspector}`, undefined]]);
    expect((await stack.call('GET', '/v1/inspections', { token: inspector })).body.drafts.map((d: { id: string }) => d.id)).toEqual([id]);

    // Incomplete drafts cannot be recorded; the missing fields are named.
    const incomplete = await stack.call('POST', `/v1/inspections/drafts/${id}/record`, { token: inspector, body: { version: 1 } });
    expect([incomplete.status, incomplete.body.details.map((d: { path: string }) => d.path)]).toEqual([
      400,
      ['content.location', 'content.summary'],
    ]);
    const saved = await stack.call('PUT', `/v1/inspections/drafts/${id}`, {
      token: inspector,
      body: { content: content({ photos: [photo] }), version: 1 },
    });
    expect(saved.body.version).toBe(2);
    expect(
      (await stack.call('PUT', `/v1/inspections/drafts/${id}`, { token: inspector, body: { content: content(), version: 1 } })).status,
    ).toBe(409);
    expect((await stack.call('POST', `/v1/inspections/drafts/${id}/record`, { token: inspector, body: { version: 1 } })).status).toBe(409);

    const recorded = await stack.call('POST', `/v1/inspections/drafts/${id}/record`, { token: inspector, body: { version: 2 } });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      id,
      branchName: '樱桃沟社区',
      townshipId: 'demo-gwh',
      inspectorName: '赵督导（督导组）',
      notified: 2,
    });
    expect(recorded.body.findings).toMatchObject([
      {
        star: 'safety_law',
        status: 'open',
        overdue: false,
        vetoItemId: 'safety_law-v2',
        vetoText: '发生造成人员死亡的安全生产事故',
        version: 1,
      },
    ]);
    const outbox = (await stack.call('GET', '/v1/dev/outbox')).body.messages as { recipientUserId: string; title: string; page: string }[];
    expect(outbox.map((m) => m.recipientUserId).sort()).toEqual([DEMO.cadre, DEMO.secretary]);
    expect(outbox[0].title).toBe('督导问题清单');
    const [stored0] = await stack.notifier.listRecent(1);
    expect(stored0.page).toBe('subpackages/inspections/pages/findings/index?branchId=yingtaogou');

    // A retry answers the same visit: nothing written twice, nobody told twice.
    const before = await stack.snapshot();
    const retry = await stack.call('POST', `/v1/inspections/drafts/${id}/record`, { token: inspector, body: { version: 2 } });
    expect([retry.status, retry.body.id, retry.body.findings.map((f: { id: string }) => f.id)]).toEqual([
      201,
      id,
      recorded.body.findings.map((f: { id: string }) => f.id),
    ]);
    expect(await stack.snapshot()).toEqual(before);

    const list = await stack.call('GET', '/v1/inspections', { token: inspector });
    expect(list.body.drafts).toEqual([]);
    expect(list.body.recorded).toMatchObject([{ id, branchName: '樱桃沟社区', findings: 1 }]);
    const branch = await stack.call('GET', '/v1/branches/yingtaogou/findings', { token: cadre });
    expect(branch.body.findings).toHaveLength(1);
    expect(branch.body.stars.find((s: { star: string }) => s.star === 'safety_law')).toEqual({
      star: 'safety_law',
      open: 1,
      overdue: 0,
      closed: 0,
    });
    const detail = await stack.call('GET', `/v1/findings/${branch.body.findings[0].id}`, { token: secretary });
    expect(detail.body.inspection).toMatchObject({ id, location: '樱桃沟社区党群服务中心', inspectorName: '赵督导（督导组）' });
    expect(detail.body.inspection.photoUrls).toHaveLength(1);
    expect(detail.body.actions).toEqual(['submit_fix']);
  });

  it('photos are checked again when the visit is recorded', async () => {
    const never = 'inspection/yingtaogou/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg';
    const elsewhere = await uploadPhoto(inspector, 'inspection', 'jianxinnanjie');
    const draft = await stack.call('POST', '/v1/inspections/drafts', {
      token: inspector,
      body: { content: content({ photos: [never, elsewhere] }) },
    });
    const before = await stack.snapshot();
    const res = await stack.call('POST', `/v1/inspections/drafts/${draft.body.id}/record`, { token: inspector, body: { version: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['content.photos.0', 'photo_missing'],
      ['content.photos.1', 'foreign_photo'],
    ]);
    expect(await stack.snapshot()).toEqual(before);
    await stack.call('DELETE', `/v1/inspections/drafts/${draft.body.id}`, { token: inspector });
  });

  it('fix → 退回 → fix → 销号, with the history kept; who may do what', async () => {
    const rec = await recordOne();
    const fid = rec.findings[0].id as string;
    const act = (token: string, body: Record<string, unknown>) => stack.call('POST', `/v1/findings/${fid}/actions`, { token, body });

    // Only an inspector verifies, and only a fix that was submitted.
    expect((await act(inspector, { action: 'close', version: 1, note: '已核实' })).body.code).toBe('ILLEGAL_TRANSITION');
    const evidence = await uploadPhoto(cadre, 'fix');
    expect(evidence).toMatch(/^inspection-fix\/yingtaogou\//);
    expect((await act(wulibaoStaff, { action: 'submit_fix', version: 1, text: '已清理' })).status).toBe(403);
    const fixed = await act(cadre, { action: 'submit_fix', version: 1, text: '已清理消防通道杂物', photos: [evidence] });
    expect([fixed.status, fixed.body.finding.status, fixed.body.actions]).toEqual([200, 'fix_submitted', []]);
    expect((await stack.call('GET', '/v1/dev/outbox')).body.messages[0]).toMatchObject({
      recipientUserId: DEMO.inspector,
      title: '整改待销号',
    });

    const own = await act(secretary, { action: 'close', version: 2, note: '我们自己看过了' });
    expect([own.status, own.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const outside = await act(otherInspector, { action: 'close', version: 2, note: '越权' });
    expect([outside.status, outside.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await act(inspector, { action: 'close', version: 1, note: '旧版本' })).status).toBe(409);

    expect((await stack.call('GET', `/v1/findings/${fid}`, { token: inspector })).body.actions).toEqual(['close', 'reject']);
    const rejected = await act(inspector, { action: 'reject', version: 2, reason: '楼道仍有杂物，请彻底清理' });
    expect([rejected.body.finding.status, rejected.body.finding.version]).toEqual(['open', 3]);
    await act(cadre, { action: 'submit_fix', version: 3, text: '已彻底清理并设置警示牌' });
    const closed = await act(inspector, { action: 'close', version: 4, note: '现场核实已整改到位' });
    expect(closed.body.finding).toMatchObject({ status: 'closed', version: 5, overdue: false });
    expect(closed.body.finding.closedAt).toBeDefined();
    expect(closed.body.history.map((h: { kind: string; text?: string }) => [h.kind, h.text])).toEqual([
      ['recorded', '消防通道被杂物堵塞'],
      ['fix_submitted', '已清理消防通道杂物'],
      ['rejected', '楼道仍有杂物，请彻底清理'],
      ['fix_submitted', '已彻底清理并设置警示牌'],
      ['closed', '现场核实已整改到位'],
    ]);
    expect(closed.body.history[1].photoUrls).toHaveLength(1);
    expect((await act(cadre, { action: 'submit_fix', version: 5, text: '再交一次' })).body.code).toBe('ILLEGAL_TRANSITION');

    // Township staff read (their township only) but cannot record.
    expect((await stack.call('GET', `/v1/findings/${fid}`, { token: gwhStaff })).status).toBe(200);
    expect((await stack.call('GET', `/v1/findings/${fid}`, { token: wulibaoStaff })).status).toBe(403);
    expect((await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: wulibaoStaff })).status).toBe(403);
    expect((await stack.call('POST', '/v1/inspections/drafts', { token: gwhStaff, body: { content: content() } })).status).toBe(403);
    // An inspector of another township may not draft a visit here either.
    const foreign = await stack.call('POST', '/v1/inspections/drafts', { token: otherInspector, body: { content: content() } });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
  });

  it('two inspectors verifying the same fix at once: one wins, the other gets 409', async () => {
    await addPerson(stack, 'gwh-inspector', 'inspector', { level: 'township', districtId: 'erqi', townshipIds: ['demo-gwh'] });
    const second = await stack.tokenFor('gwh-inspector');
    const rec = await recordOne();
    const fid = rec.findings[0].id as string;
    await stack.call('POST', `/v1/findings/${fid}/actions`, { token: cadre, body: { action: 'submit_fix', version: 1, text: '已整改' } });
    const results = await Promise.all([
      stack.call('POST', `/v1/findings/${fid}/actions`, { token: inspector, body: { action: 'close', version: 2, note: '核实到位' } }),
      stack.call('POST', `/v1/findings/${fid}/actions`, { token: second, body: { action: 'reject', version: 2, reason: '还没整改好' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await stack.call('GET', `/v1/findings/${fid}`, { token: inspector });
    expect(detail.body.finding.version).toBe(3);
    expect(detail.body.history).toHaveLength(3);
  });

  it('recording is one transaction: when any item fails, nothing is written and the draft stays', async () => {
    const draft = await stack.call('POST', '/v1/inspections/drafts', { token: inspector, body: { content: content() } });
    const repo = stack.deps.inspections;
    const at = now().toISOString();
    const inspection = {
      id: draft.body.id,
      districtId: 'erqi',
      townshipId: 'demo-gwh',
      branchId: 'yingtaogou',
      branchName: '樱桃沟社区',
      visitedAt: at,
      location: 'x',
      photos: [],
      summary: 'y',
      inspectorId: DEMO.inspector,
      inspectorName: '赵督导',
      recordedAt: at,
      findingIds: ['taken-1', 'f-2'],
    };
    const finding = (id: string) => ({
      id,
      inspectionId: draft.body.id,
      inspectorId: DEMO.inspector,
      districtId: 'erqi',
      townshipId: 'demo-gwh',
      branchId: 'yingtaogou',
      branchName: '樱桃沟社区',
      star: 'safety_law' as const,
      description: 'd',
      owner: 'o',
      deadline: today(),
      status: 'open' as const,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    const events = [1, 2].map(() => ({ at, version: 1, kind: 'recorded' as const, actorId: DEMO.inspector, actorName: '赵督导' }));
    // An item already holds the second finding's key: the transaction must fail as a whole.
    await stack.doc.send(
      new PutCommand({ TableName: stack.tableName, Item: { ...inspectionEntities.finding.key({ id: 'taken-2' }), entity: 'squatter' } }),
    );
    const before = await stack.snapshot();
    await expect(
      repo.record(
        { authorId: DEMO.inspector, id: draft.body.id, expectedVersion: 1 },
        { ...inspection, findingIds: ['taken-1', 'taken-2'] },
        [finding('taken-1'), finding('taken-2')],
        events,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stack.snapshot()).toEqual(before);
    // A stale draft version fails the same way.
    await expect(
      repo.record(
        { authorId: DEMO.inspector, id: draft.body.id, expectedVersion: 7 },
        inspection,
        [finding('f-1'), finding('f-2')],
        events,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stack.snapshot()).toEqual(before);
    expect((await stack.call('GET', `/v1/inspections/drafts/${draft.body.id}`, { token: inspector })).status).toBe(200);
    await stack.call('DELETE', `/v1/inspections/drafts/${draft.body.id}`, { token: inspector });
  });

  it('overdue: past the 整改时限 (Asia/Shanghai) and not closed, flagged in every list; township filters and per-star counts', async () => {
    const due = addDays(today(), 2);
    const rec = await recordOne({
      findings: [
        { star: 'industry', description: '村集体经济台账不全', owner: '张书记', deadline: due },
        { star: 'industry', description: '合作社账目未公开', owner: '李明', deadline: addDays(today(), 30) },
      ],
    });
    const [late] = rec.findings as { id: string }[];
    aheadDays = 2; // the deadline day itself is not yet overdue (tokens are issued again: they expire on the API's clock)
    let branch = await stack.call('GET', '/v1/branches/yingtaogou/findings', { token: await stack.tokenFor(DEMO.cadre) });
    expect(branch.body.findings.find((f: { id: string }) => f.id === late.id).overdue).toBe(false);
    aheadDays = 3;
    try {
      [cadre, gwhStaff, inspector] = await Promise.all([
        stack.tokenFor(DEMO.cadre),
        stack.tokenFor('demo-township-staff-gwh'),
        stack.tokenFor(DEMO.inspector),
      ]);
      branch = await stack.call('GET', '/v1/branches/yingtaogou/findings', { token: cadre });
      expect(branch.body.findings[0]).toMatchObject({ id: late.id, overdue: true });
      expect(branch.body.stars.find((s: { star: string }) => s.star === 'industry')).toEqual({
        star: 'industry',
        open: 2,
        overdue: 1,
        closed: 0,
      });
      const overdue = await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: gwhStaff, query: { status: 'overdue' } });
      expect(overdue.body.findings.map((f: { id: string }) => f.id)).toEqual([late.id]);
      const open = await stack.call('GET', '/v1/townships/demo-gwh/findings', {
        token: await stack.tokenFor(DEMO.district_admin),
        query: { status: 'open' },
      });
      expect(open.body.findings.every((f: { status: string }) => f.status !== 'closed')).toBe(true);
      const closed = await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: inspector, query: { status: 'closed' } });
      expect(closed.body.findings.length).toBeGreaterThan(0);
      expect(closed.body.findings.every((f: { status: string; overdue: boolean }) => f.status === 'closed' && !f.overdue)).toBe(true);
      const all = await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: gwhStaff });
      expect(all.body.branches).toHaveLength(1);
      expect(all.body.branches[0].stars.find((s: { star: string }) => s.star === 'industry')).toEqual({
        star: 'industry',
        open: 2,
        overdue: 1,
        closed: 0,
      });
      expect((await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: await stack.tokenFor(DEMO.leader) })).status).toBe(403);

      // The compact rows for the board and the ranking: one query of the township index.
      const facts = await stack.deps.inspections.listFindingsForTownship('demo-gwh');
      expect(facts).toHaveLength(all.body.findings.length);
      expect(facts.find((f) => f.deadline === due)).toEqual({
        branchId: 'yingtaogou',
        star: 'industry',
        status: 'open',
        deadline: due,
        createdAt: expect.any(String),
      });
      expect(facts.some((f) => f.vetoItemId === 'safety_law-v2' && f.status === 'closed' && f.closedAt)).toBe(true);
    } finally {
      aheadDays = 0;
    }
  });
});
