import { SCORE_BUCKETS } from '@chuangxing/shared';

/** One row per taker and session: best score and attempts, for the results page (one query per session). */
export interface StoredTestResult {
  sessionId: string;
  userId: string;
  townshipId: string;
  branchId: string;
  name: string;
  bestScore: number;
  attempts: number;
  lastSubmittedAt: string;
}

export function histogram(scores: number[]): { label: string; count: number }[] {
  return SCORE_BUCKETS.map((b) => ({ label: b.label, count: scores.filter((s) => s >= b.min && s <= b.max).length }));
}

/**
 * 参考率 of one group: `audience` are the people in the audience when the results are read; only their
 * results count (someone who took the test and has since left the role is not in the denominator either).
 */
export function participation(audience: Set<string>, results: Pick<StoredTestResult, 'userId' | 'bestScore'>[], passScore: number) {
  const taken = results.filter((r) => audience.has(r.userId));
  const scores = taken.map((r) => r.bestScore);
  return {
    audience: audience.size,
    taken: taken.length,
    rate: audience.size === 0 ? 0 : taken.length / audience.size,
    ...(scores.length ? { average: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 } : {}),
    passed: scores.filter((s) => s >= passScore).length,
    histogram: histogram(scores),
  };
}
