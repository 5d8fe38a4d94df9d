import { starSetFor } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/local/demo-data';
import { demoBaselineStars } from '../../src/local/ranking-demo';

describe('the demo district’s stars at the campaign start', () => {
  it('a few 五星, many 三星 and 四星, each from the branch’s own star set', () => {
    const data = buildDemoData();
    const baselines = demoBaselineStars(data);
    expect(baselines.map((b) => b.branchId)).toEqual(data.branches.map((b) => b.id));
    const levels = [0, 0, 0, 0, 0, 0];
    for (const [i, b] of baselines.entries()) {
      levels[b.stars.length]++;
      const set = starSetFor(data.branches[i].type);
      expect(b.stars.every((s) => set.includes(s))).toBe(true);
      expect(new Set(b.stars).size).toBe(b.stars.length);
    }
    const total = baselines.length;
    expect(levels[5]).toBeGreaterThan(0);
    expect(levels[5]).toBeLessThan(total / 10);
    expect(levels[3] + levels[4]).toBeGreaterThan(total * 0.7);
  });
});
