import { DEFAULT_SCORING_MODEL, type RankingRow } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { paintHonours } from '../../src/subpackages/rankings/charts/draw-honours';
import {
  barPercent,
  radarLabel,
  radarPoint,
  radarPolygon,
  radarRuns,
  stackSegments,
  trendPoints,
} from '../../src/subpackages/rankings/charts/geometry';
import type { ChartContext } from '../../src/subpackages/rankings/charts/paint';
import { deltaText, starsText } from '../../src/subpackages/rankings/services/labels';
import {
  addQuarters,
  currentQuarter,
  openingQuarter,
  quarterLabel,
  quarterParam,
  quarterShort,
} from '../../src/subpackages/rankings/services/quarter';
import { checkScoring, contentOf, valuesOf } from '../../src/subpackages/rankings/services/scoring-form';

const close = (p: { x: number; y: number }, x: number, y: number) => {
  expect(p.x).toBeCloseTo(x, 6);
  expect(p.y).toBeCloseTo(y, 6);
};

describe('radar geometry', () => {
  it('a missing value (无数据) is a gap in the line, never a zero; runs wrap past the last spoke', () => {
    expect(radarRuns([1, 2, 3, 4, 5])).toEqual({ closed: true, runs: [[0, 1, 2, 3, 4]] });
    expect(radarRuns([1, null, 3, 4, 5])).toEqual({ closed: false, runs: [[2, 3, 4, 0]] });
    expect(radarRuns([1, 2, null, 4, null])).toEqual({ closed: false, runs: [[3], [0, 1]] });
    expect(radarRuns([null, null, null])).toEqual({ closed: false, runs: [] });
    expect(radarRuns([0, null, 0, 0, 0]).runs).toEqual([[2, 3, 4, 0]]); // a real 0 is drawn
  });

  it('the first spoke points straight up; a full value sits on the outer ring', () => {
    close(radarPoint(0, 5, 100, 100, 300, 300, 200), 300, 100);
    close(radarPoint(0, 5, 50, 100, 300, 300, 200), 300, 200);
    close(radarPoint(0, 5, 0, 100, 300, 300, 200), 300, 300);
  });

  it('spokes go clockwise 72° apart for five stars', () => {
    // Spoke 1 of 5: -90° + 72° = -18° → right and a little up.
    const a = (-18 * Math.PI) / 180;
    close(radarPoint(1, 5, 100, 100, 0, 0, 100), 100 * Math.cos(a), 100 * Math.sin(a));
    // Spokes 2 and 3 mirror each other below the centre.
    const p2 = radarPoint(2, 5, 100, 100, 0, 0, 100);
    const p3 = radarPoint(3, 5, 100, 100, 0, 0, 100);
    expect(p2.x).toBeCloseTo(-p3.x, 6);
    expect(p2.y).toBeCloseTo(p3.y, 6);
    expect(p2.y).toBeGreaterThan(0);
    // Four spokes: up, right, down, left.
    close(radarPoint(1, 4, 100, 100, 0, 0, 10), 10, 0);
    close(radarPoint(2, 4, 100, 100, 0, 0, 10), 0, 10);
  });

  it('clamps values outside 0..max, and a zero max draws at the centre', () => {
    close(radarPoint(0, 5, 180, 100, 0, 0, 100), 0, -100);
    close(radarPoint(0, 5, -5, 100, 0, 0, 100), 0, 0);
    close(radarPoint(0, 5, 50, 0, 7, 9, 100), 7, 9);
  });

  it('a polygon has one point per value; labels are aligned away from the centre', () => {
    expect(radarPolygon([10, 20, 30, 40, 50], 100, 0, 0, 100)).toHaveLength(5);
    expect(radarLabel(0, 5, 0, 0, 100, 20)).toMatchObject({ align: 'center' });
    close(radarLabel(0, 5, 0, 0, 100, 20), 0, -120);
    expect(radarLabel(1, 5, 0, 0, 100, 20).align).toBe('left');
    expect(radarLabel(4, 5, 0, 0, 100, 20).align).toBe('right');
  });
});

describe('trend, stacked and plain bars', () => {
  it('spreads the quarters across the box, 0 at the bottom and max at the top', () => {
    const box = { left: 10, top: 20, width: 300, height: 100 };
    const pts = trendPoints([0, 50, 100, 25], 100, box);
    expect(pts.map((p) => p.x)).toEqual([10, 110, 210, 310]);
    expect(pts.map((p) => p.y)).toEqual([120, 70, 20, 95]);
    expect(trendPoints([40], 100, box)).toEqual([{ x: 160, y: 80 }]);
  });

  it('stack segments are shares of the total, laid end to end', () => {
    expect(stackSegments([1, 0, 3])).toEqual([
      { start: 0, width: 25 },
      { start: 25, width: 0 },
      { start: 25, width: 75 },
    ]);
    expect(stackSegments([0, 0])).toEqual([
      { start: 0, width: 0 },
      { start: 0, width: 0 },
    ]);
  });

  it('bar widths are clamped percentages; no data is an empty bar', () => {
    expect(barPercent(42.5, 100)).toBe(42.5);
    expect(barPercent(130, 100)).toBe(100);
    expect(barPercent(null, 100)).toBe(0);
  });
});

describe('quarters (Asia/Shanghai)', () => {
  it('the current quarter follows the Shanghai day, not UTC', () => {
    // 2026-12-31 20:00 UTC is already 2027-01-01 in Shanghai.
    expect(currentQuarter(Date.UTC(2026, 11, 31, 20))).toBe('2027-Q1');
    expect(currentQuarter(Date.UTC(2026, 11, 31, 10))).toBe('2026-Q4');
  });

  it('steps across years, labels in Chinese, refuses future or malformed params', () => {
    expect(addQuarters('2026-Q1', -1)).toBe('2025-Q4');
    expect(addQuarters('2025-Q4', 1)).toBe('2026-Q1');
    expect(addQuarters('2026-Q2', -8)).toBe('2024-Q2');
    expect(quarterLabel('2026-Q4')).toBe('2026年第四季度');
    expect(quarterShort('2026-Q3')).toBe('26年Q3');
    const now = Date.UTC(2026, 10, 27);
    expect(quarterParam('2026-Q2', now)).toBe('2026-Q2');
    expect(quarterParam('2027-Q1', now)).toBe('2026-Q4');
    expect(quarterParam('2026-Q5', now)).toBe('2026-Q4');
    expect(quarterParam(undefined, now)).toBe('2026-Q4');
  });

  it('a ranking page opens on the latest published quarter, else on the current one', () => {
    const now = Date.UTC(2026, 10, 27); // 2026-Q4 in Shanghai
    expect(openingQuarter([{ quarter: '2026-Q3' }, { quarter: '2026-Q2' }], now)).toBe('2026-Q3');
    expect(openingQuarter([{ quarter: '2025-Q4' }], now)).toBe('2025-Q4');
    expect(openingQuarter([], now)).toBe('2026-Q4');
    // A quarter that has not begun (a clock running behind the server's) is never opened.
    expect(openingQuarter([{ quarter: '2027-Q1' }, { quarter: '2026-Q3' }], now)).toBe('2026-Q3');
  });

  it('stars and change read at a glance', () => {
    expect(starsText(3)).toBe('★★★☆☆');
    expect(starsText(7)).toBe('★★★★★');
    expect(deltaText(3.25)).toBe('↑3.3');
    expect(deltaText(-0.04)).toBe('持平');
    expect(deltaText(-2)).toBe('↓2.0');
    expect(deltaText(null)).toBe('新上榜');
  });
});

describe('scoring form', () => {
  it('round-trips the default model and checks it with the contract', () => {
    const values = valuesOf(DEFAULT_SCORING_MODEL);
    expect(values['weights.keyTasks']).toBe('35');
    expect(contentOf(values)).toEqual(DEFAULT_SCORING_MODEL);
    expect(checkScoring(values)).toEqual({});
  });

  it('reports the weight sum, a blank field and the list order at their paths', () => {
    const values = { ...valuesOf(DEFAULT_SCORING_MODEL), 'weights.keyTasks': '40', 'deductions.cap': '', 'lists.topHundred': '5' };
    const errors = checkScoring(values);
    expect(errors.weights).toBe('各项权重之和应为 100（现为 105）');
    expect(errors['deductions.cap']).toBe('请填写整数');
    expect(errors.letterRateWeights).toBeUndefined();
    // Well typed: the contract's own cross-field rules.
    const typed = checkScoring({ ...valuesOf(DEFAULT_SCORING_MODEL), 'lists.topHundred': '5', 'deductions.overdueFinding': '1' });
    expect(typed).toEqual({
      'lists.topHundred': '百优名额不应少于十佳',
      'deductions.overdueFinding': '逾期未整改的扣分不应少于未整改的扣分',
    });
  });
});

/** A 2D context that records what is drawn; text is 0.6 em per character. */
function recordingContext() {
  const texts: string[] = [];
  let size = 20;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    textAlign: 'left',
    textBaseline: 'top',
    get font() {
      return `${size}px x`;
    },
    set font(f: string) {
      size = Number(/(\d+)px/.exec(f)?.[1] ?? 20);
    },
    fillRect() {},
    beginPath() {},
    moveTo() {},
    lineTo() {},
    arc() {},
    closePath() {},
    fill() {},
    stroke() {},
    scale() {},
    fillText(t: string) {
      texts.push(t);
    },
    measureText(t: string) {
      return { width: t.length * size * 0.6 };
    },
  };
  return { ctx: ctx as unknown as ChartContext, texts };
}

const row = (i: number, partial: Partial<RankingRow> = {}): RankingRow => ({
  branchId: `b${i}`,
  branchName: `第${i}社区`,
  branchType: 'community',
  townshipId: 'wulibao',
  townshipName: '五里堡街道',
  total: 90 - i,
  base: 88 - i,
  delta: 2,
  level: 3,
  districtRank: i,
  townshipRank: i,
  annotations: [],
  ...partial,
});

describe('share image', () => {
  it('the dry run gives the height the drawing uses: one row per branch', () => {
    const { ctx, texts } = recordingContext();
    const three = paintHonours(
      ctx,
      { quarter: '2026-Q4', title: '十佳', rows: [row(1), row(2), row(3)], showDelta: false, today: '2026-11-27' },
      false,
    );
    const ten = paintHonours(
      ctx,
      { quarter: '2026-Q4', title: '十佳', rows: Array.from({ length: 10 }, (_, i) => row(i + 1)), showDelta: false, today: '2026-11-27' },
      false,
    );
    expect(ten - three).toBe(7 * 92);
    expect(texts).toEqual([]);
  });

  it('draws the title, each branch with its rank and score, and cuts names that are too long', () => {
    const { ctx, texts } = recordingContext();
    paintHonours(
      ctx,
      {
        quarter: '2026-Q4',
        title: '十佳',
        rows: [row(1), row(2, { branchName: '一个名字非常非常非常非常非常长的社区党委' })],
        showDelta: false,
        today: '2026-11-27',
      },
      true,
    );
    expect(texts).toContain('2026年第四季度创星评比');
    expect(texts).toContain('十佳');
    expect(texts).toContain('第1社区');
    expect(texts).toContain('89.0 分');
    expect(texts.some((t) => t.startsWith('一个名字') && t.endsWith('…'))).toBe(true);
    expect(texts).toContain('创星 · 每季度一评比 · 2026-11-27 生成');
  });
});
