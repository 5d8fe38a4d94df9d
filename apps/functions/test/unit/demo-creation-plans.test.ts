import { SaveDistrictCreationPlanBody, SaveTownshipCreationPlanBody } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { belowDistrictErrors, countLevels, keyDateErrors, targetErrors } from '../../src/features/creation-plans/creation-plan';
import { DEMO_PLAN_TOWNSHIP, DEMO_PLAN_YEAR, demoCreationPlans } from '../../src/local/demo-creation-plans';
import { buildDemoData } from '../../src/local/demo-data';
import { demoBaselineStars } from '../../src/local/ranking-demo';

describe('the demo’s 2026 创建规划', () => {
  const data = buildDemoData();
  const { district, township } = demoCreationPlans(data);
  const levels = new Map(demoBaselineStars(data).map((b) => [b.branchId, b.stars.length]));
  const branchesOf = (t: string) => data.branches.filter((b) => b.townshipId === t);

  it('passes the contract and the rules the server applies', () => {
    expect(SaveDistrictCreationPlanBody.safeParse(district).success).toBe(true);
    expect(SaveTownshipCreationPlanBody.safeParse(township).success).toBe(true);
    for (const t of district.townships) expect(targetErrors(t.targets, branchesOf(t.townshipId).length, t.townshipId)).toEqual([]);
    const asked = district.townships.find((t) => t.townshipId === DEMO_PLAN_TOWNSHIP)!.targets;
    expect(belowDistrictErrors(township.targets, asked, 'targets')).toEqual([]);
    expect(targetErrors(township.targets, branchesOf(DEMO_PLAN_TOWNSHIP).length, 'targets')).toEqual([]);
    expect([...keyDateErrors(district.keyDates, DEMO_PLAN_YEAR), ...keyDateErrors(township.keyDates, DEMO_PLAN_YEAR)]).toEqual([]);
  });

  it('asks every township to double its baseline 四星 (within its branches), from the demo baselines', () => {
    expect(district.townships.map((t) => t.townshipId)).toEqual(data.townships.map((t) => t.id));
    for (const t of district.townships) {
      const branches = branchesOf(t.townshipId);
      const baseline = countLevels(branches.map((b) => levels.get(b.id) ?? 0));
      expect(t.targets.fourStar).toBe(Math.min(2 * baseline.fourStar, branches.length));
      expect(t.targets.fiveStar).toBe(baseline.fiveStar);
    }
    expect(township.branchTargets.map((b) => b.level)).toEqual(
      branchesOf(DEMO_PLAN_TOWNSHIP).map((b) => Math.min(5, (levels.get(b.id) ?? 0) + 1)),
    );
  });
});
