import type { Role } from '@chuangxing/shared';
import { forbiddenScope } from '../domain/domain-error';
import type { Invitation } from '../domain/invitation';
import { bindingsFor, isDistrictAdmin, managesTownship, type Principal, townshipKeyOf } from '../domain/principal';
import type { Deps } from '../ports/deps';

/**
 * District admins list everything (or one township); township staff list only their township.
 * Shared by invitations and bindings, which are filed the same way.
 */
export function listingKey(deps: Deps, principal: Principal, allowed: readonly Role[], townshipId?: string): string | undefined {
  const bindings = bindingsFor(principal, allowed);
  if (isDistrictAdmin(bindings, deps.districtId)) return townshipId;
  const own = bindings.find((b) => b.role === 'township_staff' && b.scope.level === 'township');
  const target = townshipId ?? (own ? townshipKeyOf(own.scope) : undefined);
  if (!target || !bindings.some((b) => managesTownship(b, deps.districtId, target))) throw forbiddenScope();
  return target;
}

export async function listInvitations(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  townshipId?: string,
): Promise<Invitation[]> {
  return deps.invitations.list(deps.districtId, listingKey(deps, principal, allowed, townshipId));
}
