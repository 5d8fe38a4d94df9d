import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import type { StoredStarApplication } from '../../src/features/stars/star-application';
import { DynamoStarApplicationRepository } from '../../src/features/stars/star-application-repository.dynamodb';
import { addDays, shanghaiDay } from '../../src/platform/kernel/shanghai-time';
import { createHttpTestStack, type HttpTestStack } from '../support/http-stack';
import { DEMO } from '../support/test-stack';

const OBJECTOR_ID = 'anon-objector-4q9z';
const OBJECTOR_NAME = '匿名测试居民甲';
const OFFICIALS = ['cadre', 'secretary', 'township_staff', 'inspector', 'station_handler', 'leader', 'district_admin'] as const;

describe('公示 objections on DynamoDB Local: anyone objects, the district resolves, 授星 waits', () => {
  let stack: HttpTestStack;
  const logs: string[] = [];
  let aheadDays = 0;
  const now = () => new Date(Date.now() + aheadDays * 86_400_000);
  const today = () => shanghaiDay(now());
  let resident: string;
  let cadre: string;
  let admin: string;
  let admin2: string;
  let gwhStaff: string;
  const until = () => addDays(shanghaiDay(new Date()), 3);

  /** An application already through both reviews, in 公示 until three days from now (real items, real table). */
  async function inPublicity(id: string, star: StoredStarApplication['star']) {
    const at = new Date().toISOString();
    const app: StoredStarApplication = {
      id,
      districtId: 'erqi',
      townshipId: 'demo-gwh',
      branchId: 'yingtaogou',
      branchName: '樱桃沟社区',
      star,
      catalogueVersion: 1,
      items: [{ itemId: `${star}-t1`, kind: 'task', title: '任务', met: true, note: '', photos: [] }],
      status: 'publicity',
      version: 5,
      clientKey: `objection-test-${id}`,
      submittedAt: at,
      submittedBy: 'demo-secretary',
      updatedAt: at,
      publicityFrom: shanghaiDay(new Date()),
      publicityUntil: until(),
    };
    await new DynamoStarApplicationRepository(stack.doc, stack.tableName).create(app, {
      at,
      version: 5,
      kind: 'district_approved',
      actorId: 'demo-district-admin',
      actorName: '区委组织部',
    });
  }

  const object = (appId: string, body: Record<string, unknown>, token = resident) =>
    stack.call('POST', `/v1/star-applications/${appId}/objections`, { token, body });
  const resolve = (appId: string, objectionId: string, body: Record<string, unknown>, token = admin) =>
    stack.call('POST', `/v1/star-applications/${appId}/objections/${objectionId}/resolution`, { token, body });
  const starItems = async () => (await stack.snapshot()).filter((i) => String(i.pk).startsWith('STAR'));

  beforeAll(async () => {
    const capture = (m: string, extra?: Record<string, unknown>) => logs.push(JSON.stringify({ m, ...extra }));
    stack = await createHttpTestStack({ clock: { now }, logger: { info: capture, warn: capture, error: capture } });
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: profileItem({ id: OBJECTOR_ID, displayName: OBJECTOR_NAME, isDemo: false, createdAt: '2026-02-01T00:00:00.000Z' }),
      }),
    );
    await inPublicity('OBJAPP1', 'industry');
    await inPublicity('OBJAPP2', 'ecology');
    resident = await stack.tokenFor(OBJECTOR_ID);
    cadre = await stack.tokenFor(DEMO.cadre);
    admin = await stack.tokenFor(DEMO.district_admin);
    gwhStaff = await stack.tokenFor('demo-township-staff-gwh');
    const createdAt = '2026-02-01T00:00:00.000Z';
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: profileItem({ id: 'admin-2', displayName: '第二审核人', isDemo: false, createdAt }),
      }),
    );
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: bindingItem({
          bindingId: 'admin-2-b1',
          userId: 'admin-2',
          role: 'district_admin',
          scope: { level: 'district', districtId: 'erqi' },
          scopeLabel: '二七区',
          holderName: '第二审核人',
          createdAt,
          createdBy: 'test',
        }),
      }),
    );
  });
  afterAll(() => stack.stop());

  let anonId = '';
  let namedId = '';

  it('a resident sees their community’s 公示 (and only that community’s) and objects anonymously; a retry lands once', async () => {
    const board = await stack.call('GET', '/v1/branches/yingtaogou/star-publicity', { token: resident });
    expect(board.status).toBe(200);
    expect(board.body.applications.map((a: { id: string }) => a.id).sort()).toEqual(['OBJAPP1', 'OBJAPP2']);
    expect(JSON.stringify(board.body)).not.toContain('items');
    const other = await stack.call('GET', '/v1/branches/jianxinnanjie/star-publicity', { token: resident });
    expect([other.status, other.body.applications]).toEqual([200, []]);
    expect((await stack.call('GET', '/v1/branches/nowhere/star-publicity', { token: resident })).status).toBe(404);

    const bad = await object('OBJAPP1', { text: '短', anonymous: true, clientKey: 'objection-key-000' });
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'body.text']);
    expect((await starItems()).filter((i) => i.entity === 'star-objection')).toEqual([]);

    const body = { text: '该社区的合作社并未实际运营，申报材料与实际不符', anonymous: true, clientKey: 'objection-key-001' };
    const res = await object('OBJAPP1', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ applicationId: 'OBJAPP1', status: 'open', anonymous: true, branchName: '樱桃沟社区' });
    anonId = res.body.id;
    const retry = await object('OBJAPP1', body);
    expect([retry.status, retry.body.id]).toEqual([201, anonId]);
    // The same key on another award is not a retry of this one.
    const reused = await object('OBJAPP2', { ...body, text: '同一请求编号用于另一份申报' });
    expect([reused.status, reused.body.code]).toEqual([409, 'CONFLICT']);
    const named = await object(
      'OBJAPP1',
      { text: '本人是该社区网格员，项目台账不全', anonymous: false, clientKey: 'objection-key-002' },
      cadre,
    );
    expect(named.status).toBe(201);
    namedId = named.body.id;

    // Stored sealed: the objector's account and name are nowhere in clear.
    const stored = await starItems();
    expect(stored.filter((i) => i.entity === 'star-objection')).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(OBJECTOR_ID);
    expect(JSON.stringify(stored)).not.toContain(OBJECTOR_NAME);
    expect(stored.find((i) => i.pk === 'STARAPP#OBJAPP1' && i.sk === 'APP')?.openObjections).toBe(2);

    const mine = await stack.call('GET', '/v1/star-objections/mine', { token: resident });
    expect(mine.body.objections.map((o: { id: string }) => o.id)).toEqual([anonId]);
  });

  it('no official sees the anonymous objector, in any response or log; the named one shows a display name only', async () => {
    const paths = [
      '/v1/star-applications/OBJAPP1/objections',
      '/v1/star-applications/OBJAPP1',
      '/v1/star-publicity',
      '/v1/branches/yingtaogou/star-publicity',
      '/v1/branches/yingtaogou/star-applications',
    ];
    let listed = 0;
    for (const role of OFFICIALS) {
      const token = await stack.tokenFor(DEMO[role]);
      for (const path of [...paths, '/v1/star-applications?stage=publicity']) {
        const res = await stack.call('GET', path, { token });
        const text = JSON.stringify(res.body);
        expect(text, `${role} GET ${path}`).not.toContain(OBJECTOR_ID);
        expect(text, `${role} GET ${path}`).not.toContain(OBJECTOR_NAME);
        if (path.endsWith('/objections') && res.status === 200) listed++;
      }
    }
    expect(listed).toBe(1);
    const list = await stack.call('GET', '/v1/star-applications/OBJAPP1/objections', { token: admin });
    const byId = new Map(list.body.objections.map((o: { id: string }) => [o.id, o]));
    expect(byId.get(anonId)).not.toHaveProperty('objectorName');
    expect(byId.get(namedId)).toMatchObject({ anonymous: false, objectorName: expect.any(String) });
    // The counts are public to officials, the identities are not.
    const detail = await stack.call('GET', '/v1/star-applications/OBJAPP1', { token: admin });
    expect(detail.body.application.openObjections).toBe(2);
    // Only the district reads objections.
    expect((await stack.call('GET', '/v1/star-applications/OBJAPP1/objections', { token: gwhStaff })).status).toBe(403);
    expect(logs.join('\n')).not.toContain(OBJECTOR_ID);
  });

  it('授星 is refused while an objection is open; racing resolutions let one win; a dismissal needs a reason', async () => {
    // After 公示: no new objection, and no award while two are open.
    aheadDays = Math.round((Date.parse(`${until()}T12:00:00+08:00`) - Date.now()) / 86_400_000) + 1;
    [resident, admin, admin2, gwhStaff] = await Promise.all(
      [OBJECTOR_ID, DEMO.district_admin, 'admin-2', 'demo-township-staff-gwh'].map((u) => stack.tokenFor(u)),
    );
    expect(today() > until()).toBe(true);
    const late = await object('OBJAPP1', { text: '再提一条新的异议内容', anonymous: true, clientKey: 'objection-key-003' });
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const early = await stack.call('POST', '/v1/star-applications/OBJAPP1/decisions', {
      token: admin,
      body: { action: 'award', version: 5 },
    });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await stack.call('GET', '/v1/star-applications/OBJAPP1', { token: admin })).body.actions).toEqual([]);

    const noReason = await resolve('OBJAPP1', anonId, { action: 'dismiss', reason: ' ', version: 1 });
    expect([noReason.status, noReason.body.details[0].path]).toEqual([400, 'body.reason']);
    expect((await resolve('OBJAPP1', anonId, { action: 'dismiss', reason: '不属实', version: 1 }, gwhStaff)).status).toBe(403);

    const [x, y] = await Promise.all([
      resolve('OBJAPP1', anonId, { action: 'dismiss', reason: '经核实，合作社已登记并运营', version: 1 }, admin),
      resolve('OBJAPP1', anonId, { action: 'dismiss', reason: '另一审核人的理由', version: 1 }, admin2),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const again = await resolve('OBJAPP1', anonId, { action: 'dismiss', reason: '重复处理', version: 2 });
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await stack.call('GET', '/v1/star-applications/OBJAPP1', { token: admin })).body.application.openObjections).toBe(1);

    const second = await resolve('OBJAPP1', namedId, { action: 'dismiss', reason: '台账已补齐', version: 1 });
    expect(second.status).toBe(200);
    expect(second.body.objections.every((o: { status: string }) => o.status === 'dismissed')).toBe(true);
    const offered = await stack.call('GET', '/v1/star-applications/OBJAPP1', { token: admin });
    expect(offered.body.actions).toEqual(['award']);
    const awarded = await stack.call('POST', '/v1/star-applications/OBJAPP1/decisions', {
      token: admin,
      body: { action: 'award', version: 5 },
    });
    expect([awarded.status, awarded.body.application.status]).toEqual([200, 'awarded']);

    // The objector learns the outcome and the reason, not who decided it privately.
    const mine = await stack.call('GET', '/v1/star-objections/mine', { token: resident });
    expect(mine.body.objections[0]).toMatchObject({ id: anonId, status: 'dismissed', resolution: { reason: expect.any(String) } });
    aheadDays = 0;
  });

  it('an upheld objection stops the award: audited on the application, no 授星, no further objections', async () => {
    [resident, admin] = await Promise.all([OBJECTOR_ID, DEMO.district_admin].map((u) => stack.tokenFor(u)));
    const filed = await object('OBJAPP2', { text: '生态项目存在违规占地问题', anonymous: true, clientKey: 'objection-key-004' });
    expect(filed.status).toBe(201);
    const upheld = await resolve('OBJAPP2', filed.body.id, { action: 'uphold', reason: '经核实存在违规占地', version: 1 });
    expect(upheld.status).toBe(200);
    const detail = await stack.call('GET', '/v1/star-applications/OBJAPP2', { token: admin });
    expect(detail.body.application).toMatchObject({ status: 'stopped', version: 6 });
    expect(detail.body.application.openObjections).toBeUndefined();
    expect(detail.body.history.at(-1)).toMatchObject({ kind: 'objection_upheld', version: 6, note: '经核实存在违规占地' });
    expect(detail.body.actions).toEqual([]);
    const award = await stack.call('POST', '/v1/star-applications/OBJAPP2/decisions', {
      token: admin,
      body: { action: 'award', version: 6 },
    });
    expect([award.status, award.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const more = await object('OBJAPP2', { text: '补充一条新的异议内容', anonymous: false, clientKey: 'objection-key-005' });
    expect([more.status, more.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const board = await stack.call('GET', '/v1/star-publicity', { token: admin });
    expect(board.body.applications.map((a: { id: string }) => a.id)).not.toContain('OBJAPP2');
  });
});
