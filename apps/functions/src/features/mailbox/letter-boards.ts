import type { IntegrityBoard, LetterStats, PublicBoard, PutIntegrityBoardBody, Role } from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, managesTownship, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { ratesOf, redactPersonalData } from './letter';

const thisMonth = (deps: Deps) => shanghaiDay(deps.clock.now()).slice(0, 7);

/**
 * 三率 per community: one counters query per township in reach (kept current by every transition), plus
 * the township's branch list for names. A station handler sees their own community.
 */
export async function getLetterStats(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  month = thisMonth(deps),
  townshipId?: string,
): Promise<LetterStats> {
  const bindings = bindingsFor(principal, allowed);
  const handlerBranches = new Set(
    bindings.flatMap((b) => (b.role === 'station_handler' && b.scope.level === 'branch' ? [b.scope.branchId] : [])),
  );
  const overseers = bindings.filter((b) => b.role !== 'station_handler');
  const reach = reachableTownships(bindings, deps.districtId);
  let townships = reach === 'all' ? (await deps.org.listTownships(deps.districtId)).map((t) => t.id) : [...reach];
  if (townshipId) {
    if (!townships.includes(townshipId)) throw forbiddenScope();
    townships = [townshipId];
  }
  const rows = await Promise.all(
    townships.map(async (t) => {
      const [counters, branches] = await Promise.all([deps.letters.countersOf(t, month), deps.org.listBranches(t)]);
      const seeAll = overseers.some((b) => coversTownship(b, deps.districtId, t));
      const byId = new Map(counters.map((c) => [c.branchId, c.counters]));
      return branches
        .filter((b) => b.type === 'community' && (seeAll || handlerBranches.has(b.id)))
        .map((b) => ({ branchId: b.id, name: b.name, townshipId: t, rates: ratesOf(byId.get(b.id) ?? {}) }));
    }),
  );
  return { month, communities: rows.flat() };
}

/** The community's public board: readable by every resident, with no personal data. */
export async function getPublicBoard(deps: Deps, branchId: string, month = thisMonth(deps)): Promise<PublicBoard> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch) throw notFound('社区');
  const [counters, letters] = await Promise.all([
    deps.letters.countersOf(branch.townshipId, month),
    deps.letters.published(branch.townshipId, branchId, 20),
  ]);
  return {
    branchId,
    townshipId: branch.townshipId,
    branchName: branch.name,
    month,
    rates: ratesOf(counters.find((c) => c.branchId === branchId)?.counters ?? {}),
    letters: letters.map((l) => ({
      category: l.category,
      text: redactPersonalData(l.text),
      ...(l.lastReply ? { reply: redactPersonalData(l.lastReply) } : {}),
      status: l.status,
      createdAt: l.createdAt,
    })),
  };
}

export async function getIntegrityBoard(deps: Deps, branchId: string): Promise<IntegrityBoard> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch) throw notFound('社区');
  const board = await deps.letters.getIntegrityBoard(branchId);
  return {
    branchId,
    townshipId: branch.townshipId,
    branchName: branch.name,
    commitments: board?.commitments ?? [],
    ...(board?.updatedAt ? { updatedAt: board.updatedAt } : {}),
    version: board?.version ?? 0,
  };
}

/** The community's own secretary or station handler publishes; so may the staff of its township. */
export async function putIntegrityBoard(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  body: PutIntegrityBoardBody,
): Promise<IntegrityBoard> {
  const branch = await deps.org.getBranch(branchId);
  const bindings = bindingsFor(principal, allowed);
  const own = bindings.some((b) => b.scope.level === 'branch' && b.scope.branchId === branchId);
  if (!branch || !(own || bindings.some((b) => managesTownship(b, deps.districtId, branch.townshipId)))) throw notFound('社区');
  const at = deps.clock.now().toISOString();
  await deps.letters.putIntegrityBoard(
    { branchId, commitments: body.commitments, version: body.version + 1, updatedAt: at, updatedBy: principal.user.id },
    body.version,
  );
  return {
    branchId,
    townshipId: branch.townshipId,
    branchName: branch.name,
    commitments: body.commitments,
    updatedAt: at,
    version: body.version + 1,
  };
}
