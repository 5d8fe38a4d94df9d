import type { BranchBoard, DistrictBoard, DistrictBoardRow, Role, TownshipBoard } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { readableBranch } from '../org/org.readers';
import { boardDay, branchSheet, byUrgency, taskInfoOf } from './board-progress';
import type { StoredPlan } from './branch-plan';
import { catalogueCache, catalogueNow } from './plan-catalogue';
import type { PlansPorts } from './plans.ports';

/** A township's rows from three queries (plans, task rollups, 问题清单) plus its branch list: never the updates. */
async function townshipRows(
  deps: PlansPorts,
  townshipId: string,
  year: number,
  asOf: string,
  catalogueOf: ReturnType<typeof catalogueCache>,
) {
  const [branches, plans, latest, findings] = await Promise.all([
    deps.org.listBranches(townshipId),
    deps.plans.listForTownship(townshipId, year),
    deps.plans.latestForTownship(townshipId, year),
    deps.inspections.listFindingsForTownship(townshipId),
  ]);
  const planOf = new Map<string, StoredPlan>(plans.map((p) => [p.branchId, p]));
  const latestOf = groupBy(latest, (l) => l.branchId);
  const findingsOf = groupBy(findings, (f) => f.branchId);
  const rows = await Promise.all(
    branches.map(async (b) => {
      const plan = planOf.get(b.id);
      const info = plan ? taskInfoOf(await catalogueOf(plan.catalogueVersion), b.type) : new Map();
      return branchSheet({ branch: b, plan, taskInfo: info, latest: latestOf.get(b.id) ?? [], findings: findingsOf.get(b.id) ?? [], asOf })
        .row;
    }),
  );
  return rows.sort(byUrgency);
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(key(x));
    if (list) list.push(x);
    else m.set(key(x), [x]);
  }
  return m;
}

export async function getTownshipBoard(
  deps: PlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  year: number,
): Promise<TownshipBoard> {
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  if (!bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const today = shanghaiDay(deps.clock.now());
  const branches = await townshipRows(deps, townshipId, year, boardDay(year, today), catalogueCache(deps));
  const sum = (f: (r: (typeof branches)[number]) => number) => branches.reduce((n, r) => n + f(r), 0);
  return {
    townshipId,
    townshipName: township.name,
    year,
    today,
    branches,
    totals: {
      branches: branches.length,
      approvedPlans: sum((r) => (r.planStatus === 'approved' ? 1 : 0)),
      tasks: sum((r) => r.tasks),
      done: sum((r) => r.done),
      overdueMilestones: sum((r) => r.overdueMilestones),
      openFindings: sum((r) => r.openFindings),
      doubleHalfPassed: sum((r) => (r.doubleHalf.status === 'passed' ? 1 : 0)),
    },
  };
}

/** The district's board: one township row per township in reach, each from its three queries. */
export async function getDistrictBoard(
  deps: PlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  year: number,
): Promise<DistrictBoard> {
  const reach = reachableTownships(bindingsFor(principal, allowed), deps.districtId);
  const townships = (await deps.org.listTownships(deps.districtId)).filter((t) => reach === 'all' || reach.has(t.id));
  const today = shanghaiDay(deps.clock.now());
  const asOf = boardDay(year, today);
  const catalogueOf = catalogueCache(deps);
  const rows: DistrictBoardRow[] = await Promise.all(
    townships.map(async (t) => {
      const branches = await townshipRows(deps, t.id, year, asOf, catalogueOf);
      const approved = branches.filter((r) => r.planStatus === 'approved');
      const sum = (f: (r: (typeof branches)[number]) => number) => branches.reduce((n, r) => n + f(r), 0);
      const avg = (f: (r: (typeof branches)[number]) => number) =>
        approved.length ? Math.round(approved.reduce((n, r) => n + f(r), 0) / approved.length) : 0;
      const targetLevels = [0, 0, 0, 0, 0, 0];
      for (const r of branches) targetLevels[Math.min(5, r.targetStars.length)] += 1;
      return {
        townshipId: t.id,
        name: t.name,
        branches: branches.length,
        approvedPlans: approved.length,
        tasks: sum((r) => r.tasks),
        done: sum((r) => r.done),
        plannedPercent: avg((r) => r.plannedPercent),
        actualPercent: avg((r) => r.actualPercent),
        overdueMilestones: sum((r) => r.overdueMilestones),
        openFindings: sum((r) => r.openFindings),
        doubleHalfPassed: sum((r) => (r.doubleHalf.status === 'passed' ? 1 : 0)),
        targetLevels,
      };
    }),
  );
  rows.sort(
    (a, b) =>
      b.overdueMilestones - a.overdueMilestones ||
      b.plannedPercent - b.actualPercent - (a.plannedPercent - a.actualPercent) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
  return { year, today, townships: rows };
}

/** One branch's sheet for its 四个一口清 page and 一图一表一清单 poster. */
export async function getBranchBoard(
  deps: PlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  year: number,
): Promise<BranchBoard> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const [township, plan, latest, findings] = await Promise.all([
    deps.org.getTownship(deps.districtId, branch.townshipId),
    deps.plans.get(branchId, year),
    deps.plans.latestForBranch(branchId, year),
    deps.inspections.listBranchFindings(branch.townshipId, branchId),
  ]);
  const catalogue = plan ? await catalogueCache(deps)(plan.catalogueVersion) : await catalogueNow(deps);
  const today = shanghaiDay(deps.clock.now());
  const { row, tasks } = branchSheet({
    branch,
    plan,
    taskInfo: taskInfoOf(catalogue, branch.type),
    latest,
    findings,
    asOf: boardDay(year, today),
  });
  const targets = new Set(row.targetStars);
  return {
    row,
    townshipName: township?.name ?? '',
    year,
    today,
    catalogueVersion: catalogue.version,
    responsibles: (plan?.content.stars ?? []).map((s) => ({ star: s.star, responsible: s.responsible, leadDepartment: s.leadDepartment })),
    tasks,
    vetoes: catalogue.content[branch.type]
      .filter((s) => targets.has(s.star))
      .flatMap((s) => s.vetoes.map((v) => ({ star: s.star, text: v.text }))),
    ...(plan?.reviewNote ? { reviewNote: plan.reviewNote } : {}),
  };
}
