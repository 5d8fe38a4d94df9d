import type { Me } from '@chuangxing/shared';

/** True when the caller holds any role beyond resident (org pages need one). */
export function isOfficial(me: Me | undefined): boolean {
  if (!me) return false;
  return me.roles.some((r) => r !== 'resident') || me.bindings.some((b) => !b.revokedAt);
}
