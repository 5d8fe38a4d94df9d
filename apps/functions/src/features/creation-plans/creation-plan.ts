import type { FieldError, KeyDate, SaveDistrictCreationPlanBody, SaveTownshipCreationPlanBody, StarTargets } from '@chuangxing/shared';
import type { StarHoldingRecord } from '../stars/stars.readers';

/** The district's plan of a year: targets per township (the townships not listed keep their defaults). */
export interface StoredDistrictPlan {
  districtId: string;
  year: number;
  townships: { townshipId: string; targets: StarTargets }[];
  keyDates: KeyDate[];
  responsibleUnits: string[];
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** A township's own plan of a year, with a target level per branch. */
export interface StoredTownshipPlan {
  districtId: string;
  townshipId: string;
  year: number;
  targets: StarTargets;
  keyDates: KeyDate[];
  responsibleUnits: string[];
  branchTargets: { branchId: string; level: number }[];
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** One saved version of a plan, kept whole: the audit trail. `scope` is `district` or the township id. */
export interface StoredPlanRevision {
  scope: string;
  version: number;
  at: string;
  by: string;
  byName: string;
  plan: StoredDistrictPlan | StoredTownshipPlan;
}

export interface PlanActor {
  userId: string;
  name: string;
  at: string;
}

export const NO_TARGETS: StarTargets = { threeStar: 0, fourStar: 0, fiveStar: 0 };

/**
 * Each branch's level (the number of stars) at the baseline and now. The baseline stars are the records the
 * baseline made (basis `baseline`, held or withdrawn since); the current ones are those not withdrawn.
 */
export function branchLevels(holdings: StarHoldingRecord[]): Map<string, { baseline: number; current: number }> {
  const sets = new Map<string, { baseline: Set<string>; current: Set<string> }>();
  for (const h of holdings) {
    const s = sets.get(h.branchId) ?? { baseline: new Set<string>(), current: new Set<string>() };
    sets.set(h.branchId, s);
    if (h.basis === 'baseline') s.baseline.add(h.star);
    if (!h.withdrawnOn) s.current.add(h.star);
  }
  return new Map([...sets].map(([id, s]) => [id, { baseline: s.baseline.size, current: s.current.size }]));
}

/** 三星成片 counts branches at three stars or more, 四星倍增 at four or more, 五星涌现 at five. */
export function countLevels(levels: Iterable<number>): StarTargets {
  const t = { ...NO_TARGETS };
  for (const l of levels) {
    if (l >= 3) t.threeStar++;
    if (l >= 4) t.fourStar++;
    if (l >= 5) t.fiveStar++;
  }
  return t;
}

/** 四星倍增: twice the baseline's four-star count. */
export const fourStarDouble = (baseline: StarTargets) => 2 * baseline.fourStar;

/**
 * The targets a township gets until the district sets them: 四星倍增 doubles the baseline, no fewer three-star
 * branches than four-star ones, the rest as at the baseline; none above the township's branch count.
 */
export function defaultTargets(baseline: StarTargets, branchCount: number): StarTargets {
  const cap = (n: number) => Math.min(n, branchCount);
  const fourStar = cap(fourStarDouble(baseline));
  return { threeStar: cap(Math.max(baseline.threeStar, fourStar)), fourStar, fiveStar: cap(baseline.fiveStar) };
}

/** Targets are nested (a five-star branch is also a four- and three-star one) and within the township's branches. */
export function targetErrors(t: StarTargets, branchCount: number, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: keyof StarTargets, message: string) => errors.push({ path: `${path}.${field}`, code: 'invalid', message });
  for (const f of ['threeStar', 'fourStar', 'fiveStar'] as const) if (t[f] > branchCount) err(f, `不能超过支部总数 ${branchCount}`);
  if (t.fourStar > t.threeStar) err('fourStar', '四星及以上的支部不能多于三星及以上的');
  if (t.fiveStar > t.fourStar) err('fiveStar', '五星支部不能多于四星及以上的');
  return errors;
}

/** A township aims at least as high as the district asks of it. */
export function belowDistrictErrors(t: StarTargets, district: StarTargets, path: string): FieldError[] {
  return (['threeStar', 'fourStar', 'fiveStar'] as const)
    .filter((f) => t[f] < district[f])
    .map((f) => ({ path: `${path}.${f}`, code: 'below_district', message: `不能低于区级目标 ${district[f]}` }));
}

/** Key dates fall in the plan's year. */
export function keyDateErrors(keyDates: KeyDate[], year: number): FieldError[] {
  return keyDates.flatMap((k, i) =>
    k.date.startsWith(`${year}-`) ? [] : [{ path: `body.keyDates.${i}.date`, code: 'invalid', message: `应在 ${year} 年内` }],
  );
}

/** Ids listed twice, as field errors at `path.i.field`. */
export function duplicateErrors<T>(items: T[], idOf: (t: T) => string, path: string, message: string): FieldError[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const id = idOf(item);
    if (seen.has(id)) return [{ path: `${path}.${i}`, code: 'duplicate', message }];
    seen.add(id);
    return [];
  });
}

export function nextDistrictPlan(
  districtId: string,
  year: number,
  current: StoredDistrictPlan | undefined,
  body: SaveDistrictCreationPlanBody,
  actor: PlanActor,
): StoredDistrictPlan {
  return {
    districtId,
    year,
    townships: body.townships,
    keyDates: body.keyDates,
    responsibleUnits: body.responsibleUnits,
    version: (current?.version ?? 0) + 1,
    updatedAt: actor.at,
    updatedBy: actor.userId,
    updatedByName: actor.name,
  };
}

export function nextTownshipPlan(
  districtId: string,
  townshipId: string,
  year: number,
  current: StoredTownshipPlan | undefined,
  body: SaveTownshipCreationPlanBody,
  actor: PlanActor,
): StoredTownshipPlan {
  return {
    districtId,
    townshipId,
    year,
    targets: body.targets,
    keyDates: body.keyDates,
    responsibleUnits: body.responsibleUnits,
    branchTargets: body.branchTargets,
    version: (current?.version ?? 0) + 1,
    updatedAt: actor.at,
    updatedBy: actor.userId,
    updatedByName: actor.name,
  };
}

/** A save that already went through (same person, same content, the version it made): answered, not written again. */
export function isSaveRetry(
  current: (StoredDistrictPlan | StoredTownshipPlan) & Record<string, unknown>,
  body: Record<string, unknown> & { version: number },
  userId: string,
): boolean {
  if (current.version !== body.version + 1 || current.updatedBy !== userId) return false;
  return Object.keys(body).every((k) => k === 'version' || canonical(current[k]) === canonical(body[k]));
}

/** JSON with object keys sorted: a stored map comes back in any key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export const revisionOf = (scope: string, plan: StoredDistrictPlan | StoredTownshipPlan): StoredPlanRevision => ({
  scope,
  version: plan.version,
  at: plan.updatedAt,
  by: plan.updatedBy,
  byName: plan.updatedByName,
  plan,
});
