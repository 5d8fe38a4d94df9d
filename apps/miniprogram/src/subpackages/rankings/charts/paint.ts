import { type Point, radarLabel, radarPolygon, radarRuns, spokeAngle, trendPoints } from './geometry';

/** The part of CanvasRenderingContext2D the charts use: the same in H5 and in a weapp `type="2d"` canvas. */
export interface ChartContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  lineWidth: number;
  globalAlpha: number;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  scale(x: number, y: number): void;
}

export const FONT = '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif';
export const RED = '#b71c1c';
export const GOLD = '#f5b400';
const GRID = '#e2d8cc';
const INK = '#333333';
const MUTED = '#8a7a6a';

function path(ctx: ChartContext, pts: Point[]) {
  ctx.beginPath();
  pts.forEach((p, i) => {
    if (i === 0) ctx.moveTo(p.x, p.y);
    else ctx.lineTo(p.x, p.y);
  });
  ctx.closePath();
}

export interface RadarSeries {
  /** One per spoke; null (无数据) leaves a gap in the line. */
  values: (number | null)[];
  color: string;
}

/** The chart's logical size (design px on a 750-wide screen); the canvas is scaled to it. */
export const RADAR_SIZE = { width: 686, height: 560 };

/**
 * A radar (spider) chart: rings at 25/50/75/100, one spoke per label, each series a filled polygon with dots.
 * `sublabels` (e.g. each value) go on a second, smaller line under the labels.
 */
export function paintRadar(ctx: ChartContext, labels: string[], series: RadarSeries[], sublabels: string[] = [], max = 100) {
  const { width, height } = RADAR_SIZE;
  const cx = width / 2;
  const cy = height / 2 + 10;
  const r = 170;
  const n = labels.length;
  ctx.lineWidth = 2;
  ctx.strokeStyle = GRID;
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    path(
      ctx,
      labels.map((_, i) => ({ x: cx + r * ring * Math.cos(spokeAngle(i, n)), y: cy + r * ring * Math.sin(spokeAngle(i, n)) })),
    );
    ctx.stroke();
  }
  for (let i = 0; i < n; i++) {
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    ctx.lineTo(cx + r * Math.cos(spokeAngle(i, n)), cy + r * Math.sin(spokeAngle(i, n)));
    ctx.stroke();
  }
  ctx.font = `20px ${FONT}`;
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const ring of [50, 100]) ctx.fillText(String(ring), cx + 6, cy - (r * ring) / max + 12);
  for (const s of series) {
    const pts = radarPolygon(
      s.values.map((v) => v ?? 0),
      max,
      cx,
      cy,
      r,
    );
    const { closed, runs } = radarRuns(s.values);
    ctx.lineWidth = 4;
    ctx.strokeStyle = s.color;
    if (closed) {
      path(ctx, pts);
      ctx.globalAlpha = 0.25;
      ctx.fillStyle = s.color;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.stroke();
    } else
      for (const run of runs) {
        // An open line through the spokes that have data; the missing ones stay a gap.
        ctx.beginPath();
        ctx.moveTo(pts[run[0]].x, pts[run[0]].y);
        for (const i of run.slice(1)) ctx.lineTo(pts[i].x, pts[i].y);
        ctx.stroke();
      }
    for (const p of pts.filter((_, i) => s.values[i] !== null)) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, 6, 0, Math.PI * 2);
      ctx.fillStyle = s.color;
      ctx.fill();
    }
  }
  labels.forEach((label, i) => {
    const at = radarLabel(i, n, cx, cy, r, 22);
    const sin = Math.sin(spokeAngle(i, n));
    // Two lines: above the top spoke, below the bottom ones, centred on the side ones.
    const [y1, y2] =
      at.align === 'center'
        ? sin < 0
          ? [at.y - 30, at.y - 4]
          : [at.y + 4, at.y + 30]
        : sin > 0.5
          ? [at.y + 2, at.y + 28]
          : [at.y - 13, at.y + 13];
    ctx.textAlign = at.align;
    ctx.textBaseline = 'middle';
    ctx.font = `26px ${FONT}`;
    ctx.fillStyle = INK;
    ctx.fillText(label, at.x, sublabels[i] ? y1 : (y1 + y2) / 2);
    if (sublabels[i]) {
      ctx.font = `22px ${FONT}`;
      ctx.fillStyle = MUTED;
      ctx.fillText(sublabels[i], at.x, y2);
    }
  });
}

export const TREND_SIZE = { width: 686, height: 300 };

/** Totals over quarters: bars with the value above, the quarter below, and a line through the tops. */
export function paintTrend(ctx: ChartContext, points: { label: string; value: number }[], max = 100) {
  const { width, height } = TREND_SIZE;
  const box = { left: 70, top: 40, width: width - 140, height: height - 100 };
  ctx.lineWidth = 2;
  ctx.strokeStyle = GRID;
  for (const ring of [0, 0.5, 1]) {
    const y = box.top + box.height * (1 - ring);
    ctx.beginPath();
    ctx.moveTo(box.left - 40, y);
    ctx.lineTo(box.left + box.width + 40, y);
    ctx.stroke();
  }
  const pts = trendPoints(
    points.map((p) => p.value),
    max,
    box,
  );
  const barW = Math.min(64, (box.width + 80) / Math.max(1, points.length) / 2);
  pts.forEach((p, i) => {
    const last = i === pts.length - 1;
    ctx.fillStyle = last ? RED : '#e8b4b4';
    ctx.fillRect(p.x - barW / 2, p.y, barW, box.top + box.height - p.y);
    ctx.font = `${last ? 'bold ' : ''}26px ${FONT}`;
    ctx.fillStyle = INK;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(points[i].value.toFixed(1), p.x, p.y - 6);
    ctx.font = `24px ${FONT}`;
    ctx.fillStyle = MUTED;
    ctx.textBaseline = 'top';
    ctx.fillText(points[i].label, p.x, box.top + box.height + 14);
  });
  if (pts.length > 1) {
    ctx.beginPath();
    pts.forEach((p, i) => {
      if (i === 0) ctx.moveTo(p.x, p.y);
      else ctx.lineTo(p.x, p.y);
    });
    ctx.lineWidth = 3;
    ctx.strokeStyle = GOLD;
    ctx.stroke();
  }
}
