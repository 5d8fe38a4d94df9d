import {
  type AppraisalItem,
  type AppraisalReportBody,
  type AppraisalResult,
  type AppraisalSheetBody,
  type AppraisalState,
  type GroupWeights,
  type PutAppraisalBody,
  SCORER_GROUPS,
  type ScorerGroup,
} from '@chuangxing/shared';
import { conflict, DomainError, invalid } from '../../platform/kernel/domain-error';

/** A 述职评议 session of one township and quarter, as stored (one document, versioned). */
export interface StoredAppraisal {
  townshipId: string;
  quarter: string;
  date: string;
  state: AppraisalState;
  version: number;
  items: AppraisalItem[];
  weights: GroupWeights;
  /** One-time codes for resident representatives; a redeemed one names its holder. */
  seats: { code: string; userId?: string }[];
  /** The township's branches, fixed when the session opens. */
  branches: { id: string; name: string }[];
  /** Bumped by every sheet written, so a close that read older sheets cannot win. */
  sheetRev: number;
  results?: AppraisalResult[];
  closedAt?: string;
  updatedAt: string;
  updatedBy: string;
}

export interface StoredAppraisalReport {
  townshipId: string;
  quarter: string;
  branchId: string;
  text: string;
  version: number;
  at: string;
  by: string;
}

/** One scorer's sheet for one branch; the scorer's id stays on the server (views show counts only). */
export interface StoredAppraisalSheet {
  townshipId: string;
  quarter: string;
  branchId: string;
  scorerId: string;
  group: ScorerGroup;
  scores: Record<string, number>;
  version: number;
  at: string;
}

export interface AppraisalActor {
  userId: string;
  at: string;
}

/** draft → open → scoring → closed, one step at a time. */
const NEXT: Record<AppraisalState, AppraisalState | undefined> = { draft: 'open', open: 'scoring', scoring: 'closed', closed: undefined };

const illegal = (message: string) => new DomainError('ILLEGAL_TRANSITION', message);

function expectSeen(current: { version: number } | undefined, seen: number, message: string) {
  if ((current?.version ?? 0) !== seen) throw conflict(message, 'body.version');
}

/**
 * Creates the session (version 0) or edits it while a draft. Seats keep their codes when the count grows or
 * shrinks, so a code already handed out stays valid.
 */
export function draftAppraisal(
  current: StoredAppraisal | undefined,
  body: PutAppraisalBody,
  target: { townshipId: string; quarter: string },
  actor: AppraisalActor,
  newCode: () => string,
): StoredAppraisal {
  if (current && current.state !== 'draft') throw illegal('评议已开始，不能再修改评分表');
  expectSeen(current, body.version, '评议已被他人修改，请刷新后再改');
  const seats = (current?.seats ?? []).slice(0, body.residentSeats);
  const taken = new Set(seats.map((s) => s.code));
  while (seats.length < body.residentSeats) {
    const code = newCode();
    if (!taken.has(code)) {
      taken.add(code);
      seats.push({ code });
    }
  }
  return {
    townshipId: target.townshipId,
    quarter: target.quarter,
    date: body.date,
    state: 'draft',
    version: body.version + 1,
    items: body.items,
    weights: body.weights,
    seats,
    branches: [],
    sheetRev: 0,
    updatedAt: actor.at,
    updatedBy: actor.userId,
  };
}

/**
 * The next state. Opening fixes the township's branches; closing freezes the results from the sheets the
 * caller read at `session.sheetRev` (the store's condition makes sure no sheet came in since).
 */
export function transitionAppraisal(
  session: StoredAppraisal,
  to: AppraisalState,
  seenVersion: number,
  actor: AppraisalActor,
  ctx: { branches: { id: string; name: string }[]; sheets: StoredAppraisalSheet[] },
): StoredAppraisal {
  if (session.version !== seenVersion) throw conflict('评议状态已变化，请刷新后再试', 'body.version');
  if (NEXT[session.state] !== to) throw illegal(`评议不能从“${session.state}”转到“${to}”`);
  const next: StoredAppraisal = { ...session, state: to, version: session.version + 1, updatedAt: actor.at, updatedBy: actor.userId };
  if (to === 'open') {
    if (ctx.branches.length === 0) throw illegal('本乡镇（街道）还没有支部，无法开始述职');
    next.branches = ctx.branches.map((b) => ({ id: b.id, name: b.name }));
  }
  if (to === 'closed') {
    next.results = appraisalResults(session, ctx.sheets);
    next.closedAt = actor.at;
  }
  return next;
}

/** The 述职 of a branch, while the session is open. */
export function writeReport(
  session: StoredAppraisal,
  current: StoredAppraisalReport | undefined,
  branchId: string,
  body: AppraisalReportBody,
  actor: AppraisalActor,
): StoredAppraisalReport {
  if (session.state !== 'open') throw illegal('只有述职阶段可以提交述职报告');
  if (!session.branches.some((b) => b.id === branchId)) throw invalid('params.branchId', '该支部不在本次评议中', 'unknown');
  expectSeen(current, body.version, '述职报告已被修改，请刷新后再改');
  return {
    townshipId: session.townshipId,
    quarter: session.quarter,
    branchId,
    text: body.text,
    version: body.version + 1,
    at: actor.at,
    by: actor.userId,
  };
}

/** Which group the caller scores in (the first that applies), and the branch they may never score. */
export interface Scorer {
  userId: string;
  group: ScorerGroup | null;
  ownBranchId?: string;
}

/** A scorer's sheet for a branch: every item of the form, each within its maximum; a resubmission replaces the last. */
export function submitSheet(
  session: StoredAppraisal,
  current: StoredAppraisalSheet | undefined,
  scorer: Scorer,
  branchId: string,
  body: AppraisalSheetBody,
  at: string,
): StoredAppraisalSheet {
  if (session.state !== 'scoring') throw illegal(session.state === 'closed' ? '评议已结束，不能再打分' : '评议尚未进入打分阶段');
  if (!scorer.group) throw new DomainError('FORBIDDEN_SCOPE', '您不是本次评议的评议人');
  if (scorer.ownBranchId === branchId) throw invalid('params.branchId', '不能给本支部打分', 'own_branch');
  if (!session.branches.some((b) => b.id === branchId)) throw invalid('params.branchId', '该支部不在本次评议中', 'unknown');
  const errors = session.items.flatMap((item) => {
    const v = body.scores[item.id];
    if (v === undefined) return [{ path: `body.scores.${item.id}`, code: 'required', message: `请为“${item.name}”打分` }];
    if (v > item.maxPoints)
      return [{ path: `body.scores.${item.id}`, code: 'too_big', message: `“${item.name}”最多 ${item.maxPoints} 分` }];
    return [];
  });
  for (const id of Object.keys(body.scores))
    if (!session.items.some((i) => i.id === id)) errors.push({ path: `body.scores.${id}`, code: 'unknown', message: '评分表中没有这一项' });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '评分有误', errors);
  expectSeen(current, body.version, '这份评分已被更新，请刷新后再改');
  return {
    townshipId: session.townshipId,
    quarter: session.quarter,
    branchId,
    scorerId: scorer.userId,
    group: scorer.group,
    scores: Object.fromEntries(session.items.map((i) => [i.id, body.scores[i.id]])),
    version: body.version + 1,
    at,
  };
}

/** The same sheet sent again after its answer was lost. */
export const isSheetRetry = (stored: StoredAppraisalSheet, body: AppraisalSheetBody) =>
  stored.version === body.version + 1 &&
  Object.keys(body.scores).length === Object.keys(stored.scores).length &&
  Object.entries(body.scores).every(([k, v]) => stored.scores[k] === v);

const round2 = (v: number) => Math.round(v * 100) / 100;

/** A sheet as 0–100: its points over the form's total. */
export const sheetPercent = (items: AppraisalItem[], scores: Record<string, number>) => {
  const max = items.reduce((a, i) => a + i.maxPoints, 0);
  return (items.reduce((a, i) => a + (scores[i.id] ?? 0), 0) * 100) / max;
};

/**
 * Per branch: each group's mean sheet (0–100), weighted across groups; a group with no sheet for the branch
 * is left out and the others' weights are scaled up to 100 (and shown as applied). Ranked within the township.
 */
export function appraisalResults(session: Pick<StoredAppraisal, 'items' | 'weights' | 'branches'>, sheets: StoredAppraisalSheet[]) {
  const rows = session.branches.map((b): AppraisalResult => {
    const own = sheets.filter((s) => s.branchId === b.id);
    const groups = Object.fromEntries(
      SCORER_GROUPS.map((g) => {
        const of = own.filter((s) => s.group === g).map((s) => sheetPercent(session.items, s.scores));
        return [g, of.length ? round2(of.reduce((a, v) => a + v, 0) / of.length) : null];
      }),
    ) as AppraisalResult['groups'];
    const present = SCORER_GROUPS.filter((g) => groups[g] !== null);
    const wsum = present.reduce((a, g) => a + session.weights[g], 0);
    const applied = Object.fromEntries(
      SCORER_GROUPS.map((g) => [g, groups[g] !== null && wsum > 0 ? Math.round((session.weights[g] * 100) / wsum) : 0]),
    ) as GroupWeights;
    const score = wsum > 0 ? round2(present.reduce((a, g) => a + (groups[g] ?? 0) * session.weights[g], 0) / wsum) : null;
    return { branchId: b.id, branchName: b.name, score, rank: null, groups, appliedWeights: applied, sheetCount: own.length };
  });
  const ranked = rows.filter((r) => r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  // Equal scores share a rank (1, 2, 2, 4).
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1].score === r.score ? ranked[i - 1].rank : i + 1;
  });
  return rows;
}

/** 比干劲 on the township's 亮赛比 board: a closed session's totals and ranks, best first (no group scores, no counts). */
export interface AppraisalStanding {
  quarter: string;
  results: { branchId: string; branchName: string; score: number | null; rank: number | null }[];
}

export interface TownshipStandings {
  closed?: AppraisalStanding;
  running?: { quarter: string; state: 'open' | 'scoring' };
}

/**
 * The township's latest closed session up to a quarter, and a later one still under way (open or scoring; a draft is
 * the organisers' own). Unscored branches follow the ranked ones, in the session's order.
 */
export function townshipStandings(
  sessions: Pick<StoredAppraisal, 'quarter' | 'state' | 'results'>[],
  upToQuarter: string,
): TownshipStandings {
  const newestFirst = sessions.filter((s) => s.quarter <= upToQuarter).sort((a, b) => b.quarter.localeCompare(a.quarter));
  const closed = newestFirst.find((s) => s.state === 'closed' && s.results);
  const underWay = <T extends { state: AppraisalState }>(s: T): s is T & { state: 'open' | 'scoring' } =>
    s.state === 'open' || s.state === 'scoring';
  const running = newestFirst.filter(underWay).find((s) => !closed || s.quarter > closed.quarter);
  const place = (rank: number | null) => rank ?? Number.MAX_SAFE_INTEGER;
  return {
    ...(closed?.results
      ? {
          closed: {
            quarter: closed.quarter,
            results: [...closed.results]
              .sort((a, b) => place(a.rank) - place(b.rank))
              .map((r) => ({ branchId: r.branchId, branchName: r.branchName, score: r.score, rank: r.rank })),
          },
        }
      : {}),
    ...(running ? { running: { quarter: running.quarter, state: running.state } } : {}),
  };
}
