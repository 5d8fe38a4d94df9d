import { type BranchType, OBSERVATION_LIMITS, type Star, type StarAggregate, type StarScore } from '@chuangxing/shared';

/** 每月一观摩 as stored. Pure data and rules: no AWS. */
export interface ObservationBranchRef {
  branchId: string;
  name: string;
  townshipId: string;
  type: BranchType;
}

export interface StoredBranchResult {
  observationId: string;
  title: string;
  month: string;
  branchId: string;
  branchName: string;
  townshipId: string;
  perStar: StarAggregate[];
  overall: number | null;
  observerCount: number;
  comments: string[];
  closedAt: string;
}

export interface StoredObservation {
  id: string;
  districtId: string;
  month: string;
  title: string;
  /** Set for a township's own observation; unset for a district-wide one. */
  townshipId?: string;
  organiserLabel: string;
  branches: ObservationBranchRef[];
  observers: { userId: string; name: string }[];
  status: 'open' | 'closed';
  createdAt: string;
  createdBy: string;
  createdByName: string;
  closedAt?: string;
  closedBy?: string;
  /** Frozen at close, in branch order. */
  results?: StoredBranchResult[];
  version: number;
}

export interface StoredScore {
  observationId: string;
  branchId: string;
  observerId: string;
  observerName: string;
  scores: StarScore[];
  comment: string;
  updatedAt: string;
}

/** Two decimals, from an exact fraction (integer sums), so equal inputs always give equal results. */
const round2 = (sum: number, count: number) => Math.round((sum * 100) / count) / 100;

/**
 * One star's aggregate: the mean of its scores; with `trimFrom` (5) or more scores, one highest and one lowest
 * score are dropped first (a tie drops only one of the equal scores), so a single outlier cannot swing the result.
 */
export function aggregateStar(star: Star, scores: number[]): StarAggregate {
  if (scores.length === 0) return { star, value: null, count: 0, trimmed: false };
  const trimmed = scores.length >= OBSERVATION_LIMITS.trimFrom;
  const kept = trimmed ? [...scores].sort((a, b) => a - b).slice(1, -1) : scores;
  const sum = kept.reduce((n, s) => n + s, 0);
  return { star, value: round2(sum, kept.length), count: scores.length, trimmed };
}

/**
 * A branch's result: an aggregate per star of its star set (scores for other stars are ignored), the overall as the
 * mean of the star aggregates that have a value, and how many observers scored the branch at all.
 */
export function aggregateBranch(stars: readonly Star[], sheets: Pick<StoredScore, 'observerId' | 'scores'>[]) {
  const perStar = stars.map((star) =>
    aggregateStar(
      star,
      sheets.flatMap((s) => s.scores.filter((x) => x.star === star).map((x) => x.score)),
    ),
  );
  const values = perStar.map((p) => p.value).filter((v): v is number => v !== null);
  // The overall is the mean of the (already rounded) star aggregates, so it can be re-derived from what is shown.
  const hundredths = values.reduce((n, v) => n + Math.round(v * 100), 0);
  const overall = values.length ? Math.round(hundredths / values.length) / 100 : null;
  const observerCount = new Set(sheets.filter((s) => s.scores.some((x) => stars.includes(x.star))).map((s) => s.observerId)).size;
  return { perStar, overall, observerCount };
}

/** Comments without who wrote them, in an order that does not follow the observers (sorted by text). */
export function anonymousComments(sheets: Pick<StoredScore, 'comment'>[]): string[] {
  return sheets
    .map((s) => s.comment.trim())
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b, 'zh'));
}

/** Field errors for a score sheet: every star must belong to the branch's star set, each at most once. */
export function checkScoreSheet(stars: readonly Star[], scores: StarScore[]) {
  const errors: { path: string; code: string; message: string }[] = [];
  const seen = new Set<Star>();
  scores.forEach((s, i) => {
    if (!stars.includes(s.star))
      errors.push({ path: `body.scores.${i}.star`, code: 'invalid_star', message: '这颗星不属于该支部的星级体系' });
    else if (seen.has(s.star)) errors.push({ path: `body.scores.${i}.star`, code: 'duplicate', message: '同一颗星只能打一次分' });
    seen.add(s.star);
  });
  return errors;
}

/** The frozen results of every branch, computed once at close. */
export function computeResults(
  obs: StoredObservation,
  stars: (type: BranchType) => readonly Star[],
  scores: StoredScore[],
  closedAt: string,
): StoredBranchResult[] {
  return obs.branches.map((b) => {
    const sheets = scores.filter((s) => s.branchId === b.branchId);
    return {
      observationId: obs.id,
      title: obs.title,
      month: obs.month,
      branchId: b.branchId,
      branchName: b.name,
      townshipId: b.townshipId,
      ...aggregateBranch(stars(b.type), sheets),
      comments: anonymousComments(sheets),
      closedAt,
    };
  });
}
