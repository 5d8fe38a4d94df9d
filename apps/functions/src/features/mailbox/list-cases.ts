import type { Role } from '@chuangxing/shared';
import { bindingsFor, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { accessTo } from './case-access';
import { isOverdue } from './letter';
import type { CaseScope } from './letter-repository';
import type { MailboxPorts } from './mailbox.ports';

/** The queues the caller's bindings open: a community's, a township's oversight view, or 廉情 by township. */
export async function listCases(deps: MailboxPorts, principal: Principal, allowed: readonly Role[], status: 'open' | 'closed' = 'open') {
  const bindings = bindingsFor(principal, allowed);
  const scopes: CaseScope[] = [];
  const allTownships = async () => (await deps.org.listTownships(deps.districtId)).map((t) => t.id);
  for (const b of bindings) {
    const s = b.scope;
    if (b.role === 'station_handler' && s.level === 'branch')
      scopes.push({ kind: 'branch', townshipId: s.townshipId, branchId: s.branchId });
    if (b.role === 'discipline' || b.role === 'township_staff' || b.role === 'district_admin') {
      const reach = reachableTownships([b], deps.districtId);
      const ids = reach === 'all' ? await allTownships() : [...reach];
      for (const t of ids) scopes.push({ kind: b.role === 'discipline' ? 'integrity' : 'township', townshipId: t });
    }
  }
  const lists = await Promise.all(scopes.map((sc) => deps.letters.listCases(sc, status === 'open')));
  const byId = new Map(lists.flat().map((l) => [l.id, l]));
  const now = deps.clock.now().getTime();
  return [...byId.values()]
    .filter((l) => accessTo(deps, principal, allowed, l))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 200)
    .map((l) => ({
      id: l.id,
      queryCode: l.queryCode,
      branchName: l.branchName,
      category: l.category,
      status: l.status,
      excerpt: l.text.slice(0, 60),
      createdAt: l.createdAt,
      acceptBy: l.acceptBy,
      ...(l.replyBy ? { replyBy: l.replyBy } : {}),
      overdue: isOverdue(l, new Date(now)),
    }));
}
