import type { StarApplicationEvent, StarApplicationStatus } from '@chuangxing/shared';

export type StepState = 'done' | 'current' | 'todo' | 'returned' | 'stopped';

export interface Step {
  key: 'apply' | 'township' | 'district' | 'publicity' | 'award';
  label: string;
  state: StepState;
}

const STEPS: { key: Step['key']; label: string }[] = [
  { key: 'apply', label: '申报' },
  { key: 'township', label: '初审' },
  { key: 'district', label: '复审' },
  { key: 'publicity', label: '公示' },
  { key: 'award', label: '授星' },
];

/** Which step the application waits on (or ended at), by its status. */
const AT: Record<StarApplicationStatus, Step['key']> = {
  township_review: 'township',
  returned: 'apply',
  district_review: 'district',
  publicity: 'publicity',
  awarded: 'award',
  stopped: 'publicity',
};

/** Who returned it last, read from the history (the summary alone does not say). */
export function returnedBy(history: readonly StarApplicationEvent[] | undefined): 'township' | 'district' | undefined {
  const last = [...(history ?? [])].reverse().find((e) => e.kind === 'township_returned' || e.kind === 'district_returned');
  if (!last) return undefined;
  return last.kind === 'township_returned' ? 'township' : 'district';
}

/**
 * The path 申报 → 初审 → 复审 → 公示 → 授星 for one application: steps before the current one are done. A returned
 * application is back at 申报 (the secretary's move), with the step that returned it marked; a stopped one ends at 公示.
 */
export function starSteps(status: StarApplicationStatus, history?: readonly StarApplicationEvent[]): Step[] {
  const at = STEPS.findIndex((s) => s.key === AT[status]);
  const by = status === 'returned' ? returnedBy(history) : undefined;
  return STEPS.map((s, i) => {
    let state: StepState = i < at ? 'done' : i === at ? 'current' : 'todo';
    if (status === 'awarded' && s.key === 'award') state = 'done';
    if (status === 'stopped' && s.key === 'publicity') state = 'stopped';
    if (by && s.key === by) state = 'returned';
    return { ...s, state };
  });
}

const STATE_TEXT: Record<StepState, string> = {
  done: '已完成',
  current: '进行中',
  todo: '未开始',
  returned: '已退回',
  stopped: '已终止',
};

/** One sentence for a screen reader: the whole path with each step's state. */
export function stepsText(steps: readonly Step[]): string {
  return `申报进度：${steps.map((s) => `${s.label}${STATE_TEXT[s.state]}`).join('，')}`;
}
