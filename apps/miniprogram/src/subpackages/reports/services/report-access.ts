import type { Me, RoleBinding } from '@chuangxing/shared';
import { filerBranchIds } from '../../../services/report-context';

/**
 * What the report pages offer to whom. Mirrors the server's rules only to hide buttons; the server
 * decides (and answers 404 for another branch's reports).
 */
const active = (me: Me | undefined): RoleBinding[] => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

// Home needs it too (to warm the form's offline context), so it lives in the main package.
export { filerBranchIds };

export function canFile(me: Me | undefined, branchId: string): boolean {
  return filerBranchIds(me).includes(branchId);
}

/** 批注: the branch's secretary, or township staff of its township. */
export function canComment(me: Me | undefined, branch: { id: string; townshipId: string }): boolean {
  return active(me).some(
    (b) =>
      (b.role === 'secretary' && b.scope.level === 'branch' && b.scope.branchId === branch.id) ||
      (b.role === 'township_staff' && b.scope.level === 'township' && b.scope.townshipIds.includes(branch.townshipId)),
  );
}

/** 一键提醒: township staff of the township, or a district admin. */
export function canRemind(me: Me | undefined, townshipId: string): boolean {
  return active(me).some(
    (b) =>
      (b.role === 'district_admin' && b.scope.level === 'district') ||
      (b.role === 'township_staff' && b.scope.level === 'township' && b.scope.townshipIds.includes(townshipId)),
  );
}

/** Roles that see the district's per-township rates (getDistrictCompliance). */
export function seesDistrict(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'district_admin' || b.role === 'leader' || b.role === 'inspector');
}

/** Townships of the caller's township-staff bindings. */
export function staffTownships(me: Me | undefined): string[] {
  const ids = new Set<string>();
  for (const b of active(me))
    if (b.role === 'township_staff' && b.scope.level === 'township') for (const id of b.scope.townshipIds) ids.add(id);
  return [...ids];
}
