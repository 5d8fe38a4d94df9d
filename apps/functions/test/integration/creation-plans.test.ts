import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { starSetFor } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starEntities } from '../../src/features/stars/stars.entities';
import { buildDemoData } from '../../src/local/demo-data';
import { createHttpTestStack, type HttpTestStack } from '../support/http-stack';
import { DEMO } from '../support/test-stack';

const GWH = buildDemoData().branches.filter((b) => b.townshipId === 'demo-gwh');
const RURAL = starSetFor('rural');
const YEAR = 2026;

describe('区乡村三级创建规划 on DynamoDB Local', () => {
  let stack: HttpTestStack;
  let admin: string;
  let leader: string;
  let gwhStaff: string;
  let wulibaoStaff: string;
  let secretary: string;
  const planItems = async () => (await stack.snapshot()).filter((i) => String(i.pk).startsWith('CPLAN'));
  const district = (token = admin) => stack.call('GET', `/v1/creation-plans/${YEAR}/district`, { token });
  const saveDistrict = (body: unknown, token = admin) => stack.call('PUT', `/v1/creation-plans/${YEAR}/district`, { token, body });
  const township = (id: string, token: string) => stack.call('GET', `/v1/creation-plans/${YEAR}/townships/${id}`, { token });
  const saveTownship = (id: string, body: unknown, token = gwhStaff) =>
    stack.call('PUT', `/v1/creation-plans/${YEAR}/townships/${id}`, { token, body });
  const progress = (token = admin) => stack.call('GET', `/v1/creation-plans/${YEAR}/progress`, { token });
  const gwhRow = (body: { townships: { townshipId: string; [k: string]: unknown }[] }) =>
    body.townships.find((t) => t.townshipId === 'demo-gwh');

  beforeAll(async () => {
    stack = await createHttpTestStack();
    admin = await stack.tokenFor(DEMO.district_admin);
    leader = await stack.tokenFor(DEMO.leader);
    gwhStaff = await stack.tokenFor('demo-township-staff-gwh');
    wulibaoStaff = await stack.tokenFor(DEMO.township_staff);
    secretary = await stack.tokenFor(DEMO.secretary);
    // 示例管委会's baseline: one 五星, one 四星, one 三星 branch (the rest none).
    const levels = [5, 4, 3];
    for (const [i, level] of levels.entries()) {
      const res = await stack.call('PUT', `/v1/branches/${GWH[i].id}/baseline-stars`, {
        token: admin,
        body: { stars: RURAL.slice(0, level), heldFrom: `${YEAR}-01-01` },
      });
      expect(res.status).toBe(200);
    }
    // The 三星 branch since earned a fourth star (as an award writes it): today it is a 四星 branch.
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: starEntities.heldStar.item(
          { branchId: GWH[2].id, star: RURAL[3] },
          {
            branchId: GWH[2].id,
            districtId: 'erqi',
            townshipId: 'demo-gwh',
            branchName: GWH[2].name,
            star: RURAL[3],
            heldFrom: `${YEAR}-06-01`,
            basis: 'award',
            applicationId: 'CPAPP1',
            version: 1,
            recordedAt: `${YEAR}-06-01T02:00:00.000Z`,
            recordedBy: 'test',
          },
        ),
      }),
    );
  });
  afterAll(() => stack.stop());

  it('progress counts the baseline and today’s stars from the held-star records, with ×2 for 四星', async () => {
    const res = await progress();
    expect(res.status).toBe(200);
    const row = gwhRow(res.body);
    expect(row).toEqual({
      townshipId: 'demo-gwh',
      name: '示例管委会',
      branchCount: GWH.length,
      baseline: { threeStar: 3, fourStar: 2, fiveStar: 1 },
      current: { threeStar: 3, fourStar: 3, fiveStar: 1 },
      // Until a plan is saved: 四星倍增 doubles the baseline, and no fewer 三星 than 四星.
      targets: { threeStar: 4, fourStar: 4, fiveStar: 1 },
      targetsFrom: 'default',
      fourStarDouble: 4,
    });
    // The same levels the stars feature shows branch by branch.
    const levels = await Promise.all(GWH.slice(0, 3).map((b) => stack.call('GET', `/v1/branches/${b.id}/stars`, { token: admin })));
    expect(levels.map((l) => l.body.level)).toEqual([5, 4, 4]);
    // A township without any baseline counts nothing.
    expect(res.body.townships.find((t: { townshipId: string }) => t.townshipId === 'wulibao').baseline).toEqual({
      threeStar: 0,
      fourStar: 0,
      fiveStar: 0,
    });
  });

  it('a branch reads the progress of its own township only', async () => {
    const res = await progress(secretary);
    expect([res.status, res.body.townships.map((t: { townshipId: string }) => t.townshipId)]).toEqual([200, ['demo-gwh']]);
  });

  it('the district plan: validated field by field with nothing written, then versioned, audited and idempotent', async () => {
    const before = await district(leader);
    expect([before.status, before.body.version, gwhRow(before.body)?.targets]).toEqual([
      200,
      0,
      { threeStar: 4, fourStar: 4, fiveStar: 1 },
    ]);
    const bad = await saveDistrict({
      townships: [
        { townshipId: 'demo-gwh', targets: { threeStar: 2, fourStar: 3, fiveStar: 9 } },
        { townshipId: 'nowhere', targets: { threeStar: 0, fourStar: 0, fiveStar: 0 } },
      ],
      keyDates: [{ name: '年度评星', date: '2027-01-10' }],
      responsibleUnits: ['区委组织部'],
      version: 0,
    });
    expect(bad.status).toBe(404);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.keyDates.0.date',
      'body.townships.0.targets.fiveStar',
      'body.townships.0.targets.fiveStar',
      'body.townships.0.targets.fourStar',
      'body.townships.1.townshipId',
    ]);
    const shape = await saveDistrict({ townships: [], keyDates: [{ name: '', date: '2026-13-01' }], responsibleUnits: [], version: 0 });
    expect(shape.status).toBe(400);
    expect(await planItems()).toEqual([]);

    const body = {
      townships: [{ townshipId: 'demo-gwh', targets: { threeStar: 5, fourStar: 4, fiveStar: 2 } }],
      keyDates: [{ name: '年中观摩', date: '2026-07-15' }],
      responsibleUnits: ['区委组织部', '区委社治委'],
      version: 0,
    };
    const saved = await saveDistrict(body);
    expect([saved.status, saved.body.version, gwhRow(saved.body)?.targets, saved.body.responsibleUnits]).toEqual([
      200,
      1,
      body.townships[0].targets,
      body.responsibleUnits,
    ]);
    // A retry of the same save answers what it made; another edit from version 0 is refused.
    const retry = await saveDistrict(body);
    expect([retry.status, retry.body.version]).toEqual([200, 1]);
    const stale = await saveDistrict({ ...body, responsibleUnits: ['区委政法委'] });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const next = await saveDistrict({ ...body, keyDates: [], version: 1 });
    expect([next.status, next.body.version, next.body.history.map((h: { version: number }) => h.version)]).toEqual([200, 2, [2, 1]]);
    const revisions = (await planItems()).filter((i) => String(i.pk).startsWith('CPLANREV#'));
    expect(revisions.map((r) => (r.plan as { keyDates: unknown[] }).keyDates.length).sort()).toEqual([0, 1]);

    const forbidden = await saveDistrict({ ...body, version: 2 }, gwhStaff);
    expect(forbidden.status).toBe(403);
  });

  it('a township plan: its own staff only, at least the district’s targets, per-branch levels', async () => {
    const body = {
      targets: { threeStar: 6, fourStar: 5, fiveStar: 2 },
      keyDates: [{ name: '村级自评', date: '2026-09-30' }],
      responsibleUnits: ['管委会党工委'],
      branchTargets: [{ branchId: GWH[1].id, level: 5 }],
      version: 0,
    };
    const other = await saveTownship('demo-gwh', body, wulibaoStaff);
    expect(other.status).toBe(403);
    const byAdmin = await saveTownship('demo-gwh', body, admin);
    expect(byAdmin.status).toBe(403);
    const low = await saveTownship('demo-gwh', {
      ...body,
      targets: { threeStar: 4, fourStar: 4, fiveStar: 1 },
      branchTargets: [{ branchId: 'jianxinnanjie', level: 3 }],
    });
    expect(low.status).toBe(404);
    expect(low.body.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`).sort()).toEqual([
      'body.branchTargets.0.branchId:not_found',
      'body.targets.fiveStar:below_district',
      'body.targets.threeStar:below_district',
    ]);
    expect((await planItems()).filter((i) => String(i.sk).startsWith('TWN#'))).toEqual([]);

    const saved = await saveTownship('demo-gwh', body);
    expect([saved.status, saved.body.version, saved.body.districtTargets, saved.body.targets]).toEqual([
      200,
      1,
      { threeStar: 5, fourStar: 4, fiveStar: 2 },
      body.targets,
    ]);
    expect(GWH.slice(0, 3).map((b) => saved.body.branches.find((x: { branchId: string }) => x.branchId === b.id))).toEqual([
      { branchId: GWH[0].id, name: GWH[0].name, baselineLevel: 5, currentLevel: 5, targetLevel: 5 },
      { branchId: GWH[1].id, name: GWH[1].name, baselineLevel: 4, currentLevel: 4, targetLevel: 5 },
      { branchId: GWH[2].id, name: GWH[2].name, baselineLevel: 3, currentLevel: 4, targetLevel: 4 },
    ]);
    const stale = await saveTownship('demo-gwh', { ...body, responsibleUnits: [] });
    expect(stale.status).toBe(409);

    // Readable by its branches and the district; not by another township's staff.
    expect((await township('demo-gwh', secretary)).body.version).toBe(1);
    expect((await township('demo-gwh', admin)).body.targets).toEqual(body.targets);
    expect((await township('wulibao', leader)).status).toBe(200);
    expect((await township('demo-gwh', wulibaoStaff)).status).toBe(403);
    expect((await township('wulibao', secretary)).status).toBe(403);

    const row = gwhRow((await progress()).body);
    expect([row?.targets, row?.targetsFrom]).toEqual([body.targets, 'township']);
  });
});
