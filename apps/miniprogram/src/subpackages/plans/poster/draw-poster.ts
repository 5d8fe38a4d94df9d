import { type BranchBoard, STAR_LABELS, TASK_STATUS_LABELS } from '@chuangxing/shared';
import { EVALUATION, RHYTHM } from './poster-text';

/** The part of CanvasRenderingContext2D the poster uses: the same in H5 and in a weapp `type="2d"` canvas. */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  lineWidth: number;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  scale(x: number, y: number): void;
}

export const POSTER_WIDTH = 750;
const PAD = 40;
const RED = '#b71c1c';
const GOLD = '#f5b400';
const INK = '#222222';
const MUTED = '#6b5a4a';
const FONT = '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif';

/** Splits text into lines that fit `max` px (character by character: Chinese has no spaces). */
export function wrapText(ctx: Pick<PosterContext, 'measureText'>, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > max) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function starPath(ctx: PosterContext, cx: number, cy: number, r: number) {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const x = cx + radius * Math.cos(a);
    const y = cy + radius * Math.sin(a);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
}

/**
 * 一图一表一清单 on a canvas. Draws when `draw` is true; either way returns the height it needs, so the
 * caller sizes the canvas with a dry run first.
 */
export function paintPoster(ctx: PosterContext, data: BranchBoard, draw: boolean): number {
  const { row } = data;
  const W = POSTER_WIDTH;
  const text = (t: string, x: number, y: number, size: number, color = INK, bold = false, align: CanvasTextAlign = 'left') => {
    if (!draw) return;
    ctx.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
    ctx.fillStyle = color;
    ctx.textAlign = align;
    ctx.textBaseline = 'top';
    ctx.fillText(t, x, y);
  };
  const paragraph = (t: string, x: number, y: number, size: number, max: number, color = INK) => {
    ctx.font = `${size}px ${FONT}`;
    const lines = wrapText(ctx, t, max);
    lines.forEach((l, i) => {
      text(l, x, y + i * size * 1.45, size, color);
    });
    return lines.length * size * 1.45;
  };
  const rect = (x: number, y: number, w: number, h: number, color: string) => {
    if (!draw) return;
    ctx.fillStyle = color;
    ctx.fillRect(x, y, w, h);
  };
  const heading = (n: string, title: string, y: number) => {
    rect(PAD, y, 8, 36, RED);
    text(`${n}　${title}`, PAD + 20, y + 2, 30, RED, true);
    return 56;
  };

  let y = 0;
  // Header band.
  rect(0, 0, W, 170, RED);
  text(`${row.branchName}创星作战图`, W / 2, 36, 44, '#ffffff', true, 'center');
  text(`${data.townshipName} · ${data.year} 年 · 目标 ${row.targetStars.length} 星`, W / 2, 104, 26, '#ffe9a8', false, 'center');
  y = 200;

  // 一图: the five stars.
  y += heading('一图', '作战图', y);
  const slot = (W - PAD * 2) / 5;
  row.stars.forEach((s, i) => {
    const cx = PAD + slot * i + slot / 2;
    const cy = y + 52;
    if (draw) {
      starPath(ctx, cx, cy, 46);
      if (s.held || (s.target && s.tasks > 0 && s.done === s.tasks)) {
        ctx.fillStyle = GOLD;
        ctx.fill();
      } else {
        ctx.fillStyle = s.target ? '#fff4cc' : '#eeeeee';
        ctx.fill();
        ctx.lineWidth = 3;
        ctx.strokeStyle = s.target ? GOLD : '#cccccc';
        ctx.stroke();
      }
    }
    text(STAR_LABELS[s.star].replace('星', ''), cx, cy + 58, 24, s.target ? INK : MUTED, s.target, 'center');
    text(s.held ? '已有' : s.target ? `${s.done}/${s.tasks} 项` : '—', cx, cy + 92, 22, s.overdueMilestones ? RED : MUTED, false, 'center');
  });
  y += 186;
  text(
    `计划应达 ${row.plannedPercent}% · 实际 ${row.actualPercent}% · 超期节点 ${row.overdueMilestones} 个`,
    PAD,
    y,
    24,
    row.actualPercent < row.plannedPercent ? RED : MUTED,
  );
  y += 50;

  // 一表: tasks and timeline.
  y += heading('一表', '任务与时间表', y);
  if (!data.tasks.length) {
    text('计划中还没有重点任务', PAD, y, 26, MUTED);
    y += 44;
  }
  for (const t of data.tasks) {
    const next = t.milestones.find((m) => !m.met);
    const h = paragraph(t.title, PAD, y, 26, W - PAD * 2 - 170);
    text(`${TASK_STATUS_LABELS[t.status]} ${t.percent}%`, W - PAD, y, 24, t.status === 'done' ? '#2e7d32' : INK, true, 'right');
    y += Math.max(h, 38);
    const due = next ? `下一节点 ${next.due.slice(5)} ${next.title}${next.overdue ? '（已超期）' : ''}` : '节点均已完成';
    y += paragraph(`${STAR_LABELS[t.star]} · 责任人 ${t.owner} · ${due}`, PAD, y, 22, W - PAD * 2, next?.overdue ? RED : MUTED);
    rect(PAD, y + 8, W - PAD * 2, 1, '#e6ddd2');
    y += 22;
  }
  y += 20;

  // 一清单: mechanism and evaluation.
  y += heading('一清单', '机制与评星办法', y);
  for (const r of data.responsibles)
    y += paragraph(`${STAR_LABELS[r.star]}：${r.responsible} 负责，${r.leadDepartment} 牵头`, PAD, y, 24, W - PAD * 2);
  for (const line of RHYTHM) y += paragraph(line, PAD, y, 24, W - PAD * 2, MUTED);
  y += paragraph(EVALUATION, PAD, y, 24, W - PAD * 2);
  if (data.vetoes.length) y += paragraph(`否决项：${data.vetoes.map((v) => v.text).join('；')}`, PAD, y, 22, W - PAD * 2, RED);
  y += 30;

  // Footer.
  rect(0, y, W, 70, '#f5f1ea');
  text(`创星 · 五星支部创建 · ${data.today} 生成`, W / 2, y + 22, 22, MUTED, false, 'center');
  return y + 70;
}
