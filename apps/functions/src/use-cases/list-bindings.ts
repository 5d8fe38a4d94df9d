import type { Role } from '@chuangxing/shared';
import type { Binding, Principal } from '../domain/principal';
import type { Deps } from '../ports/deps';
import { listingKey } from './list-invitations';

export async function listBindings(deps: Deps, principal: Principal, allowed: readonly Role[], townshipId?: string): Promise<Binding[]> {
  const all = await deps.users.listBindings(deps.districtId, listingKey(deps, principal, allowed, townshipId));
  return all.filter((b) => !b.revokedAt);
}
