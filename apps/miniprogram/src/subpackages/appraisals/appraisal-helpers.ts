import { type AppraisalItem, type AppraisalState, type AppraisalTransitionBody, type Me, quarterOf, shanghaiDay } from '@chuangxing/shared';

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** `2026-Q4` → 2026年第四季度 */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}年第${QUARTER_NAMES[Number(q) - 1] ?? q}季度`;
}

export function addQuarters(quarter: string, n: number): string {
  const [year, q] = quarter.split('-Q').map(Number);
  const index = year * 4 + (q - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** This quarter in Asia/Shanghai. */
export const currentQuarter = (): string => quarterOf(shanghaiDay());

/** A valid quarter parameter, or this quarter. */
export const quarterParam = (value?: string): string => (value && /^20\d\d-Q[1-4]$/.test(value) ? value : currentQuarter());

/** The one step forward from each state, with its button's text. */
export const NEXT_STEP: Partial<Record<AppraisalState, { to: AppraisalTransitionBody['to']; label: string; hint: string }>> = {
  draft: { to: 'open', label: '开始述职', hint: '开始后评议方案不能再改，各支部书记可以提交述职' },
  open: { to: 'scoring', label: '开始评分', hint: '开始后述职不能再改，评议人开始打分' },
  scoring: { to: 'closed', label: '结束评分', hint: '结束后不再接收评分，结果冻结并计入季度排名' },
};

/** A score: two decimals, or 无数据 when nobody scored. */
export const formatScore = (score: number | null | undefined): string =>
  score === null || score === undefined ? '无数据' : score.toFixed(2);

/** The branches the caller is secretary of, with their townships. */
export function secretaryBranches(me: Me | undefined): { branchId: string; townshipId: string; label: string }[] {
  const out: { branchId: string; townshipId: string; label: string }[] = [];
  for (const b of me?.bindings ?? []) {
    if (b.revokedAt || b.role !== 'secretary' || b.scope.level !== 'branch') continue;
    const { branchId, townshipId } = b.scope;
    if (!out.some((x) => x.branchId === branchId)) out.push({ branchId, townshipId, label: b.scopeLabel });
  }
  return out;
}

/** Zod issues as messages keyed by their dotted path ("items.0.name"), the first per path. */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

/**
 * A score sheet as typed: every item needs a whole number between 0 and its maximum. Returns the points per item,
 * or the problems per item id (checked before sending; the server checks the same).
 */
export function readSheet(
  items: readonly AppraisalItem[],
  typed: Record<string, string>,
): { scores: Record<string, number>; problems: Record<string, string> } {
  const scores: Record<string, number> = {};
  const problems: Record<string, string> = {};
  for (const item of items) {
    const text = (typed[item.id] ?? '').trim();
    if (!text) problems[item.id] = '请打分';
    else if (!/^\d+$/.test(text)) problems[item.id] = '请填写整数';
    else if (Number(text) > item.maxPoints) problems[item.id] = `应在 0–${item.maxPoints} 分之间`;
    else scores[item.id] = Number(text);
  }
  return { scores, problems };
}

/** The sum of the points typed so far (unreadable entries count 0). */
export function sheetTotal(items: readonly AppraisalItem[], typed: Record<string, string>): number {
  return items.reduce((sum, item) => {
    const n = Number((typed[item.id] ?? '').trim());
    return sum + (Number.isInteger(n) && n >= 0 ? n : 0);
  }, 0);
}
