import type { RankingRow } from '@chuangxing/shared';
import { deltaText, score, starsText } from '../services/labels';
import { quarterLabel } from '../services/quarter';
import { type ChartContext, FONT, GOLD, RED } from './paint';

export const HONOURS_WIDTH = 750;
const PAD = 40;
const ROW = 92;
const INK = '#222222';
const MUTED = '#6b5a4a';

export interface HonoursImage {
  quarter: string;
  /** 十佳 / 百优 / 进步最快 */
  title: string;
  rows: RankingRow[];
  /** Ranks or the rise, per list. */
  showDelta: boolean;
  /** "2026-11-27" */
  today: string;
}

/**
 * A list of the quarter's honours as a shareable image. Draws when `draw` is true; either way returns the
 * height it needs, so the caller sizes the canvas with a dry run first.
 */
export function paintHonours(ctx: ChartContext, data: HonoursImage, draw: boolean): number {
  const W = HONOURS_WIDTH;
  const text = (t: string, x: number, y: number, size: number, color = INK, bold = false, align: CanvasTextAlign = 'left') => {
    if (!draw) return;
    ctx.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
    ctx.fillStyle = color;
    ctx.textAlign = align;
    ctx.textBaseline = 'middle';
    ctx.fillText(t, x, y);
  };
  const rect = (x: number, y: number, w: number, h: number, color: string) => {
    if (!draw) return;
    ctx.fillStyle = color;
    ctx.fillRect(x, y, w, h);
  };
  /** Cuts a name that would run into the score column. */
  const fit = (t: string, size: number, max: number) => {
    ctx.font = `bold ${size}px ${FONT}`;
    if (ctx.measureText(t).width <= max) return t;
    let s = t;
    while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
    return `${s}…`;
  };

  rect(0, 0, W, 190, RED);
  text(`${quarterLabel(data.quarter)}创星评比`, W / 2, 62, 30, '#ffe9a8', false, 'center');
  text(data.title, W / 2, 126, 52, '#ffffff', true, 'center');
  let y = 220;
  if (!data.rows.length) {
    text('本榜单暂无支部', W / 2, y + 40, 30, MUTED, false, 'center');
    y += 100;
  }
  data.rows.forEach((r, i) => {
    const top = y + i * ROW;
    if (i % 2 === 0) rect(PAD - 16, top, W - PAD * 2 + 32, ROW, '#fbf6ee');
    const badge = data.showDelta ? String(i + 1) : String(r.districtRank);
    if (draw) {
      ctx.beginPath();
      ctx.arc(PAD + 28, top + ROW / 2, 26, 0, Math.PI * 2);
      ctx.fillStyle = i < 3 ? GOLD : '#e6ddd2';
      ctx.fill();
    }
    text(badge, PAD + 28, top + ROW / 2, 26, i < 3 ? '#5a3a00' : MUTED, true, 'center');
    text(fit(r.branchName, 32, 330), PAD + 76, top + 30, 32, INK, true);
    text(`${r.townshipName} · ${starsText(r.level)}`, PAD + 76, top + 66, 22, MUTED);
    const right = data.showDelta ? deltaText(r.delta) : `${score(r.total)} 分`;
    text(right, W - PAD, top + ROW / 2, 32, data.showDelta ? '#2e7d32' : RED, true, 'right');
  });
  y += data.rows.length * ROW + 30;
  rect(0, y, W, 70, '#f5f1ea');
  text(`创星 · 每季度一评比 · ${data.today} 生成`, W / 2, y + 35, 22, MUTED, false, 'center');
  return y + 70;
}
