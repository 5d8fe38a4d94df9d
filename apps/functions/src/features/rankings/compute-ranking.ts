import type { StarMapRow } from '@chuangxing/shared';
import { compareCards, goalsOf, lastDueDay, levelCounts, mostImproved, quarterRange, scoreTownship } from './ranking';
import type { OrderRow, RankingSummary, ShardRow, StoredRankingHeader } from './ranking-repository';
import type { RankingsPorts } from './rankings.ports';
import { modelInForce } from './scoring-model';

export interface RunOptions {
  quarter: string;
  trigger: 'schedule' | 'preview';
  by: string;
  /** Milliseconds left before the caller must stop (Lambda's getRemainingTimeInMillis). */
  timeLeft: () => number;
  /** Stop starting new shards when less than this is left (default 5 s). */
  marginMs?: number;
  /** Shards computed at once (default 4). */
  concurrency?: number;
}

export interface RunResult {
  header: StoredRankingHeader;
  complete: boolean;
  /** Shards computed by this invocation (a resumed run skips the checkpointed ones). */
  computedTownships: number;
}

/** JSON with sorted object keys, so the inputs hash does not depend on attribute order. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const toOrderRow = ({ targetLevel: _t, ...r }: ShardRow, districtRank: number): OrderRow => ({ ...r, districtRank });

/** Starts a run, or resumes the quarter's run that is still computing. */
async function claimRun(deps: RankingsPorts, o: RunOptions): Promise<StoredRankingHeader> {
  const d = deps.districtId;
  const latest = await deps.rankings.latestRun(d, o.quarter);
  if (latest?.status === 'computing') return latest;
  // The quarter-end schedule makes its draft once; a retry after it finished changes nothing.
  if (o.trigger === 'schedule' && latest?.trigger === 'schedule') return latest;
  const range = quarterRange(o.quarter);
  const [model, rules, townships] = await Promise.all([
    modelInForce(deps),
    deps.rules.getDailyRules(d),
    deps.scoringInputs.listTownships(d),
  ]);
  const header: StoredRankingHeader = {
    quarter: o.quarter,
    version: (latest?.version ?? 0) + 1,
    status: 'computing',
    trigger: o.trigger,
    scoringVersion: model.version,
    model: model.content,
    townshipIds: townships.map((t) => t.id),
    asOfDay: lastDueDay(range, deps.clock.now(), rules.deadline),
    branchCount: 0,
    revision: 0,
    annotations: [],
    createdAt: deps.clock.now().toISOString(),
    createdBy: o.by,
  };
  await deps.rankings.createRun(d, header, latest?.version ?? 0);
  return header;
}

/** The previous quarter's published base scores of one township's branches. */
async function previousBases(
  deps: RankingsPorts,
  previousQuarter: string,
  previousVersion: number | undefined,
  townshipId: string,
): Promise<Map<string, number>> {
  if (!previousVersion) return new Map();
  const shards = await deps.rankings.readShards(deps.districtId, previousQuarter, previousVersion, [townshipId]);
  return new Map(shards.flatMap((s) => s.cards.map((c) => [c.branchId, c.base] as const)));
}

/**
 * The ranking job. Each township is a shard: its inputs are read from the rollups, scored and written as one
 * checkpoint. When time runs short it stops between shards and returns `complete: false`; the next call
 * (a scheduler retry, or the admin pressing again) resumes with the shards still missing. Once every shard
 * is there, the district order, the honour lists and the star map are written and the version becomes a draft.
 */
export async function runRankingJob(deps: RankingsPorts, o: RunOptions): Promise<RunResult> {
  const d = deps.districtId;
  const header = await claimRun(deps, o);
  if (header.status !== 'computing') return { header, complete: true, computedTownships: 0 };
  const range = quarterRange(o.quarter);
  const ctx = { model: header.model, range, asOfDay: header.asOfDay };
  const [done, prevPublished, townships] = await Promise.all([
    deps.rankings.doneTownships(d, o.quarter, header.version),
    deps.rankings.publishedVersion(d, range.previous),
    deps.scoringInputs.listTownships(d),
  ]);
  const names = new Map(townships.map((t) => [t.id, t.name]));
  const todo = header.townshipIds.filter((t) => !done.has(t));
  const margin = o.marginMs ?? 5000;
  let computed = 0;
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (next < todo.length) {
      if (o.timeLeft() < margin) {
        stopped = true;
        return;
      }
      const townshipId = todo[next++];
      const township = { id: townshipId, name: names.get(townshipId) ?? townshipId };
      const [inputs, prev] = await Promise.all([
        deps.scoringInputs.loadTownship(d, township, o.quarter),
        previousBases(deps, range.previous, prevPublished, townshipId),
      ]);
      const cards = scoreTownship(ctx, inputs, prev);
      const hash = deps.sha256(stableStringify({ inputs, previous: [...prev].sort(([a], [b]) => a.localeCompare(b)) }));
      await deps.rankings.putShard(d, o.quarter, header.version, townshipId, cards, hash);
      computed++;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency ?? 4, todo.length)) }, worker));
    if (stopped || next < todo.length) return { header, complete: false, computedTownships: computed };
    const shards = await deps.rankings.readShardRows(d, o.quarter, header.version);
    const summary = await summarise(deps, header, shards, range.previous, prevPublished, names);
    await deps.rankings.finalize(d, o.quarter, header.version, summary);
    // Counted once per run, by the invocation that finished it (a resumed run is not counted per attempt).
    deps.metrics.count('RankingRuns');
    return {
      header: { ...header, status: 'draft', inputsHash: summary.inputsHash, branchCount: summary.branchCount },
      complete: true,
      computedTownships: computed,
    };
  } catch (err) {
    // A twin invocation (an overlapping retry) finished the run first: its result is the same.
    const now = await deps.rankings.getRun(d, o.quarter, header.version);
    if (now && now.status !== 'computing') return { header: now, complete: true, computedTownships: computed };
    throw err;
  }
}

/** District order, ranks, lists and star map from the shards (O(branches) in memory, no further reads but one). */
export async function summarise(
  deps: RankingsPorts,
  header: StoredRankingHeader,
  shards: { townshipId: string; hash: string; rows: ShardRow[] }[],
  previousQuarter: string,
  previousVersion: number | undefined,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<RankingSummary> {
  const byTownship = new Map(shards.map((s) => [s.townshipId, s]));
  const hashes = header.townshipIds.map((t) => `${t}:${byTownship.get(t)?.hash ?? 'missing'}`);
  const inputsHash = deps.sha256(`scoring:${header.scoringVersion}|asOf:${header.asOfDay}|${hashes.join('|')}`);
  const rows = shards.flatMap((s) => s.rows).sort(compareCards);
  const order = rows.map((c, k) => toOrderRow(c, k + 1));
  const ranksByTownship: Record<string, Record<string, number>> = Object.fromEntries(header.townshipIds.map((t) => [t, {}]));
  for (const r of order) {
    ranksByTownship[r.townshipId] ??= {};
    ranksByTownship[r.townshipId][r.branchId] = r.districtRank;
  }
  const lists = header.model.lists;
  const previousMap = previousVersion ? await deps.rankings.readStarMap(deps.districtId, previousQuarter, previousVersion) : [];
  const prevBy = new Map(previousMap.map((r) => [r.townshipId, r.levels]));
  const starMap: StarMapRow[] = header.townshipIds.map((t) => {
    const own = byTownship.get(t)?.rows ?? [];
    const levels = levelCounts(own.map((c) => c.level));
    const planTargets = levelCounts(own.filter((c) => c.targetLevel > 0).map((c) => c.targetLevel));
    const previousLevels = prevBy.get(t) ?? null;
    return {
      townshipId: t,
      name: names.get(t) ?? own[0]?.townshipName ?? t,
      levels,
      previousLevels,
      planTargets,
      goals: goalsOf(levels, previousLevels, planTargets),
    };
  });
  return {
    inputsHash,
    branchCount: order.length,
    order,
    ranksByTownship,
    lists: {
      topTen: order.slice(0, lists.topTen),
      topHundred: order.slice(0, lists.topHundred),
      mostImproved: mostImproved(order, lists.mostImproved),
    },
    starMap,
  };
}
