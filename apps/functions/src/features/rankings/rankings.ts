import {
  type BranchScorecard,
  type BranchType,
  type DistrictRanking,
  type Honours,
  PUBLISHED_QUARTERS_BACK,
  type RankingRow,
  type Role,
  type StarMap,
} from '@chuangxing/shared';
import { DomainError, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { quarterOf, shanghaiDay } from '../../platform/kernel/shanghai-time';
import { runRankingJob } from './compute-ranking';
import { goalsOf, quarterRange, type Scorecard } from './ranking';
import { publishedNotices } from './ranking-notices';
import type { OrderRow, StoredRankingHeader } from './ranking-repository';
import type { RankingsPorts } from './rankings.ports';
import { type Access, accessOf, opensCard, presentVersion, resolveVersion, sees, withAnnotatorNames } from './rankings.readers';

const h2 = (n: number) => n / 100;

function presentRow(r: OrderRow, h: StoredRankingHeader): RankingRow {
  return {
    branchId: r.branchId,
    branchName: r.branchName,
    branchType: r.branchType,
    townshipId: r.townshipId,
    townshipName: r.townshipName,
    total: h2(r.total),
    base: h2(r.base),
    delta: r.delta === null ? null : h2(r.delta),
    level: r.level,
    districtRank: r.districtRank,
    townshipRank: r.townshipRank,
    annotations: h.annotations.filter((a) => a.branchId === r.branchId).map((a) => a.text),
  };
}

function assertAdmin(a: Access) {
  if (!a.admin) throw forbiddenScope();
}

export async function runRanking(deps: RankingsPorts, principal: Principal, allowed: readonly Role[], quarter: string, budgetMs = 8000) {
  assertAdmin(accessOf(deps, principal, allowed));
  if (quarterRange(quarter).start > shanghaiDay(deps.clock.now()))
    throw new DomainError('VALIDATION_FAILED', '该季度尚未开始', [
      { path: 'params.quarter', code: 'future_quarter', message: '该季度尚未开始' },
    ]);
  const started = Date.now();
  const res = await runRankingJob(deps, {
    quarter,
    trigger: 'preview',
    by: principal.user.id,
    timeLeft: () => budgetMs - (Date.now() - started),
    marginMs: 1500,
  });
  const published = await deps.rankings.publishedVersion(deps.districtId, quarter);
  const done = res.complete ? undefined : (await deps.rankings.doneTownships(deps.districtId, quarter, res.header.version)).size;
  return { ranking: presentVersion(res.header, published, done), complete: res.complete };
}

/**
 * The quarters with a published ranking, newest first, among the current quarter and the 7 before it: the ranking
 * pages open on the first, since the job ranks only ended quarters (the current one is rarely published).
 */
export async function listPublishedQuarters(deps: RankingsPorts) {
  const quarters = [quarterOf(shanghaiDay(deps.clock.now()))];
  while (quarters.length < PUBLISHED_QUARTERS_BACK) quarters.push(quarterRange(quarters[quarters.length - 1]).previous);
  return { quarters: await deps.rankings.publishedQuarters(deps.districtId, quarters) };
}

export async function listRankingVersions(deps: RankingsPorts, principal: Principal, allowed: readonly Role[], quarter: string) {
  const a = accessOf(deps, principal, allowed);
  const [runs, published] = await Promise.all([
    deps.rankings.listRuns(deps.districtId, quarter),
    deps.rankings.publishedVersion(deps.districtId, quarter),
  ]);
  const visible = await withAnnotatorNames(
    deps,
    runs.filter((r) => a.admin || r.status === 'published'),
  );
  const computing = visible.find((r) => r.status === 'computing');
  const done = computing ? (await deps.rankings.doneTownships(deps.districtId, quarter, computing.version)).size : undefined;
  return {
    quarter,
    ...(published ? { publishedVersion: published } : {}),
    versions: visible.map((r) => presentVersion(r, published, r === computing ? done : undefined)),
  };
}

/** Rows of some townships from their shards (cheap at any scale) or the whole district order. */
async function rowsFor(deps: RankingsPorts, h: StoredRankingHeader, townshipIds: string[] | 'all'): Promise<OrderRow[]> {
  if (townshipIds === 'all') return deps.rankings.readOrder(deps.districtId, h.quarter, h.version);
  const [shards, ranks] = await Promise.all([
    deps.rankings.readShards(deps.districtId, h.quarter, h.version, townshipIds),
    Promise.all(townshipIds.map((t) => deps.rankings.readRanks(deps.districtId, h.quarter, h.version, t))),
  ]);
  const rank = Object.assign({}, ...ranks) as Record<string, number>;
  return shards
    .flatMap((s) => s.cards)
    .map((c) => ({ ...c, districtRank: rank[c.branchId] ?? 0 }))
    .sort((x, y) => x.districtRank - y.districtRank)
    .map((c) => ({
      branchId: c.branchId,
      branchName: c.branchName,
      branchType: c.branchType,
      townshipId: c.townshipId,
      townshipName: c.townshipName,
      total: c.total,
      base: c.base,
      delta: c.delta,
      level: c.level,
      districtRank: c.districtRank,
      townshipRank: c.townshipRank,
    }));
}

export async function getRanking(
  deps: RankingsPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  q: { version?: number; townshipId?: string; branchType?: BranchType; offset: number; limit: number },
): Promise<DistrictRanking> {
  const a = accessOf(deps, principal, allowed);
  if (q.townshipId && !sees(a, q.townshipId)) throw forbiddenScope();
  const { header, published } = await resolveVersion(deps, a, quarter, q.version);
  const townships = q.townshipId ? [q.townshipId] : a.reach === 'all' ? 'all' : header.townshipIds.filter((t) => sees(a, t));
  const rows = (await rowsFor(deps, header, townships)).filter((r) => !q.branchType || r.branchType === q.branchType);
  return {
    ranking: presentVersion(header, published),
    matched: rows.length,
    offset: q.offset,
    rows: rows.slice(q.offset, q.offset + q.limit).map((r) => presentRow(r, header)),
  };
}

async function cardOf(
  deps: RankingsPorts,
  quarter: string,
  version: number,
  townshipId: string,
  branchId: string,
): Promise<{ card: Scorecard; districtRank: number } | undefined> {
  const [shards, ranks] = await Promise.all([
    deps.rankings.readShards(deps.districtId, quarter, version, [townshipId]),
    deps.rankings.readRanks(deps.districtId, quarter, version, townshipId),
  ]);
  const card = shards.flatMap((s) => s.cards).find((c) => c.branchId === branchId);
  return card ? { card, districtRank: ranks[branchId] ?? 0 } : undefined;
}

export async function getBranchScorecard(
  deps: RankingsPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  branchId: string,
  version?: number,
): Promise<BranchScorecard> {
  const a = accessOf(deps, principal, allowed);
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId || !opensCard(a, branch)) throw notFound('支部');
  const { header, published } = await resolveVersion(deps, a, quarter, version);
  const found = await cardOf(deps, quarter, header.version, branch.townshipId, branchId);
  if (!found) throw notFound('该支部本季度的评分');
  const { card, districtRank } = found;
  // Trend: the published rankings of the three quarters before, then this one.
  const quarters: string[] = [];
  let q = quarter;
  for (let k = 0; k < 3; k++) {
    q = quarterRange(q).previous;
    quarters.unshift(q);
  }
  const earlier = await Promise.all(
    quarters.map(async (q) => {
      const v = await deps.rankings.publishedVersion(deps.districtId, q);
      const f = v ? await cardOf(deps, q, v, branch.townshipId, branchId) : undefined;
      return f
        ? { quarter: q, total: h2(f.card.total), level: f.card.level, districtRank: f.districtRank, townshipRank: f.card.townshipRank }
        : undefined;
    }),
  );
  const row = presentRow({ ...card, districtRank }, header);
  return {
    ranking: presentVersion(header, published),
    row,
    components: card.components.map((c) => ({
      component: c.component,
      score: c.score === null ? null : h2(c.score),
      weight: c.weight,
      appliedWeight: h2(c.applied),
      facts: c.facts,
    })),
    deductions: {
      openFindings: card.deductions.openFindings,
      overdueFindings: card.deductions.overdueFindings,
      points: h2(card.deductions.points),
    },
    stars: card.stars.map(({ observation, ...s }) => ({ ...s, observationScore: observation === null ? null : h2(observation) })),
    targetStars: card.targetStars,
    trend: [
      ...earlier.filter((e) => e !== undefined),
      { quarter, total: row.total, level: row.level, districtRank, townshipRank: row.townshipRank },
    ],
  };
}

export async function getStarMap(
  deps: RankingsPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  version?: number,
): Promise<StarMap> {
  const a = accessOf(deps, principal, allowed);
  const { header, published } = await resolveVersion(deps, a, quarter, version);
  const rows = (await deps.rankings.readStarMap(deps.districtId, quarter, header.version)).filter((r) => sees(a, r.townshipId));
  const sum = (pick: (r: (typeof rows)[number]) => number[] | null) => {
    const lists = rows.map(pick).filter((l): l is number[] => l !== null);
    if (lists.length < rows.length) return null;
    return [0, 1, 2, 3, 4, 5].map((k) => lists.reduce((acc, l) => acc + l[k], 0));
  };
  const levels = sum((r) => r.levels) ?? [0, 0, 0, 0, 0, 0];
  const planTargets = sum((r) => r.planTargets) ?? [0, 0, 0, 0, 0, 0];
  const previousLevels = rows.length ? sum((r) => r.previousLevels) : null;
  return {
    ranking: presentVersion(header, published),
    previousQuarter: quarterRange(quarter).previous,
    townships: rows,
    totals: { townshipId: 'all', name: '合计', levels, previousLevels, planTargets, goals: goalsOf(levels, previousLevels, planTargets) },
  };
}

export async function getHonours(
  deps: RankingsPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  version?: number,
): Promise<Honours> {
  const a = accessOf(deps, principal, allowed);
  const { header, published } = await resolveVersion(deps, a, quarter, version);
  const lists = await deps.rankings.readLists(deps.districtId, quarter, header.version);
  const show = (rows: OrderRow[]) => rows.filter((r) => sees(a, r.townshipId)).map((r) => presentRow(r, header));
  return {
    ranking: presentVersion(header, published),
    topTen: show(lists.topTen),
    topHundred: show(lists.topHundred),
    mostImproved: show(lists.mostImproved),
  };
}

export async function annotateRanking(
  deps: RankingsPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  version: number,
  body: { text: string; branchId?: string; revision: number },
) {
  const a = accessOf(deps, principal, allowed);
  assertAdmin(a);
  const header = await deps.rankings.getRun(deps.districtId, quarter, version);
  if (!header) throw notFound('排名版本');
  if (header.status === 'published') throw new DomainError('ILLEGAL_TRANSITION', '已发布的排名不可修改；如需更正，请重新计算生成新版本');
  if (header.status === 'computing') throw new DomainError('ILLEGAL_TRANSITION', '排名尚未计算完成');
  let branchName: string | undefined;
  if (body.branchId) {
    const branch = await deps.org.getBranch(body.branchId);
    if (!branch || !(await cardOf(deps, quarter, version, branch.townshipId, body.branchId))) {
      throw new DomainError('VALIDATION_FAILED', '提交的内容有误', [
        { path: 'body.branchId', code: 'not_ranked', message: '该支部不在本次排名中' },
      ]);
    }
    branchName = branch.name;
  }
  // The branch's name is kept with the note, so the review lists it whichever rows are loaded.
  const annotation = {
    id: deps.ids.next(),
    ...(body.branchId ? { branchId: body.branchId, branchName } : {}),
    text: body.text,
    by: principal.user.id,
    byName: principal.user.displayName,
    at: deps.clock.now().toISOString(),
  };
  await deps.rankings.annotate(deps.districtId, quarter, version, annotation, body.revision);
  const published = await deps.rankings.publishedVersion(deps.districtId, quarter);
  const [named] = await withAnnotatorNames(deps, [
    { ...header, annotations: [...header.annotations, annotation], revision: body.revision + 1 },
  ]);
  return presentVersion(named, published);
}

export async function publishRanking(
  deps: RankingsPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  version: number,
  revision: number,
) {
  const a = accessOf(deps, principal, allowed);
  assertAdmin(a);
  const [header, previous] = await Promise.all([
    deps.rankings.getRun(deps.districtId, quarter, version),
    deps.rankings.publishedVersion(deps.districtId, quarter),
  ]);
  if (!header) throw notFound('排名版本');
  if (header.status === 'published') throw new DomainError('ILLEGAL_TRANSITION', '已发布的排名不可修改；如需更正，请重新计算生成新版本');
  if (header.status === 'computing') throw new DomainError('ILLEGAL_TRANSITION', '排名尚未计算完成');
  if (previous && previous > version) throw new DomainError('CONFLICT', '已有更新的版本发布，不能发布较旧的草稿');
  const at = deps.clock.now().toISOString();
  const notices = deps.notices.stage(await publishedNotices(deps, quarter, version, at));
  await deps.rankings.publish(deps.districtId, quarter, version, revision, at, principal.user.id, previous ?? 0, notices);
  await deps.notices.dispatch(notices);
  const [named] = await withAnnotatorNames(deps, [
    { ...header, status: 'published' as const, publishedAt: at, publishedBy: principal.user.id },
  ]);
  return presentVersion(named, version);
}
