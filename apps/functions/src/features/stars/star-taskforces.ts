import {
  type PutStarTaskforcesBody,
  type Role,
  STAR_APPLICATION_STATUSES,
  STAR_SETS,
  STAR_TASKFORCE_DEFAULTS,
  STARS,
  type Star,
  type StarStatusCounts,
  type StarTaskforceBoard,
  type StarTaskforceRow,
  type StarTaskforces,
} from '@chuangxing/shared';
import { forbiddenRole, forbiddenScope, invalid } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { StoredStarTaskforces } from './star-application-repository';
import { taskforceStars } from './star-scope';
import type { StarsPorts } from './stars.ports';

/** Every star with its department: as saved, the default for a star never saved. */
export function taskforcesOf(stored: StoredStarTaskforces): StarTaskforces {
  const saved = new Map(stored.departments.map((d) => [d.star, d.department]));
  return {
    taskforces: STARS.map((star) => ({ star, department: saved.get(star) ?? STAR_TASKFORCE_DEFAULTS[star] })),
    version: stored.version,
  };
}

export async function getStarTaskforces(deps: Pick<StarsPorts, 'districtId' | 'applications'>): Promise<StarTaskforces> {
  return taskforcesOf(await deps.applications.getTaskforces(deps.districtId));
}

/** The district admin assigns every star its department at once; versioned (of two edits on one version, one wins). */
export async function putStarTaskforces(
  deps: Pick<StarsPorts, 'districtId' | 'applications' | 'clock'>,
  principal: Principal,
  allowed: readonly Role[],
  body: PutStarTaskforcesBody,
): Promise<StarTaskforces> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
  const seen = new Set<Star>();
  body.taskforces.forEach((t, i) => {
    if (seen.has(t.star)) throw invalid(`body.taskforces.${i}.star`, '每颗星只能指定一个专班', 'duplicate_star');
    seen.add(t.star);
  });
  await deps.applications.putTaskforces(
    deps.districtId,
    {
      departments: body.taskforces.map((t) => ({ star: t.star, department: t.department })),
      version: body.version + 1,
      updatedAt: deps.clock.now().toISOString(),
      updatedBy: principal.user.id,
    },
    body.version,
  );
  return getStarTaskforces(deps);
}

const zeroCounts = (): StarStatusCounts => Object.fromEntries(STAR_APPLICATION_STATUSES.map((s) => [s, 0])) as unknown as StarStatusCounts;
const emptyRow = (): StarTaskforceRow => ({ branches: 0, holding: 0, applications: zeroCounts(), findings: { open: 0, overdue: 0 } });

/**
 * The 专班's progress board for its star, per township: branches whose star set has the star (the township's
 * counters), branches holding it, applications by status and open / overdue findings against it. Reads: the
 * townships, the district's held stars and its applications (one index query each) and each township's findings
 * (one query per township, as the findings reader serves them).
 */
export async function getStarTaskforceBoard(
  deps: Pick<StarsPorts, 'districtId' | 'applications' | 'held' | 'org' | 'findings' | 'clock'>,
  principal: Principal,
  allowed: readonly Role[],
  star: Star,
): Promise<StarTaskforceBoard> {
  const admin = isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId);
  if (!admin && !taskforceStars(principal, allowed, deps.districtId).has(star)) throw forbiddenScope();
  const today = shanghaiDay(deps.clock.now());
  const [townships, held, apps, stored] = await Promise.all([
    deps.org.listTownships(deps.districtId),
    deps.held.listHeldInDistrict(deps.districtId),
    deps.applications.listInDistrict(deps.districtId),
    deps.applications.getTaskforces(deps.districtId),
  ]);
  const findings = await Promise.all(townships.map((t) => deps.findings.listFindingsForTownship(t.id)));
  const rows = new Map(townships.map((t) => [t.id, emptyRow()]));
  for (const t of townships) {
    const row = rows.get(t.id) as StarTaskforceRow;
    row.branches = (STAR_SETS.rural.includes(star) ? t.counts.rural : 0) + (STAR_SETS.community.includes(star) ? t.counts.community : 0);
  }
  for (const h of held) {
    const row = rows.get(h.townshipId);
    if (row && h.star === star) row.holding++;
  }
  for (const a of apps) {
    const row = rows.get(a.townshipId);
    if (row && a.star === star) row.applications[a.status]++;
  }
  townships.forEach((t, i) => {
    const row = rows.get(t.id) as StarTaskforceRow;
    for (const f of findings[i])
      if (f.star === star && f.status !== 'closed') {
        row.findings.open++;
        if (f.deadline < today) row.findings.overdue++;
      }
  });
  const total = emptyRow();
  for (const row of rows.values()) {
    total.branches += row.branches;
    total.holding += row.holding;
    total.findings.open += row.findings.open;
    total.findings.overdue += row.findings.overdue;
    for (const s of STAR_APPLICATION_STATUSES) total.applications[s] += row.applications[s];
  }
  const department = taskforcesOf(stored).taskforces.find((t) => t.star === star)?.department ?? STAR_TASKFORCE_DEFAULTS[star];
  return {
    star,
    department,
    townships: [...townships]
      .sort((a, b) => a.order - b.order)
      .map((t) => ({ townshipId: t.id, townshipName: t.name, ...(rows.get(t.id) as StarTaskforceRow) })),
    total,
  };
}
