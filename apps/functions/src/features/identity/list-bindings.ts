import type { Role } from '@chuangxing/shared';
import type { Binding, Principal } from '../../platform/kernel/principal';
import type { IdentityPorts } from './identity.ports';
import type { PersonCard } from './identity.readers';
import { listingKey } from './list-invitations';

/** A binding as a supervisor sees it: the holder's current name and, when they gave one, their work phone. */
export function withHolder(b: Binding, people: ReadonlyMap<string, PersonCard>): Binding & { holderPhone?: string } {
  const person = people.get(b.userId);
  if (!person) return b;
  return { ...b, holderName: person.displayName, ...(person.workPhone ? { holderPhone: person.workPhone } : {}) };
}

/** The bindings in the caller's reach (district admins, township staff: the holders' supervisors). */
export async function listBindings(
  deps: Pick<IdentityPorts, 'districtId' | 'users'>,
  principal: Principal,
  allowed: readonly Role[],
  townshipId?: string,
): Promise<Binding[]> {
  const all = await deps.users.listBindings(deps.districtId, listingKey(deps, principal, allowed, townshipId));
  const active = all.filter((b) => !b.revokedAt);
  const people = await deps.users.peopleOf(active.map((b) => b.userId));
  return active.map((b) => withHolder(b, people));
}
