import type { RankingVersion, Role } from '@chuangxing/shared';
import { DomainError, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { nameResolver } from '../identity/identity.readers';
import type { StoredRankingHeader } from './ranking-repository';
import type { RankingsPorts } from './rankings.ports';

/** A ranking version as the caller may see it, for the export: scorecards with district ranks and the star map. */
export type RankingForExport = Awaited<ReturnType<typeof rankingForExport>>;

export interface RankingExportReader {
  forExport(principal: Principal, allowed: readonly Role[], quarter: string, version?: number): Promise<RankingForExport>;
}

/** What reading a ranking version takes (the rankings' own reads and the export). */
export type RankingReadPorts = Pick<RankingsPorts, 'districtId' | 'rankings' | 'people'>;

export function presentVersion(h: StoredRankingHeader, publishedVersion: number | undefined, townshipsDone?: number): RankingVersion {
  return {
    quarter: h.quarter,
    version: h.version,
    status: h.status,
    current: h.status === 'published' && publishedVersion === h.version,
    trigger: h.trigger,
    scoringVersion: h.scoringVersion,
    ...(h.inputsHash ? { inputsHash: h.inputsHash } : {}),
    townshipsDone: townshipsDone ?? (h.status === 'computing' ? 0 : h.townshipIds.length),
    townshipsTotal: h.townshipIds.length,
    branchCount: h.branchCount,
    revision: h.revision,
    annotations: h.annotations,
    createdAt: h.createdAt,
    ...(h.publishedAt ? { publishedAt: h.publishedAt, publishedBy: h.publishedBy } : {}),
  };
}

/** Headers with each annotation under its author's current name (one batch read for all of them). */
export async function withAnnotatorNames<H extends Pick<StoredRankingHeader, 'annotations'>>(
  deps: Pick<RankingsPorts, 'people'>,
  headers: H[],
): Promise<H[]> {
  const nameOf = await nameResolver(
    deps.people,
    headers.flatMap((h) => h.annotations.map((a) => a.by)),
  );
  return headers.map((h) => ({ ...h, annotations: h.annotations.map((a) => ({ ...a, byName: nameOf(a.by, a.byName) })) }));
}

export interface Access {
  admin: boolean;
  /** The townships whose rows the caller reads (a secretary or cadre: their branch's township, 亮赛比 in the open). */
  reach: 'all' | Set<string>;
  /** The townships whose branches' scorecards the caller opens (township and district roles). */
  cardReach: 'all' | Set<string>;
  /** A secretary's or cadre's own branches, whose scorecards they open too. */
  ownBranches: Set<string>;
}

export function accessOf(deps: Pick<RankingsPorts, 'districtId'>, principal: Principal, allowed: readonly Role[]): Access {
  const bindings = bindingsFor(principal, allowed);
  const wide = bindings.filter((b) => b.scope.level !== 'branch');
  const own = bindings.flatMap((b) => (b.scope.level === 'branch' && b.scope.districtId === deps.districtId ? [b.scope.branchId] : []));
  return {
    admin: isDistrictAdmin(bindings, deps.districtId),
    reach: reachableTownships(bindings, deps.districtId),
    cardReach: reachableTownships(wide, deps.districtId),
    ownBranches: new Set(own),
  };
}

export const sees = (a: Access, townshipId: string) => a.reach === 'all' || a.reach.has(townshipId);
export const opensCard = (a: Access, branch: { id: string; townshipId: string }) =>
  a.cardReach === 'all' || a.cardReach.has(branch.townshipId) || a.ownBranches.has(branch.id);

/**
 * The version a reader gets: the quarter's published one, or a named version. Drafts (and superseded
 * versions' drafts) are the district admin's alone; to anyone else they do not exist.
 */
export async function resolveVersion(
  deps: RankingReadPorts,
  a: Access,
  quarter: string,
  version?: number,
): Promise<{ header: StoredRankingHeader; published: number | undefined }> {
  const published = await deps.rankings.publishedVersion(deps.districtId, quarter);
  const v = version ?? published;
  if (!v) throw notFound('本季度已发布的排名');
  const header = await deps.rankings.getRun(deps.districtId, quarter, v);
  if (!header || (header.status !== 'published' && !a.admin)) throw notFound('排名版本');
  if (header.status === 'computing') throw new DomainError('CONFLICT', '该版本仍在计算中，请稍后再看');
  const [named] = await withAnnotatorNames(deps, [header]);
  return { header: named, published };
}

/** Everything the export needs: the version, its visible scorecards with district ranks, and its star map. */
export async function rankingForExport(
  deps: RankingReadPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  version?: number,
) {
  const a = accessOf(deps, principal, allowed);
  const { header, published } = await resolveVersion(deps, a, quarter, version);
  const townships = header.townshipIds.filter((t) => sees(a, t));
  const [shards, ranks, starMap] = await Promise.all([
    deps.rankings.readShards(deps.districtId, quarter, header.version, townships),
    Promise.all(townships.map((t) => deps.rankings.readRanks(deps.districtId, quarter, header.version, t))),
    deps.rankings.readStarMap(deps.districtId, quarter, header.version),
  ]);
  const rank = Object.assign({}, ...ranks) as Record<string, number>;
  const cards = shards.flatMap((s) => s.cards).map((card) => ({ card, districtRank: rank[card.branchId] ?? 0 }));
  cards.sort((x, y) => x.districtRank - y.districtRank);
  return { version: presentVersion(header, published), header, cards, starMap: starMap.filter((r) => sees(a, r.townshipId)) };
}
