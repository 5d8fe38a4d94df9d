import type { AudienceRole, Role } from '@chuangxing/shared';
import { bindingsFor, type Principal, reachableTownships } from '../../platform/kernel/principal';

/** The townships a caller manages: 'all' for a district admin. */
export type Reach = 'all' | Set<string>;

const MANAGERS: readonly Role[] = ['district_admin', 'township_staff'];

/** The townships the caller manages through the route's manager roles: 'all' for a district admin. */
export function managedTownships(districtId: string, principal: Principal, allowed: readonly Role[]): Reach {
  const bindings = bindingsFor(
    principal,
    allowed.filter((r) => MANAGERS.includes(r)),
  ).filter((b) => (b.role === 'district_admin' ? b.scope.level === 'district' : b.scope.level === 'township'));
  return reachableTownships(bindings, districtId);
}

export const manages = (reach: Reach, townshipId: string) => reach === 'all' || reach.has(townshipId);

/** The branch binding through which the caller belongs to an audience (roles × townships), if any. */
export function audienceBinding(
  principal: Principal,
  allowed: readonly Role[],
  roles: readonly AudienceRole[],
  townshipIds: readonly string[],
) {
  for (const b of bindingsFor(principal, allowed)) {
    const s = b.scope;
    if (s.level === 'branch' && roles.includes(b.role as AudienceRole) && townshipIds.includes(s.townshipId))
      return { binding: b, townshipId: s.townshipId, branchId: s.branchId };
  }
  return undefined;
}

export interface AudienceMember {
  userId: string;
  name: string;
  branchId: string;
}
