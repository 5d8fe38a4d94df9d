import type { AudienceRole } from '@chuangxing/shared';
import { activeBindings } from '../../platform/kernel/principal';
import { nameResolver } from '../identity/identity.readers';
import type { AudienceMember } from './audience';
import type { LearningPorts } from './learning.ports';

/**
 * The audience of one township now: active branch bindings of the roles, one entry per person (a person
 * who is both cadre and secretary counts once). One query per township.
 */
export async function audienceOf(
  deps: Pick<LearningPorts, 'districtId' | 'users' | 'people'>,
  townshipId: string,
  roles: readonly AudienceRole[],
): Promise<Map<string, AudienceMember>> {
  const out = new Map<string, AudienceMember>();
  for (const b of activeBindings(await deps.users.listBindings(deps.districtId, townshipId))) {
    const s = b.scope;
    if (s.level !== 'branch' || s.townshipId !== townshipId || !roles.includes(b.role as AudienceRole) || out.has(b.userId)) continue;
    out.set(b.userId, { userId: b.userId, name: b.holderName ?? '', branchId: s.branchId });
  }
  // Each member under their current name (one batch read).
  const nameOf = await nameResolver(deps.people, out.keys());
  for (const m of out.values()) m.name = nameOf(m.userId, m.name);
  return out;
}
