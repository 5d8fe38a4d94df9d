import { describe, expect, it } from 'vitest';
import { CreateObservationBody, QuarterKey, ScoreBranchBody } from '../src';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(true);
const bad = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(false);

describe('每月一观摩 contract', () => {
  const base = { month: '2026-11', title: ' 十一月观摩 ', branchIds: ['yingtaogou'], observerIds: ['demo-inspector'] };

  it('an observation names a month, a title, distinct branches and distinct observers', () => {
    ok(CreateObservationBody, base);
    expect(CreateObservationBody.parse(base).title).toBe('十一月观摩');
    ok(CreateObservationBody, { ...base, townshipId: 'demo-gwh' });
    bad(CreateObservationBody, { ...base, month: '2026-13' });
    bad(CreateObservationBody, { ...base, title: '长'.repeat(41) });
    bad(CreateObservationBody, { ...base, branchIds: [] });
    bad(CreateObservationBody, { ...base, branchIds: ['a', 'a'] });
    bad(CreateObservationBody, { ...base, observerIds: Array.from({ length: 16 }, (_, i) => `u${i}`) });
    bad(CreateObservationBody, { ...base, status: 'open' });
  });

  it('a score sheet: integer 0–10 per star, an optional comment that defaults to empty', () => {
    expect(ScoreBranchBody.parse({ scores: [{ star: 'industry', score: 0 }] }).comment).toBe('');
    ok(ScoreBranchBody, { scores: [{ star: 'industry', score: 10 }], comment: '好' });
    bad(ScoreBranchBody, { scores: [{ star: 'industry', score: 11 }] });
    bad(ScoreBranchBody, { scores: [{ star: 'industry', score: 8.5 }] });
    bad(ScoreBranchBody, { scores: [{ star: 'industry', score: 8, weight: 2 }] });
    bad(ScoreBranchBody, { scores: [] });
  });

  it('quarters look like 2026-Q4', () => {
    ok(QuarterKey, '2026-Q4');
    bad(QuarterKey, '2026-Q0');
    bad(QuarterKey, '2026Q4');
  });
});
