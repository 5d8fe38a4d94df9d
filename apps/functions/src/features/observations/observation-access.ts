import type { OfficialRole, Role } from '@chuangxing/shared';
import { forbiddenScope } from '../../platform/kernel/domain-error';
import {
  type Binding,
  bindingsFor,
  coversTownship,
  isDistrictAdmin,
  managesTownship,
  type Principal,
  townshipKeyOf,
} from '../../platform/kernel/principal';
import type { ObservationBranchRef, StoredObservation } from './observation';

/** Who may be assigned to score: bound officials of these roles whose scope covers the observation. */
export const OBSERVER_ROLES: readonly OfficialRole[] = ['township_staff', 'inspector', 'leader', 'district_admin'];

/** A binding that makes its holder a candidate observer for a township's observation, or a district-wide one. */
export function eligibleObserver(b: Binding, districtId: string, townshipId: string | undefined): boolean {
  if (b.revokedAt || !OBSERVER_ROLES.includes(b.role)) return false;
  return townshipId ? coversTownship(b, districtId, townshipId) : b.scope.districtId === districtId;
}

/** The organiser's side: the district admin, or the staff of the organising township. */
export function canManage(bindings: Binding[], districtId: string, obs: Pick<StoredObservation, 'townshipId'>): boolean {
  if (isDistrictAdmin(bindings, districtId)) return true;
  const townshipId = obs.townshipId;
  if (!townshipId) return false;
  return bindings.some((b) => b.role === 'township_staff' && managesTownship(b, districtId, townshipId));
}

/** What the caller sees of an observation. */
export interface ObservationView {
  assigned: boolean;
  manage: boolean;
  branches: ObservationBranchRef[];
  /** Sees every sheet of the branches in view (the organiser, or an official over their township). */
  overseer: boolean;
}

/** What the caller may see of an observation; undefined when nothing (→ 404, as if it did not exist). */
export function viewOf(
  districtId: string,
  principal: Principal,
  allowed: readonly Role[],
  obs: StoredObservation,
): ObservationView | undefined {
  const bindings = bindingsFor(principal, allowed);
  const assigned = obs.observers.some((o) => o.userId === principal.user.id);
  const manage = canManage(bindings, districtId, obs);
  // Overseers (township staff, inspectors, leaders in scope) see the branches of their townships.
  const covered = obs.branches.filter((br) => bindings.some((b) => coversTownship(b, districtId, br.townshipId)));
  const branches = assigned || manage ? obs.branches : covered;
  if (!branches.length) return undefined;
  return { assigned, manage, branches, overseer: manage || covered.length > 0 };
}

/** The township the caller organises for: the one asked for (which they must manage), else their own. */
export function organisingTownship(districtId: string, bindings: Binding[], townshipId: string | undefined): string | undefined {
  if (townshipId) {
    if (!bindings.some((b) => managesTownship(b, districtId, townshipId))) throw forbiddenScope();
    return townshipId;
  }
  if (isDistrictAdmin(bindings, districtId)) return undefined;
  const own = bindings.find((b) => b.role === 'township_staff' && b.scope.level === 'township' && b.scope.districtId === districtId);
  if (!own) throw forbiddenScope();
  return townshipKeyOf(own.scope);
}
