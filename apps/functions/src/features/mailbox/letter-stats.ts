import type { LetterStats, Role } from '@chuangxing/shared';
import { forbiddenScope } from '../../platform/kernel/domain-error';
import { type Binding, bindingsFor, coversTownship, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { ratesOf, shanghaiMonth } from './letter';
import type { MailboxPorts } from './mailbox.ports';

/** The townships the bindings reach (all of the district's, or theirs), or the one asked for if it is among them. */
async function statsTownships(deps: MailboxPorts, bindings: Binding[], townshipId?: string): Promise<string[]> {
  const reach = reachableTownships(bindings, deps.districtId);
  const townships = reach === 'all' ? (await deps.org.listTownships(deps.districtId)).map((t) => t.id) : [...reach];
  if (!townshipId) return townships;
  if (!townships.includes(townshipId)) throw forbiddenScope();
  return [townshipId];
}

/**
 * 三率 per community: one counters query per township in reach (kept current by every transition), plus
 * the township's branch list for names. A station handler sees their own community.
 */
export async function getLetterStats(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  month = shanghaiMonth(deps.clock.now()),
  townshipId?: string,
): Promise<LetterStats> {
  const bindings = bindingsFor(principal, allowed);
  const handlerBranches = new Set(
    bindings.flatMap((b) => (b.role === 'station_handler' && b.scope.level === 'branch' ? [b.scope.branchId] : [])),
  );
  const overseers = bindings.filter((b) => b.role !== 'station_handler');
  const townships = await statsTownships(deps, bindings, townshipId);
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

/**
 * 纪检监察's 廉情 tally: the 廉情 letters naming each branch of their townships in a month, counted apart
 * from the community's 三率 (only 纪检监察 reach this route). Branches without one are left out.
 */
export async function getIntegrityLetterStats(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  month = shanghaiMonth(deps.clock.now()),
  townshipId?: string,
): Promise<LetterStats> {
  const discipline = bindingsFor(principal, allowed).filter((b) => b.role === 'discipline');
  const townships = await statsTownships(deps, discipline, townshipId);
  const rows = await Promise.all(
    townships.map(async (t) => {
      const counters = await deps.letters.integrityCountersOf(t, month);
      if (counters.length === 0) return [];
      const names = new Map((await deps.org.listBranches(t)).map((b) => [b.id, b.name]));
      return counters.map((c) => ({
        branchId: c.branchId,
        name: names.get(c.branchId) ?? c.branchId,
        townshipId: t,
        rates: ratesOf(c.counters),
      }));
    }),
  );
  return { month, communities: rows.flat().sort((a, b) => b.rates.received - a.rates.received || a.name.localeCompare(b.name, 'zh')) };
}
