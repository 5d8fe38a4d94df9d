import type { StarApplicationEvent } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { returnedBy, starSteps, stepsText } from '../../src/subpackages/stars/services/star-steps';

const T = '2026-11-20T02:00:00.000Z';
const ev = (kind: StarApplicationEvent['kind'], version: number): StarApplicationEvent => ({ at: T, version, kind, actorName: 'x' });
const states = (steps: ReturnType<typeof starSteps>) => steps.map((s) => `${s.label}:${s.state}`);

describe('the path 申报 → 初审 → 复审 → 公示 → 授星', () => {
  it('marks the steps before the current one done and the rest to come', () => {
    expect(states(starSteps('township_review'))).toEqual(['申报:done', '初审:current', '复审:todo', '公示:todo', '授星:todo']);
    expect(states(starSteps('district_review'))).toEqual(['申报:done', '初审:done', '复审:current', '公示:todo', '授星:todo']);
    expect(states(starSteps('publicity'))).toEqual(['申报:done', '初审:done', '复审:done', '公示:current', '授星:todo']);
    expect(states(starSteps('awarded'))).toEqual(['申报:done', '初审:done', '复审:done', '公示:done', '授星:done']);
  });

  it('a stopped award ends at 公示, never 授星', () => {
    expect(states(starSteps('stopped'))).toEqual(['申报:done', '初审:done', '复审:done', '公示:stopped', '授星:todo']);
  });

  it('a returned application is back at 申报, with the review that returned it marked (the last return counts)', () => {
    const byTownship = [ev('applied', 1), ev('township_returned', 2)];
    expect(states(starSteps('returned', byTownship))).toEqual(['申报:current', '初审:returned', '复审:todo', '公示:todo', '授星:todo']);
    const byDistrict = [...byTownship, ev('resubmitted', 3), ev('township_approved', 4), ev('district_returned', 5)];
    expect(returnedBy(byDistrict)).toBe('district');
    expect(states(starSteps('returned', byDistrict))).toEqual(['申报:current', '初审:todo', '复审:returned', '公示:todo', '授星:todo']);
    // Without the history (a list's summary) it is only back at 申报.
    expect(states(starSteps('returned'))).toEqual(['申报:current', '初审:todo', '复审:todo', '公示:todo', '授星:todo']);
  });

  it('says the whole path in one sentence for screen readers', () => {
    expect(stepsText(starSteps('district_review'))).toBe('申报进度：申报已完成，初审已完成，复审进行中，公示未开始，授星未开始');
  });
});
