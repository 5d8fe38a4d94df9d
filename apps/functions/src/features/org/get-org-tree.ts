import type { OrgTree, Role } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { totalCounts } from './org';
import type { OrgPorts } from './org.ports';

/** O(townships): counts live on the township items, kept current when branches are created. */
export async function getOrgTree(deps: OrgPorts, principal: Principal, allowed: readonly Role[]): Promise<OrgTree> {
  const district = await deps.org.getDistrict(deps.districtId);
  if (!district) throw notFound('区');
  const reach = reachableTownships(bindingsFor(principal, allowed), deps.districtId);
  const all = await deps.org.listTownships(deps.districtId);
  const visible = reach === 'all' ? all : all.filter((t) => reach.has(t.id));
  return {
    district: { id: district.id, name: district.name },
    townships: visible.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      isDemo: t.isDemo,
      counts: { ...t.counts, total: t.counts.rural + t.counts.community },
    })),
    totals: totalCounts(visible),
  };
}
