import { type BranchType, type ScoreComponent, type ScoringModelContent, STAR_SETS, type Star, type StarStatus } from '@chuangxing/shared';
import { addDays, daysBetween, quarterOf, shanghaiDay, shanghaiInstant } from '../../platform/kernel/shanghai-time';
import { ratesOf } from '../mailbox/mailbox.readers';
import type { TownshipQuarterInputs } from './scoring-inputs';

/**
 * 每季度一评比, pure. Every score is an integer in hundredths (0–10000 = 0–100.00), so sums and ties are
 * exact and the same inputs always give the same ranking.
 */

export interface QuarterRange {
  quarter: string;
  year: number;
  start: string;
  end: string;
  months: string[];
  previous: string;
}

export function quarterRange(quarter: string): QuarterRange {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const m0 = (q - 1) * 3 + 1;
  const months = [m0, m0 + 1, m0 + 2].map((m) => `${year}-${String(m).padStart(2, '0')}`);
  const start = `${months[0]}-01`;
  const end = addDays(q === 4 ? `${year + 1}-01-01` : `${year}-${String(m0 + 3).padStart(2, '0')}-01`, -1);
  const previous = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  return { quarter, year, start, end, months, previous };
}

/** The quarter that has just ended when the schedule fires on the first day of a quarter (Asia/Shanghai), unless the event names one. */
export function quarterToRank(now: Date, event: unknown): string {
  const named = (event as { quarter?: unknown } | undefined)?.quarter;
  if (typeof named === 'string' && /^\d{4}-Q[1-4]$/.test(named)) return named;
  return quarterRange(quarterOf(shanghaiDay(now))).previous;
}

/** The last day of the quarter whose report deadline has passed at `now` (before `start`: nothing is due yet). */
export function lastDueDay(range: QuarterRange, now: Date, deadline: string): string {
  const today = shanghaiDay(now);
  const lastClosed = now.getTime() > shanghaiInstant(today, deadline).getTime() ? today : addDays(today, -1);
  return [lastClosed, range.end].sort()[0];
}

export interface ComponentScore {
  component: ScoreComponent;
  /** hundredths; null: no data this quarter */
  score: number | null;
  weight: number;
  /** hundredths of a percent point of the total */
  applied: number;
  facts: Record<string, number | null>;
}

export interface StarCard {
  star: Star;
  status: StarStatus;
  completion: number;
  tasks: number;
  doneTasks: number;
  vetoItemIds: string[];
  targeted: boolean;
  /** hundredths */
  observation: number | null;
}

/** One branch's computed quarter, as stored in the ranking shard. Money-like fields are hundredths. */
export interface Scorecard {
  branchId: string;
  branchName: string;
  branchType: BranchType;
  townshipId: string;
  townshipName: string;
  total: number;
  base: number;
  delta: number | null;
  level: number;
  townshipRank: number;
  components: ComponentScore[];
  deductions: { openFindings: number; overdueFindings: number; points: number };
  stars: StarCard[];
  targetStars: Star[];
}

export interface ScoreContext {
  model: ScoringModelContent;
  range: QuarterRange;
  /** Last day counted as due for the daily report (quarter end, or earlier for a preview). */
  asOfDay: string;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Days the branch had to report: from its creation (or the quarter start) to `asOfDay`, less holidays and its leave. */
export function dueDays(
  createdAt: string,
  range: QuarterRange,
  asOfDay: string,
  exemptions: { day: string; branchId?: string }[],
  branchId: string,
): number {
  const born = shanghaiDay(new Date(createdAt));
  const from = [born, range.start].sort()[1];
  const to = [asOfDay, range.end].sort()[0];
  if (to < from) return 0;
  const exempt = new Set(
    exemptions.filter((e) => (!e.branchId || e.branchId === branchId) && e.day >= from && e.day <= to).map((e) => e.day),
  );
  return daysBetween(from, to) + 1 - exempt.size;
}

export function dailyReportScore(
  c: { submitted: number; onTime: number; late: number } | undefined,
  due: number,
  lateCreditPercent: number,
): Omit<ComponentScore, 'weight' | 'applied'> {
  const onTime = c?.onTime ?? 0;
  const late = c?.late ?? 0;
  const facts = { due, onTime, late, missing: Math.max(0, due - onTime - late) };
  if (due <= 0) return { component: 'dailyReport', score: null, facts };
  const credit = onTime * 100 + late * lateCreditPercent; // in hundredths of a report
  return { component: 'dailyReport', score: clamp(Math.round((credit * 100) / due), 0, 10000), facts };
}

export function lettersScore(
  counters: Parameters<typeof ratesOf>[0] | undefined,
  w: ScoringModelContent['letterRateWeights'],
): Omit<ComponentScore, 'weight' | 'applied'> {
  const r = ratesOf(counters ?? {});
  const parts: [number, number][] = [];
  if (r.received > 0) parts.push([w.response, r.responseRate]);
  if (r.accepted > 0) parts.push([w.resolution, r.resolutionRate]);
  if (r.rated > 0) parts.push([w.satisfaction, r.satisfactionRate]);
  const facts = {
    received: r.received,
    responseRate: r.received > 0 ? Math.round(r.responseRate * 10000) / 100 : null,
    resolutionRate: r.accepted > 0 ? Math.round(r.resolutionRate * 10000) / 100 : null,
    satisfactionRate: r.rated > 0 ? Math.round(r.satisfactionRate * 10000) / 100 : null,
  };
  const wsum = parts.reduce((a, [wt]) => a + wt, 0);
  if (parts.length === 0 || wsum === 0) return { component: 'letters', score: null, facts };
  return { component: 'letters', score: Math.round((parts.reduce((a, [wt, rate]) => a + wt * rate, 0) * 10000) / wsum), facts };
}

export function observationScore(
  rows: TownshipQuarterInputs['observations'],
  range: QuarterRange,
): Omit<ComponentScore, 'weight' | 'applied'> & { perStar: Map<Star, number> } {
  const inQuarter = rows.filter((r) => range.months.includes(r.month));
  const perStar = new Map<Star, number>();
  const stars = new Set(inQuarter.flatMap((r) => Object.keys(r.perStar) as Star[]));
  for (const s of stars) {
    const xs = inQuarter.map((r) => r.perStar[s]).filter((x): x is number => typeof x === 'number');
    if (xs.length) perStar.set(s, Math.round(clamp(mean(xs), 0, 100) * 100));
  }
  const facts = { visits: inQuarter.length, observers: inQuarter.reduce((a, r) => a + r.observerCount, 0) };
  if (inQuarter.length === 0) return { component: 'observation', score: null, facts, perStar };
  return { component: 'observation', score: Math.round(clamp(mean(inQuarter.map((r) => r.overall)), 0, 100) * 100), facts, perStar };
}

/** The latest entry per task at quarter end; `done` counts as 100 %. */
export function taskStateAtQuarterEnd(rows: TownshipQuarterInputs['taskProgress'], range: QuarterRange) {
  const endInstant = shanghaiInstant(addDays(range.end, 1), '00:00').toISOString();
  const latest = new Map<string, { star: Star; percent: number; done: boolean }>();
  const entries = rows
    .filter((r) => r.year === range.year)
    .flatMap((r) => r.tasks)
    .filter((t) => t.at < endInstant)
    .sort((a, b) => a.at.localeCompare(b.at) || a.taskId.localeCompare(b.taskId));
  for (const t of entries)
    latest.set(t.taskId, {
      star: t.star,
      percent: t.status === 'done' ? 100 : clamp(Math.round(t.percent), 0, 100),
      done: t.status === 'done',
    });
  return latest;
}

export function keyTaskScore(tasks: ReturnType<typeof taskStateAtQuarterEnd>): Omit<ComponentScore, 'weight' | 'applied'> {
  const all = [...tasks.values()];
  const facts = { tasks: all.length, done: all.filter((t) => t.done).length };
  if (all.length === 0) return { component: 'keyTasks', score: null, facts };
  return { component: 'keyTasks', score: Math.round(mean(all.map((t) => t.percent)) * 100), facts };
}

/** A finding blocks or costs only while it was open: created by the quarter's end and not closed before the instant considered. */
export function findingsAt(
  findings: TownshipQuarterInputs['findings'],
  range: QuarterRange,
  asOfDay: string,
  d: ScoringModelContent['deductions'],
) {
  const endInstant = shanghaiInstant(addDays(range.end, 1), '00:00').toISOString();
  const startInstant = shanghaiInstant(range.start, '00:00').toISOString();
  const openAtEnd = findings.filter(
    (f) => f.createdAt < endInstant && (f.status !== 'closed' || (f.closedAt !== undefined && f.closedAt >= endInstant)),
  );
  const overdue = openAtEnd.filter((f) => f.deadline < asOfDay);
  const points = Math.min(d.cap * 100, (openAtEnd.length - overdue.length) * d.openFinding * 100 + overdue.length * d.overdueFinding * 100);
  const vetoes = findings.filter(
    (f) => f.vetoItemId && f.createdAt < endInstant && !(f.status === 'closed' && f.closedAt !== undefined && f.closedAt < startInstant),
  );
  return { openFindings: openAtEnd.length, overdueFindings: overdue.length, points, vetoes };
}

export function starCards(
  type: BranchType,
  tasks: ReturnType<typeof taskStateAtQuarterEnd>,
  vetoes: { star: Star; vetoItemId?: string }[],
  targetStars: Star[],
  perStarObservation: Map<Star, number>,
  completionPercent: number,
  held: ReadonlySet<Star> = new Set(),
): StarCard[] {
  return STAR_SETS[type].map((star) => {
    const own = [...tasks.values()].filter((t) => t.star === star);
    const completion = own.length ? Math.round(mean(own.map((t) => t.percent)) * 100) / 100 : 0;
    const vetoItemIds = [...new Set(vetoes.flatMap((v) => (v.star === star && v.vetoItemId ? [v.vetoItemId] : [])))].sort();
    let status: StarStatus;
    // Only an awarded star counts; a veto hit on it opens a withdrawal (撤星) rather than taking it here.
    if (held.has(star)) status = 'awarded';
    else if (vetoItemIds.length) status = 'vetoed';
    else if (own.length && completion >= completionPercent) status = 'earned';
    else if (completion > 0) status = 'in_progress';
    else status = 'not_started';
    return {
      star,
      status,
      completion,
      tasks: own.length,
      doneTasks: own.filter((t) => t.done).length,
      vetoItemIds,
      targeted: targetStars.includes(star),
      observation: perStarObservation.get(star) ?? null,
    };
  });
}

/** Weighted mean over the components that have data; weights of the missing ones go to the others in proportion. */
function weighted(parts: { score: number | null; weight: number }[]): { value: number; applied: number[] } {
  const present = parts.map((p) => (p.score === null ? 0 : p.weight));
  const wsum = present.reduce((a, b) => a + b, 0);
  if (wsum === 0) return { value: 0, applied: parts.map(() => 0) };
  const value = Math.round(parts.reduce((a, p, i) => a + (p.score ?? 0) * present[i], 0) / wsum);
  return { value, applied: present.map((w) => Math.round((w * 10000) / wsum)) };
}

/** The improvement score: 50 for no change, 100 for a rise of `fullScale` points or more, 0 for a fall as large. */
export function improvementScore(delta: number | null, fullScale: number): number | null {
  if (delta === null) return null;
  return clamp(Math.round(5000 + (5000 * delta) / (fullScale * 100)), 0, 10000);
}

export interface BranchInputs {
  branch: { id: string; name: string; type: BranchType; createdAt: string };
  township: { id: string; name: string };
  counters?: { submitted: number; onTime: number; late: number };
  exemptions: { day: string; branchId?: string }[];
  letters?: Parameters<typeof ratesOf>[0];
  observations: TownshipQuarterInputs['observations'];
  findings: TownshipQuarterInputs['findings'];
  taskProgress: TownshipQuarterInputs['taskProgress'];
  targetStars: Star[];
  /** The stars the branch held (awarded or baseline) on the ranking's day. */
  heldStars: Star[];
  /** The base score of the previous quarter's published ranking (hundredths), if any. */
  previousBase: number | null;
  /** The quarter's closed 述职评议 result (0–100), if the branch has one. */
  appraisal?: { score: number; sheets: number };
}

export function scoreBranch(ctx: ScoreContext, i: BranchInputs): Scorecard {
  const { model, range } = ctx;
  const w = model.weights;
  const tasks = taskStateAtQuarterEnd(i.taskProgress, range);
  const obs = observationScore(i.observations, range);
  const parts = [
    { ...keyTaskScore(tasks), weight: w.keyTasks },
    { component: obs.component, score: obs.score, facts: obs.facts, weight: w.observation },
    {
      ...dailyReportScore(
        i.counters,
        dueDays(i.branch.createdAt, range, ctx.asOfDay, i.exemptions, i.branch.id),
        model.lateReportCreditPercent,
      ),
      weight: w.dailyReport,
    },
    { ...lettersScore(i.letters, model.letterRateWeights), weight: w.letters },
  ];
  const f = findingsAt(i.findings, range, ctx.asOfDay, model.deductions);
  const level = weighted(parts);
  const base = Math.max(0, level.value - f.points);
  const delta = i.previousBase === null ? null : base - i.previousBase;
  const imp = {
    component: 'improvement' as const,
    score: improvementScore(delta, model.improvementFullScaleDelta),
    weight: w.improvement,
    facts: { previousBase: i.previousBase === null ? null : i.previousBase / 100, delta: delta === null ? null : delta / 100 },
  };
  // 述职评议 takes its share of the total; the other five share the rest (without a result, they keep it all).
  const share = model.appraisalShare ?? 0;
  const apr = {
    component: 'appraisal' as const,
    score: i.appraisal ? Math.round(i.appraisal.score * 100) : null,
    weight: share,
    facts: { sheets: i.appraisal?.sheets ?? null },
  };
  const all = [...parts, imp, apr];
  const overall = weighted(all.map((p) => ({ score: p.score, weight: p === apr ? share * 100 : p.weight * (100 - share) })));
  const stars = starCards(i.branch.type, tasks, f.vetoes, i.targetStars, obs.perStar, model.starCompletionPercent, new Set(i.heldStars));
  return {
    branchId: i.branch.id,
    branchName: i.branch.name,
    branchType: i.branch.type,
    townshipId: i.township.id,
    townshipName: i.township.name,
    total: Math.max(0, overall.value - f.points),
    base,
    delta,
    level: stars.filter((s) => s.status === 'awarded').length,
    townshipRank: 0,
    components: all.map((p, k) => ({
      component: p.component,
      score: p.score,
      weight: p.weight,
      applied: overall.applied[k],
      facts: p.facts,
    })),
    deductions: { openFindings: f.openFindings, overdueFindings: f.overdueFindings, points: f.points },
    stars,
    targetStars: i.targetStars,
  };
}

type Comparable = Pick<Scorecard, 'branchId' | 'total' | 'level' | 'base' | 'delta'>;

/** Deterministic order: total, then stars, then base, then improvement (none last), then branch id. */
export function compareCards(a: Comparable, b: Comparable): number {
  return (
    b.total - a.total ||
    b.level - a.level ||
    b.base - a.base ||
    (b.delta ?? Number.NEGATIVE_INFINITY) - (a.delta ?? Number.NEGATIVE_INFINITY) ||
    (a.branchId < b.branchId ? -1 : a.branchId > b.branchId ? 1 : 0)
  );
}

/** 进步最快: branches whose base rose, by the size of the rise, then the usual order. */
export function mostImproved<T extends Comparable>(rows: T[], n: number): T[] {
  return rows
    .filter((r): r is typeof r & { delta: number } => r.delta !== null && r.delta > 0)
    .sort((a, b) => b.delta - a.delta || compareCards(a, b))
    .slice(0, n);
}

/** The stars each branch held on `day`: awarded on or before it, and not withdrawn by then. */
export function heldOn(holdings: TownshipQuarterInputs['holdings'], day: string): Map<string, Star[]> {
  const out = new Map<string, Star[]>();
  for (const h of holdings) {
    if (h.heldFrom > day || (h.withdrawnOn !== undefined && h.withdrawnOn <= day)) continue;
    const list = out.get(h.branchId) ?? [];
    if (!list.includes(h.star)) list.push(h.star);
    out.set(h.branchId, list);
  }
  return out;
}

const appraisalOf = (inputs: TownshipQuarterInputs, branchId: string) => {
  const r = inputs.appraisal?.find((a) => a.branchId === branchId);
  return r && r.score !== null ? { appraisal: { score: r.score, sheets: r.sheetCount } } : {};
};

/** Scores every branch of one township shard and ranks them within it. */
export function scoreTownship(ctx: ScoreContext, inputs: TownshipQuarterInputs, previousBases: ReadonlyMap<string, number>): Scorecard[] {
  const byBranch = <T extends { branchId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.branchId);
      if (list) list.push(r);
      else m.set(r.branchId, [r]);
    }
    return m;
  };
  const obs = byBranch(inputs.observations);
  const findings = byBranch(inputs.findings);
  const tasks = byBranch(inputs.taskProgress);
  const plans = new Map(inputs.plans.map((p) => [p.branchId, p]));
  // Day strings: the earlier of the preview's day and the quarter's end.
  const held = heldOn(inputs.holdings, [ctx.asOfDay, ctx.range.end].sort()[0]);
  const cards = inputs.branches.map((branch) =>
    scoreBranch(ctx, {
      branch,
      township: inputs.township,
      counters: inputs.reportCounters[branch.id],
      exemptions: inputs.exemptions,
      letters: inputs.letterCounters[branch.id],
      observations: obs.get(branch.id) ?? [],
      findings: findings.get(branch.id) ?? [],
      taskProgress: tasks.get(branch.id) ?? [],
      targetStars: plans.get(branch.id)?.targetStars ?? [],
      heldStars: held.get(branch.id) ?? [],
      previousBase: previousBases.get(branch.id) ?? null,
      ...appraisalOf(inputs, branch.id),
    }),
  );
  cards.sort(compareCards);
  cards.forEach((c, k) => {
    c.townshipRank = k + 1;
  });
  return cards;
}

/** Branches at 0–5 stars. */
export function levelCounts(levels: number[]): number[] {
  const out = [0, 0, 0, 0, 0, 0];
  for (const l of levels) out[clamp(l, 0, 5)]++;
  return out;
}

export function goalsOf(now: number[], previous: number[] | null, target: number[]) {
  const atLeast3 = (c: number[]) => c[3] + c[4] + c[5];
  return {
    threeStarPlus: { now: atLeast3(now), previous: previous ? atLeast3(previous) : null, target: atLeast3(target) },
    fourStar: { now: now[4], previous: previous ? previous[4] : null, target: target[4] },
    fiveStar: { now: now[5], previous: previous ? previous[5] : null, target: target[5] },
  };
}
