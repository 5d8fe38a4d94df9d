import type { Role } from '@chuangxing/shared';
import { forbiddenScope } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, managesTownship, type Principal, townshipKeyOf } from '../../platform/kernel/principal';
import type { IdentityPorts } from './identity.ports';
import type { Invitation } from './invitation';

/**
 * District admins list everything (or one township); township staff list only their township.
 * Shared by invitations and bindings, which are filed the same way.
 */
export function listingKey(
  deps: Pick<IdentityPorts, 'districtId'>,
  principal: Principal,
  allowed: readonly Role[],
  townshipId?: string,
): string | undefined {
  const bindings = bindingsFor(principal, allowed);
  if (isDistrictAdmin(bindings, deps.districtId)) return townshipId;
  const own = bindings.find((b) => b.role === 'township_staff' && b.scope.level === 'township');
  const target = townshipId ?? (own ? townshipKeyOf(own.scope) : undefined);
  if (!target || !bindings.some((b) => managesTownship(b, deps.districtId, target))) throw forbiddenScope();
  return target;
}

export async function listInvitations(
  deps: Pick<IdentityPorts, 'districtId' | 'invitations'>,
  principal: Principal,
  allowed: readonly Role[],
  townshipId?: string,
): Promise<Invitation[]> {
  return deps.invitations.list(deps.districtId, listingKey(deps, principal, allowed, townshipId));
}
