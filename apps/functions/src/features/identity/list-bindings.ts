import type { Role } from '@chuangxing/shared';
import type { Binding, Principal } from '../../platform/kernel/principal';
import type { IdentityPorts } from './identity.ports';
import { listingKey } from './list-invitations';

export async function listBindings(
  deps: Pick<IdentityPorts, 'districtId' | 'users'>,
  principal: Principal,
  allowed: readonly Role[],
  townshipId?: string,
): Promise<Binding[]> {
  const all = await deps.users.listBindings(deps.districtId, listingKey(deps, principal, allowed, townshipId));
  return all.filter((b) => !b.revokedAt);
}
