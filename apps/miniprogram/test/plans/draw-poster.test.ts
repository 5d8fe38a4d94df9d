import type { BranchBoard } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { type PosterContext, paintPoster, wrapText } from '../../src/subpackages/plans/poster/draw-poster';

/** A context that records what is drawn; every character is 20 px wide at any size (enough to test layout). */
function recorder() {
  const texts: { text: string; x: number; y: number; color: string }[] = [];
  let fills = 0;
  const ctx = {
    fillStyle: '#000',
    strokeStyle: '#000',
    font: '',
    lineWidth: 1,
    textAlign: 'left',
    textBaseline: 'top',
    fillRect: () => void fills++,
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    closePath: () => undefined,
    fill: () => void fills++,
    stroke: () => undefined,
    fillText(this: { fillStyle: unknown }, text: string, x: number, y: number) {
      texts.push({ text, x, y, color: String(this.fillStyle) });
    },
    measureText: (t: string) => ({ width: [...t].length * 20 }),
    scale: () => undefined,
  } as unknown as PosterContext;
  return { ctx, texts, fills: () => fills };
}

const star = (s: string, extra: object = {}) => ({
  star: s,
  target: false,
  held: false,
  tasks: 0,
  done: 0,
  plannedPercent: 0,
  actualPercent: 0,
  overdueMilestones: 0,
  openFindings: 0,
  overdueFindings: 0,
  ...extra,
});

function sheet(tasks: number): BranchBoard {
  return {
    row: {
      branchId: 'yingtaogou',
      branchName: '樱桃沟社区',
      type: 'rural',
      planStatus: 'approved',
      heldStars: ['branch_strong'],
      targetStars: ['branch_strong', 'industry'],
      stars: [
        star('branch_strong', { held: true, target: true }),
        star('industry', { target: true, tasks, overdueMilestones: 1 }),
        star('ecology'),
        star('safety_law'),
        star('civility'),
      ],
      tasks,
      done: 0,
      plannedPercent: 50,
      actualPercent: 10,
      overdueMilestones: 1,
      openFindings: 0,
      overdueFindings: 0,
      doubleHalf: { status: 'pending', checkDay: '2026-06-30', total: tasks, done: 0 },
    },
    townshipName: '示例管委会',
    year: 2026,
    today: '2026-05-01',
    catalogueVersion: 1,
    responsibles: [{ star: 'industry', responsible: '李明', leadDepartment: '农业农村办' }],
    tasks: Array.from({ length: tasks }, (_, i) => ({
      taskId: `t${i}`,
      title: `重点任务${i}`,
      star: 'industry' as const,
      owner: '李明',
      status: 'in_progress' as const,
      percent: 10,
      plannedPercent: 50,
      milestones: [{ title: '第一节点', due: '2026-04-01', met: false, overdue: true }],
    })),
    vetoes: [{ star: 'industry', text: '村集体经济出现重大资产流失' }],
  } as BranchBoard;
}

describe('一图一表一清单 on a canvas', () => {
  it('wraps Chinese text by width, character by character', () => {
    const { ctx } = recorder();
    expect(wrapText(ctx, '一二三四五六七', 60)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText(ctx, '', 60)).toEqual(['']);
  });

  it('a dry run draws nothing and measures the same height as the real one', () => {
    const dry = recorder();
    const h = paintPoster(dry.ctx, sheet(3), false);
    expect(dry.texts).toEqual([]);
    expect(dry.fills()).toBe(0);
    const real = recorder();
    expect(paintPoster(real.ctx, sheet(3), true)).toBe(h);
  });

  it('grows with the tasks and prints the map, the table and the list', () => {
    const few = paintPoster(recorder().ctx, sheet(1), false);
    const many = paintPoster(recorder().ctx, sheet(6), false);
    expect(many).toBeGreaterThan(few);
    const { ctx, texts } = recorder();
    paintPoster(ctx, sheet(2), true);
    const all = texts.map((t) => t.text);
    expect(all).toContain('樱桃沟社区创星作战图');
    expect(all.some((t) => t.includes('一图'))).toBe(true);
    expect(all.some((t) => t.includes('一表'))).toBe(true);
    expect(all.some((t) => t.includes('一清单'))).toBe(true);
    // The overdue next milestone is printed in red.
    const overdue = texts.find((t) => t.text.includes('已超期'));
    expect(overdue?.color).toBe('#b71c1c');
    expect(all.some((t) => t.includes('产业兴旺星：李明 负责，农业农村办 牵头'))).toBe(true);
  });
});
