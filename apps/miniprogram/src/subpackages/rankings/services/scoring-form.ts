import { SCORE_COMPONENT_LABELS, SCORE_COMPONENTS, ScoringModelContent } from '@chuangxing/shared';

/**
 * The scoring-model editor's fields, as dotted paths into ScoringModelContent (the same paths the server's
 * field errors use after `body.content.`). Pure, so the page stays small and this is testable.
 */
export interface ScoringField {
  path: string;
  label: string;
  unit: string;
  group: 'weights' | 'letters' | 'reports' | 'deductions' | 'stars' | 'lists';
}

export const SCORING_GROUPS: { key: ScoringField['group']; title: string; hint: string }[] = [
  {
    key: 'weights',
    title: '各项权重',
    hint: '五项合计 100 分。某项本季度无数据时不计入，其权重按比例分给其他项。述职评议（比干劲）另占总分的一定比例（默认 10 分，可调），五项按比例分享其余部分；没有已结束的述职评议时不计入。',
  },
  { key: 'letters', title: '来信三率', hint: '三率合成“来信三率”一项，三者合计 100。' },
  { key: 'reports', title: '每日一报告', hint: '迟交的日报按按时日报的一定比例计分。' },
  { key: 'deductions', title: '督导问题扣分', hint: '季度末仍未整改的督导问题从总分中扣除；逾期未整改扣得更多。' },
  {
    key: 'stars',
    title: '星级与进步',
    hint: '比变化：基础分比上季度提高这么多分即得进步满分，下降同样多得 0 分。“达星所需任务完成度”是本系统增设的进度规则，只显示创星进度，星级以评星定级授予的为准，可按本区实际调整。',
  },
  {
    key: 'lists',
    title: '榜单名额',
    hint: '十佳、百优和进步最快各列多少个支部。名额是本系统增设的规则（文件未作规定），请按本区支部总数调整：本区 153 个支部时，百优 100 个会让多数支部上榜，默认 30 个（约两成）。',
  },
];

export const SCORING_FIELDS: ScoringField[] = [
  ...SCORE_COMPONENTS.filter((c) => c !== 'appraisal').map(
    (c): ScoringField => ({ path: `weights.${c}`, label: SCORE_COMPONENT_LABELS[c], unit: '分', group: 'weights' }),
  ),
  { path: 'appraisalShare', label: '述职评议占总分', unit: '分', group: 'weights' },
  { path: 'letterRateWeights.response', label: '响应率', unit: '', group: 'letters' },
  { path: 'letterRateWeights.resolution', label: '解决率', unit: '', group: 'letters' },
  { path: 'letterRateWeights.satisfaction', label: '满意率', unit: '', group: 'letters' },
  { path: 'lateReportCreditPercent', label: '迟交计分比例', unit: '%', group: 'reports' },
  { path: 'deductions.openFinding', label: '未整改每项扣', unit: '分', group: 'deductions' },
  { path: 'deductions.overdueFinding', label: '逾期未整改每项扣', unit: '分', group: 'deductions' },
  { path: 'deductions.cap', label: '最多扣', unit: '分', group: 'deductions' },
  { path: 'starCompletionPercent', label: '达星所需任务完成度', unit: '%', group: 'stars' },
  { path: 'improvementFullScaleDelta', label: '进步满分所需提高', unit: '分', group: 'stars' },
  { path: 'lists.topTen', label: '十佳', unit: '个', group: 'lists' },
  { path: 'lists.topHundred', label: '百优', unit: '个', group: 'lists' },
  { path: 'lists.mostImproved', label: '进步最快', unit: '个', group: 'lists' },
];

export type ScoringValues = Record<string, string>;

export function valuesOf(content: ScoringModelContent): ScoringValues {
  const out: ScoringValues = {};
  for (const f of SCORING_FIELDS) {
    const [a, b] = f.path.split('.');
    const v = b ? (content as unknown as Record<string, Record<string, number>>)[a][b] : (content as unknown as Record<string, number>)[a];
    // A model published before 述职评议 counted has no share: 0.
    out[f.path] = String(v ?? 0);
  }
  return out;
}

/** The typed numbers as content; a blank or non-integer stays as NaN so the schema reports it at its field. */
export function contentOf(values: ScoringValues): ScoringModelContent {
  const out: Record<string, unknown> = {};
  for (const f of SCORING_FIELDS) {
    const raw = (values[f.path] ?? '').trim();
    const n = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    const [a, b] = f.path.split('.');
    if (b) out[a] = { ...((out[a] as Record<string, number>) ?? {}), [b]: n };
    else out[a] = n;
  }
  return out as unknown as ScoringModelContent;
}

/** Messages by path (`weights` for the sum, `weights.keyTasks` for one field), checked with the contract's schema. */
export function checkScoring(values: ScoringValues): Record<string, string> {
  const parsed = ScoringModelContent.safeParse(contentOf(values));
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const message = issue.code === 'invalid_type' ? '请填写整数' : issue.message;
    if (!(path in errors)) errors[path] = message;
  }
  // The schema's sum checks only run on a well-typed object; say it at once anyway.
  const w = groupSum(values, 'weights');
  if (!errors.weights && w !== 100) errors.weights = `各项权重之和应为 100（现为 ${w}）`;
  const r = groupSum(values, 'letterRateWeights');
  if (!errors.letterRateWeights && r !== 100) errors.letterRateWeights = `三率权重之和应为 100（现为 ${r}）`;
  return errors;
}

/** The sum of a group's fields (weights and 三率 must make 100). */
export function groupSum(values: ScoringValues, prefix: 'weights' | 'letterRateWeights'): number {
  return SCORING_FIELDS.filter((f) => f.path.startsWith(`${prefix}.`)).reduce((a, f) => a + (Number(values[f.path]) || 0), 0);
}
