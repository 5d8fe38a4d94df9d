import type { SaveDistrictCreationPlanBody, SaveTownshipCreationPlanBody } from '@chuangxing/shared';
import { countLevels, defaultTargets } from '../features/creation-plans/creation-plan';
import { buildDemoData, type DemoData } from './demo-data';
import { demoBaselineStars } from './ranking-demo';

export const DEMO_PLAN_YEAR = 2026;
/** The township whose staff (示例管委会's 王主任 in the demo) keep a plan of their own. */
export const DEMO_PLAN_TOWNSHIP = 'demo-gwh';

/**
 * The demo's 2026 plans, from the demo baselines: the district asks each township for its default targets (四星
 * doubled, within its branches) and 示例管委会 sets its own, one more 三星 branch than asked where it has room, and a
 * level per branch one above its baseline (up to its star set).
 */
export function demoCreationPlans(data: DemoData = buildDemoData()) {
  const baselines = new Map(demoBaselineStars(data).map((b) => [b.branchId, b.stars.length]));
  const levelsOf = (townshipId: string) => data.branches.filter((b) => b.townshipId === townshipId);
  const targetsOf = (townshipId: string) => {
    const branches = levelsOf(townshipId);
    return defaultTargets(countLevels(branches.map((b) => baselines.get(b.id) ?? 0)), branches.length);
  };
  const keyDates = (names: [string, string][]) => names.map(([name, day]) => ({ name, date: `${DEMO_PLAN_YEAR}-${day}` }));
  const district: SaveDistrictCreationPlanBody = {
    townships: data.townships.map((t) => ({ townshipId: t.id, targets: targetsOf(t.id) })),
    keyDates: keyDates([
      ['创星计划报备', '03-31'],
      ['年中观摩推进', '07-15'],
      ['年度评星定级', '12-20'],
    ]),
    responsibleUnits: ['区委组织部', '区委政法委', '区委社治委', '区农委'],
    version: 0,
  };
  const own = levelsOf(DEMO_PLAN_TOWNSHIP);
  const asked = targetsOf(DEMO_PLAN_TOWNSHIP);
  const township: SaveTownshipCreationPlanBody = {
    targets: { ...asked, threeStar: Math.min(own.length, asked.threeStar + 1) },
    keyDates: keyDates([
      ['村级自评', '06-30'],
      ['乡镇初审', '11-30'],
    ]),
    responsibleUnits: ['管委会党工委', '管委会组织办'],
    branchTargets: own.map((b) => ({ branchId: b.id, level: Math.min(5, (baselines.get(b.id) ?? 0) + 1) })),
    version: 0,
  };
  return { district, township };
}

/**
 * `npm start` only: the demo's 2026 plans, saved through the API by the demo district admin and 示例管委会's staff
 * as they would. A plan already saved (a restart: 409) is left as it is.
 */
export async function publishDemoCreationPlans(o: { apiUrl: string; adminToken: string; staffToken: string }) {
  const { district, township } = demoCreationPlans();
  const put = async (path: string, token: string, body: unknown) => {
    const res = await fetch(`${o.apiUrl}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200 && res.status !== 409)
      throw new Error(`示例创建规划：PUT ${path} → ${res.status} ${(await res.text()).slice(0, 200)}`);
    return res.status === 200;
  };
  const base = `/v1/creation-plans/${DEMO_PLAN_YEAR}`;
  const made = await put(`${base}/district`, o.adminToken, district);
  await put(`${base}/townships/${DEMO_PLAN_TOWNSHIP}`, o.staffToken, township);
  return made;
}
