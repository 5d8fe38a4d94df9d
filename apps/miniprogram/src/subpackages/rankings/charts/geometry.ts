/**
 * Chart geometry, pure (no canvas): unit-tested, then painted by paint.ts on a Canvas 2D context.
 */

export interface Point {
  x: number;
  y: number;
}

/** Angle of spoke `i` of `n`: the first points straight up, the others follow clockwise. */
export function spokeAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

/** A value on spoke `i` of a radar centred at (cx, cy) whose outer ring (= max) has radius r. Values are clamped to 0..max. */
export function radarPoint(i: number, n: number, value: number, max: number, cx: number, cy: number, r: number): Point {
  const v = max > 0 ? Math.min(max, Math.max(0, value)) / max : 0;
  const a = spokeAngle(i, n);
  return { x: cx + r * v * Math.cos(a), y: cy + r * v * Math.sin(a) };
}

/** The polygon of a series (one point per spoke). */
export function radarPolygon(values: readonly number[], max: number, cx: number, cy: number, r: number): Point[] {
  return values.map((v, i) => radarPoint(i, values.length, v, max, cx, cy, r));
}

/**
 * The stretches of a radar series to draw, as runs of consecutive spokes with a value (a missing value, 无数据,
 * is a gap, never a zero). Runs wrap around the last spoke to the first; `closed` only when every spoke has one.
 */
export function radarRuns(values: readonly (number | null)[]): { closed: boolean; runs: number[][] } {
  const n = values.length;
  if (n > 0 && values.every((v) => v !== null)) return { closed: true, runs: [values.map((_, i) => i)] };
  const firstGap = values.indexOf(null);
  if (firstGap < 0) return { closed: false, runs: [] };
  const runs: number[][] = [];
  let run: number[] = [];
  // Start just after a gap so that a run crossing the last spoke stays whole.
  for (let k = 1; k <= n; k++) {
    const i = (firstGap + k) % n;
    if (values[i] === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  }
  if (run.length) runs.push(run);
  return { closed: false, runs };
}

/** Where a spoke's label goes: just outside the outer ring, aligned away from the centre. */
export function radarLabel(
  i: number,
  n: number,
  cx: number,
  cy: number,
  r: number,
  gap: number,
): Point & { align: 'left' | 'right' | 'center' } {
  const a = spokeAngle(i, n);
  const x = cx + (r + gap) * Math.cos(a);
  const y = cy + (r + gap) * Math.sin(a);
  const c = Math.cos(a);
  return { x, y, align: Math.abs(c) < 0.2 ? 'center' : c > 0 ? 'left' : 'right' };
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A trend line's points: `n` values spread evenly across the box (one value: its middle), 0..max bottom to top.
 */
export function trendPoints(values: readonly number[], max: number, box: Box): Point[] {
  const n = values.length;
  const step = n > 1 ? box.width / (n - 1) : 0;
  return values.map((v, i) => ({
    x: n > 1 ? box.left + step * i : box.left + box.width / 2,
    y: box.top + box.height * (1 - (max > 0 ? Math.min(max, Math.max(0, v)) / max : 0)),
  }));
}

/**
 * Segments of a stacked bar: each count's share of `total` as [start, width] percentages, in order.
 * Zero counts give zero-width segments; a zero total gives none.
 */
export function stackSegments(counts: readonly number[], total = counts.reduce((a, b) => a + b, 0)): { start: number; width: number }[] {
  if (total <= 0) return counts.map(() => ({ start: 0, width: 0 }));
  let start = 0;
  return counts.map((c) => {
    const width = (Math.max(0, c) / total) * 100;
    const seg = { start, width };
    start += width;
    return seg;
  });
}

/** A bar's width in percent of its track (0..100, clamped). */
export function barPercent(value: number | null, max: number): number {
  if (value === null || max <= 0) return 0;
  return Math.min(100, Math.max(0, (value / max) * 100));
}
