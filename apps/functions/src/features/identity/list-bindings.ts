import type { Role } from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import type { Binding, Principal } from '../../platform/kernel/principal';
import { listingKey } from './list-invitations';

export async function listBindings(deps: Deps, principal: Principal, allowed: readonly Role[], townshipId?: string): Promise<Binding[]> {
  const all = await deps.users.listBindings(deps.districtId, listingKey(deps, principal, allowed, townshipId));
  return all.filter((b) => !b.revokedAt);
}
