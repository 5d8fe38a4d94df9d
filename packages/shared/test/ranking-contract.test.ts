import { describe, expect, it } from 'vitest';
import { AnnotateRankingBody, DEFAULT_SCORING_MODEL, QuarterKey, RankingQuery, ScoringModelContent } from '../src';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(true);
const bad = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(false);

describe('ranking contract', () => {
  it('the documented default model is valid and its weights add up to 100', () => {
    ok(ScoringModelContent, DEFAULT_SCORING_MODEL);
    expect(Object.values(DEFAULT_SCORING_MODEL.weights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('refuses weights or rate weights that do not add up, overdue cheaper than open, 百优 below 十佳, unknown fields', () => {
    const m = () => structuredClone(DEFAULT_SCORING_MODEL);
    bad(ScoringModelContent, { ...m(), weights: { ...m().weights, letters: 11 } });
    bad(ScoringModelContent, { ...m(), letterRateWeights: { response: 50, resolution: 50, satisfaction: 50 } });
    bad(ScoringModelContent, { ...m(), deductions: { openFinding: 5, overdueFinding: 2, cap: 20 } });
    bad(ScoringModelContent, { ...m(), lists: { topTen: 10, topHundred: 5, mostImproved: 10 } });
    bad(ScoringModelContent, { ...m(), weights: { ...m().weights, keyTasks: -5, observation: 65 } });
    bad(ScoringModelContent, { ...m(), extra: 1 });
  });

  it('quarters, paging and annotations', () => {
    ok(QuarterKey, '2026-Q4');
    for (const q of ['2026-Q0', '2026-Q5', '2026Q1', '26-Q1']) bad(QuarterKey, q);
    expect(RankingQuery.parse({})).toEqual({ offset: 0, limit: 50 });
    expect(RankingQuery.parse({ limit: '200', offset: '10', branchType: 'rural' })).toEqual({
      limit: 200,
      offset: 10,
      branchType: 'rural',
    });
    bad(RankingQuery, { limit: '201' });
    bad(AnnotateRankingBody, { text: '', revision: 0 });
    ok(AnnotateRankingBody, { text: ' 表扬 ', revision: 0 });
  });
});
