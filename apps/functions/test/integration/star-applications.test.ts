import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OfficialRole, Scope } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import { catalogueItems } from '../../src/features/stars/star-application';
import { addDays, shanghaiDay } from '../../src/platform/kernel/shanghai-time';
import { createHttpTestStack, type HttpTestStack, uploadForm } from '../support/http-stack';
import { SAMPLE_JPEG } from '../support/sample-images';
import { DEMO } from '../support/test-stack';

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

/** 樱桃沟社区 (rural, 示例管委会): every key task and veto item of 产业兴旺星 in the catalogue in force (read in beforeAll). */
let INDUSTRY: ReturnType<typeof catalogueItems> = [];
let catalogueVersion = -1;
const assessment = (photos: string[] = []) =>
  INDUSTRY.map((c, i) => ({
    itemId: c.itemId,
    kind: c.kind,
    met: i !== 1,
    note: i === 1 ? '合作社年底挂牌' : '',
    photos: i === 0 ? photos : [],
  }));

describe('创星申报 and its review path on DynamoDB Local', () => {
  let stack: HttpTestStack;
  let aheadDays = 0;
  const now = () => new Date(Date.now() + aheadDays * 86_400_000);
  const today = () => shanghaiDay(now());
  let secretary: string;
  let cadre: string;
  let gwhStaff: string;
  let gwhStaff2: string;
  let wulibaoStaff: string;
  let admin: string;
  let admin2: string;
  let inspector: string;

  beforeAll(async () => {
    stack = await createHttpTestStack({ clock: { now } });
    await addPerson(stack, 'gwh-staff-2', 'township_staff', { level: 'township', districtId: 'erqi', townshipIds: ['demo-gwh'] });
    await addPerson(stack, 'admin-2', 'district_admin', { level: 'district', districtId: 'erqi' });
    secretary = await stack.tokenFor(DEMO.secretary);
    cadre = await stack.tokenFor(DEMO.cadre);
    gwhStaff = await stack.tokenFor('demo-township-staff-gwh');
    gwhStaff2 = await stack.tokenFor('gwh-staff-2');
    wulibaoStaff = await stack.tokenFor(DEMO.township_staff);
    admin = await stack.tokenFor(DEMO.district_admin);
    admin2 = await stack.tokenFor('admin-2');
    inspector = await stack.tokenFor(DEMO.inspector);
    const catalogue = await stack.call('GET', '/v1/catalogue', { token: secretary });
    expect(catalogue.status).toBe(200);
    INDUSTRY = catalogueItems(catalogue.body.content, 'rural', 'industry');
    catalogueVersion = catalogue.body.version;
    expect(INDUSTRY.length).toBeGreaterThan(2);
  });
  afterAll(() => stack.stop());

  const apply = (body: Record<string, unknown>, token = secretary) =>
    stack.call('POST', '/v1/branches/yingtaogou/star-applications', { token, body });
  const decide = (id: string, body: Record<string, unknown>, token: string) =>
    stack.call('POST', `/v1/star-applications/${id}/decisions`, { token, body });
  const starItems = async () => (await stack.snapshot()).filter((i) => String(i.pk).startsWith('STAR'));

  async function uploadEvidence() {
    const p = await stack.call('POST', '/v1/uploads/star-evidence', {
      token: secretary,
      body: { branchId: 'yingtaogou', contentType: 'image/jpeg', size: SAMPLE_JPEG.length },
    });
    expect(p.status).toBe(200);
    expect((await uploadForm(p.body.url, p.body.fields, { bytes: SAMPLE_JPEG, type: 'image/jpeg', name: 'p.jpg' })).status).toBe(204);
    return p.body.key as string;
  }

  /** Both decisions read the same version; the conditional write lets exactly one through. */
  async function race(id: string, version: number, a: [string, Record<string, unknown>], b: [string, Record<string, unknown>]) {
    const [x, y] = await Promise.all([decide(id, { ...a[1], version }, a[0]), decide(id, { ...b[1], version }, b[0])]);
    const statuses = [x.status, y.status].sort();
    expect(statuses).toEqual([200, 409]);
    expect([x, y].find((r) => r.status === 409)?.body.code).toBe('CONFLICT');
    return (x.status === 200 ? x : y).body;
  }

  let appId = '';

  it('refuses an assessment that leaves out an item of the star, naming it, and writes nothing', async () => {
    const partial = assessment().slice(1);
    const res = await apply({ star: 'industry', clientKey: 'star-test-partial-1', items: partial });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'body.items', code: 'missing_item' })]);
    const foreign = await apply({
      star: 'industry',
      clientKey: 'star-test-partial-2',
      items: [...assessment(), { ...assessment()[0], itemId: 'x-t9' }],
    });
    expect([foreign.status, foreign.body.details[0].code]).toEqual([400, 'unknown_item']);
    const offSet = await apply({ star: 'business', clientKey: 'star-test-partial-3', items: assessment() });
    expect(offSet.status).toBe(400);
    const foreignPhoto = await apply({
      star: 'industry',
      clientKey: 'star-test-partial-4',
      items: assessment(['star-evidence/jianxinnanjie/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg']),
    });
    expect([foreignPhoto.status, foreignPhoto.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ path: 'body.items.0.photos.0', code: 'foreign_photo' }),
    ]);
    expect(await starItems()).toEqual([]);
  });

  it('the secretary applies for one star with evidence; a retry lands on the same application, a second one is refused', async () => {
    const photo = await uploadEvidence();
    expect(photo).toMatch(/^star-evidence\/yingtaogou\/[A-Z0-9]+\.jpg$/);
    const body = { star: 'industry', clientKey: 'star-test-apply-01', items: assessment([photo]) };
    const res = await apply(body);
    expect(res.status).toBe(201);
    appId = res.body.application.id;
    expect(res.body.application).toMatchObject({ status: 'township_review', version: 1, catalogueVersion, total: INDUSTRY.length });
    expect(res.body.application.met).toBe(INDUSTRY.length - 1);
    expect(res.body.items.map((i: { itemId: string }) => i.itemId)).toEqual(INDUSTRY.map((c) => c.itemId));
    expect(res.body.items[0].photoUrls).toHaveLength(1);
    expect(res.body.items[1]).toMatchObject({ met: false, note: '合作社年底挂牌', title: INDUSTRY[1].title });
    expect(res.body.history.map((e: { kind: string }) => e.kind)).toEqual(['applied']);
    expect(res.body.context).toBeUndefined();
    expect(res.body.canReadContext).toBe(false);

    const retry = await apply(body);
    expect([retry.status, retry.body.application.id]).toEqual([201, appId]);
    const again = await apply({ ...body, clientKey: 'star-test-apply-02' });
    expect([again.status, again.body.code]).toEqual([409, 'CONFLICT']);
    expect((await starItems()).filter((i) => i.entity === 'star-application')).toHaveLength(1);

    // Only the branch's own secretary applies; a cadre may read.
    expect((await apply({ ...body, clientKey: 'star-test-apply-03' }, cadre)).status).toBe(403);
    const list = await stack.call('GET', '/v1/branches/yingtaogou/star-applications', { token: cadre });
    expect(list.body.applications.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([[appId, 'township_review']]);
  });

  it('初审 is the branch’s township’s: other townships are out of scope, the district waits its turn', async () => {
    const queue = await stack.call('GET', '/v1/star-applications', { token: gwhStaff, query: { stage: 'township' } });
    expect(queue.body.applications.map((a: { id: string }) => a.id)).toEqual([appId]);
    const elsewhere = await stack.call('GET', '/v1/star-applications', { token: wulibaoStaff, query: { stage: 'township' } });
    expect(elsewhere.body.applications).toEqual([]);
    expect((await decide(appId, { action: 'approve', version: 1 }, wulibaoStaff)).body.code).toBe('FORBIDDEN_SCOPE');
    expect((await stack.call('GET', `/v1/star-applications/${appId}`, { token: wulibaoStaff })).status).toBe(403);
    expect((await decide(appId, { action: 'approve', version: 1 }, admin)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await decide(appId, { action: 'award', version: 1 }, gwhStaff)).body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('reviewers see what the product knows beside the evidence: findings, veto hits and daily-report items of the star', async () => {
    const veto = INDUSTRY.find((c) => c.kind === 'veto');
    expect(veto).toBeDefined();
    const draft = await stack.call('POST', '/v1/inspections/drafts', {
      token: inspector,
      body: {
        content: {
          branchId: 'yingtaogou',
          visitedAt: now().toISOString(),
          location: '樱桃沟',
          photos: [],
          summary: '查看产业项目',
          findings: [
            { star: 'industry', description: '项目台账缺失', owner: '李明', deadline: today(), vetoItemId: veto?.itemId },
            { star: 'ecology', description: '垃圾清运不及时', owner: '李明', deadline: addDays(today(), 7) },
          ],
        },
      },
    });
    expect(draft.status).toBe(201);
    expect(
      (await stack.call('POST', `/v1/inspections/drafts/${draft.body.id}/record`, { token: inspector, body: { version: 1 } })).status,
    ).toBe(201);
    const report = await stack.call('PUT', `/v1/branches/yingtaogou/reports/${today()}`, {
      token: secretary,
      body: {
        content: {
          items: [
            { star: 'industry', text: '对接合作社订单' },
            { star: 'ecology', text: '清理河道' },
          ],
        },
        idempotencyKey: 'star-test-report-0001',
      },
    });
    expect(report.status).toBe(201);

    const seen = await stack.call('GET', `/v1/star-applications/${appId}`, { token: gwhStaff });
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual(['approve', 'return']);
    // The detail says the caller oversees the branch; the context is read from its own route (the planning function).
    expect(seen.body.canReadContext).toBe(true);
    expect(seen.body.context).toBeUndefined();
    const context = await stack.call('GET', `/v1/star-applications/${appId}/review-context`, { token: gwhStaff });
    expect(context.status).toBe(200);
    expect(context.body.findings).toEqual({ open: 1, overdue: 0, closed: 0 });
    expect(context.body.vetoHits).toEqual([expect.objectContaining({ vetoItemId: veto?.itemId, status: 'open' })]);
    expect(context.body.reportItems).toEqual([{ day: today(), text: '对接合作社订单' }]);
    // The branch itself sees its application without the reviewers' context, and may not read it.
    const own = await stack.call('GET', `/v1/star-applications/${appId}`, { token: secretary });
    expect([own.body.context, own.body.canReadContext, own.body.actions]).toEqual([undefined, false, []]);
    const ownContext = await stack.call('GET', `/v1/star-applications/${appId}/review-context`, { token: secretary });
    expect([ownContext.status, ownContext.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const missing = await stack.call('GET', '/v1/star-applications/01NOSUCHAPPLICATION0000000/review-context', { token: gwhStaff });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('a 退回 with reasons per item goes back to the secretary, who resubmits; racing 初审 decisions let one win', async () => {
    const returned = await race(
      appId,
      1,
      [gwhStaff, { action: 'return', reasons: [{ itemId: INDUSTRY[1].itemId, reason: '请补充合作社挂牌佐证' }], note: '补材料' }],
      [gwhStaff2, { action: 'return', reasons: [{ itemId: INDUSTRY[0].itemId, reason: '照片不清晰' }] }],
    );
    expect(returned.application).toMatchObject({ status: 'returned', version: 2 });
    expect(returned.items.filter((i: { returnReason?: string }) => i.returnReason)).toHaveLength(1);
    expect(returned.history.map((e: { kind: string }) => e.kind)).toEqual(['applied', 'township_returned']);
    const stale = await stack.call('PUT', `/v1/star-applications/${appId}`, {
      token: secretary,
      body: { version: 1, items: assessment() },
    });
    expect(stale.status).toBe(409);
    const again = await stack.call('PUT', `/v1/star-applications/${appId}`, {
      token: secretary,
      body: { version: 2, items: assessment().map((i) => ({ ...i, met: true })) },
    });
    expect(again.status).toBe(200);
    expect(again.body.application).toMatchObject({ status: 'township_review', version: 3, met: INDUSTRY.length });
    expect(again.body.items.every((i: { returnReason?: string }) => !i.returnReason)).toBe(true);

    const approved = await race(appId, 3, [gwhStaff, { action: 'approve', note: '材料齐全' }], [gwhStaff2, { action: 'approve' }]);
    expect(approved.application).toMatchObject({ status: 'district_review', version: 4 });
    expect(approved.history.map((e: { kind: string }) => e.kind)).toEqual([
      'applied',
      'township_returned',
      'resubmitted',
      'township_approved',
    ]);
    const events = (await starItems()).filter((i) => i.entity === 'star-application-event');
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
  });

  it('the district sets how many working days 公示 lasts (versioned)', async () => {
    const initial = await stack.call('GET', '/v1/star-rules', { token: gwhStaff });
    expect(initial.body).toEqual({ publicityWorkingDays: 5, annualReviewDate: '12-20', version: 0 });
    const bad = await stack.call('PUT', '/v1/star-rules', { token: admin, body: { publicityWorkingDays: 0, version: 0 } });
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'body.publicityWorkingDays']);
    const set = await stack.call('PUT', '/v1/star-rules', { token: admin, body: { publicityWorkingDays: 3, version: 0 } });
    expect(set.body).toEqual({ publicityWorkingDays: 3, annualReviewDate: '12-20', version: 1 });
    const stale = await stack.call('PUT', '/v1/star-rules', { token: admin2, body: { publicityWorkingDays: 9, version: 0 } });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    expect((await stack.call('GET', '/v1/star-rules', { token: admin })).body).toEqual({
      publicityWorkingDays: 3,
      annualReviewDate: '12-20',
      version: 1,
    });
  });

  it('复审 races let one win; approval opens 公示 over working days, and 授星 waits for it to end', async () => {
    const queue = await stack.call('GET', '/v1/star-applications', { token: admin, query: { stage: 'district' } });
    expect(queue.body.applications.map((a: { id: string }) => a.id)).toEqual([appId]);
    expect((await decide(appId, { action: 'approve', version: 4 }, gwhStaff)).body.code).toBe('FORBIDDEN_ROLE');

    const published = await race(
      appId,
      4,
      [admin, { action: 'approve' }],
      [admin2, { action: 'return', reasons: [{ itemId: INDUSTRY[0].itemId, reason: 'x' }] }],
    );
    const app = published.application;
    if (app.status === 'returned') {
      // The return won the race: resubmit and pass both reviews again, so the rest of the path is still walked.
      const re = await stack.call('PUT', `/v1/star-applications/${appId}`, { token: secretary, body: { version: 5, items: assessment() } });
      expect(re.status).toBe(200);
      expect((await decide(appId, { action: 'approve', version: 6 }, gwhStaff)).status).toBe(200);
      expect((await decide(appId, { action: 'approve', version: 7 }, admin)).status).toBe(200);
    }
    const current = (await stack.call('GET', `/v1/star-applications/${appId}`, { token: admin })).body;
    expect(current.application.status).toBe('publicity');
    const { publicityFrom, publicityUntil, version } = current.application;
    expect(publicityFrom > today()).toBe(true);
    // The three working days the district set: weekdays from the first day through the last, the last one a weekday.
    const days: string[] = [];
    for (let d = publicityFrom; d <= publicityUntil; d = addDays(d, 1)) days.push(d);
    const weekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    expect(days.filter(weekday)).toHaveLength(3);
    expect([weekday(publicityFrom), weekday(publicityUntil)]).toEqual([true, true]);
    // Every official in the district sees it on the 公示 board, without the self-assessment.
    const board = await stack.call('GET', '/v1/star-publicity', { token: await stack.tokenFor(DEMO.station_handler) });
    expect(board.body.applications.map((a: { id: string; publicityUntil: string }) => [a.id, a.publicityUntil])).toEqual([
      [appId, publicityUntil],
    ]);
    expect(JSON.stringify(board.body)).not.toContain('合作社年底挂牌');
    expect(current.actions).toEqual([]);
    const pubQueue = await stack.call('GET', '/v1/star-applications', { token: gwhStaff, query: { stage: 'publicity' } });
    expect(pubQueue.body.applications.map((a: { id: string }) => a.id)).toEqual([appId]);

    const early = await decide(appId, { action: 'award', version }, admin);
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    // On the last day of 公示 it has not ended yet.
    aheadDays = Math.round((Date.parse(`${publicityUntil}T12:00:00+08:00`) - Date.now()) / 86_400_000);
    expect(today()).toBe(publicityUntil);
    admin = await stack.tokenFor(DEMO.district_admin);
    expect((await decide(appId, { action: 'award', version }, admin)).body.code).toBe('ILLEGAL_TRANSITION');
    aheadDays += 1;
    // Tokens expire on the API's clock: issue them again after moving it.
    [admin, admin2, gwhStaff] = await Promise.all(
      [DEMO.district_admin, 'admin-2', 'demo-township-staff-gwh'].map((u) => stack.tokenFor(u)),
    );
    const offered = await stack.call('GET', `/v1/star-applications/${appId}`, { token: admin });
    expect(offered.body.actions).toEqual(['award']);
    // The finding's 整改时限 has passed meanwhile: the reviewers see it overdue.
    const offeredContext = await stack.call('GET', `/v1/star-applications/${appId}/review-context`, { token: admin });
    expect(offeredContext.body.findings).toEqual({ open: 1, overdue: 1, closed: 0 });
    expect((await decide(appId, { action: 'award', version }, gwhStaff)).body.code).toBe('FORBIDDEN_ROLE');
    const awarded = await race(appId, version, [admin, { action: 'award' }], [admin2, { action: 'award' }]);
    expect(awarded.application).toMatchObject({ status: 'awarded', version: version + 1 });
    expect(awarded.application.awardedAt).toBeDefined();
    expect(awarded.history.at(-1)).toMatchObject({ kind: 'awarded' });
    expect(awarded.history.map((e: { version: number }) => e.version)).toEqual(Array.from({ length: version + 1 }, (_, i) => i + 1));
    const after = await decide(appId, { action: 'award', version: version + 1 }, admin);
    expect([after.status, after.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    aheadDays = 0;
  });
});
