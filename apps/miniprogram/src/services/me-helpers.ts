import type { Me, RoleBinding } from '@chuangxing/shared';

/** True when the caller holds any role beyond resident (org pages need one). */
export function isOfficial(me: Me | undefined): boolean {
  if (!me) return false;
  return me.roles.some((r) => r !== 'resident') || me.bindings.some((b) => !b.revokedAt);
}

function activeBindings(me: Me | undefined): RoleBinding[] {
  return me ? me.bindings.filter((b) => !b.revokedAt) : [];
}

/** A district-wide 区委组织部管理员 binding: may manage every township and grant every role. */
export function isDistrictAdmin(me: Me | undefined): boolean {
  return activeBindings(me).some((b) => b.role === 'district_admin' && b.scope.level === 'district');
}

/** The townships the caller manages as 乡镇（街道）工作人员 (district admins are not listed here). */
export function staffTownshipIds(me: Me | undefined): string[] {
  const ids = new Set<string>();
  for (const b of activeBindings(me)) {
    if (b.role === 'township_staff' && b.scope.level === 'township') for (const id of b.scope.townshipIds) ids.add(id);
  }
  return [...ids];
}

/**
 * May the caller manage (add or rename branches, invite into) this township? The server's rule:
 * a district admin, or township staff whose township-level binding includes it.
 * The UI only hides actions with it; the server decides.
 */
export function managesTownship(me: Me | undefined, townshipId: string): boolean {
  return isDistrictAdmin(me) || staffTownshipIds(me).includes(townshipId);
}
