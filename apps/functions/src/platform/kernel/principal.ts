import type { Access, OfficialRole, Role, Scope, Star } from '@chuangxing/shared';

export interface Binding {
  bindingId: string;
  userId: string;
  role: OfficialRole;
  scope: Scope;
  scopeLabel: string;
  /** Only a 专班 (taskforce) binding: the star it reviews across the district. */
  star?: Star;
  /** The holder's name when the binding was made; reads show their current name (identity's PeopleReader). */
  holderName?: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

export interface UserProfile {
  id: string;
  displayName: string;
  isDemo: boolean;
  createdAt: string;
  /** When they confirmed (at an invitation) or chose their name; without it they are 居民 by default. */
  nameSetAt?: string;
  /** Optional, shown only to their supervisors. */
  workPhone?: string;
  /** Demo users only: what the dev-login picker shows, in order. */
  demo?: { role: Role; scopeLabel: string; order: number };
}

/** The authenticated caller, with only active bindings. Everyone is also a resident. */
export interface Principal {
  user: UserProfile;
  bindings: Binding[];
}

export function activeBindings(bindings: Binding[]): Binding[] {
  return bindings.filter((b) => !b.revokedAt);
}

export function rolesOf(p: Principal): Role[] {
  return ['resident', ...new Set(p.bindings.map((b) => b.role))];
}

export function isAllowed(p: Principal, access: Access): boolean {
  if (access.kind === 'public') return true;
  const roles = new Set(rolesOf(p));
  return access.roles.some((r) => roles.has(r));
}

/** The bindings through which the caller acts on a route that allows `roles`. */
export function bindingsFor(p: Principal, roles: readonly Role[]): Binding[] {
  return p.bindings.filter((b) => roles.includes(b.role));
}

export function coversTownship(b: Binding, districtId: string, townshipId: string): boolean {
  const s = b.scope;
  if (s.districtId !== districtId) return false;
  if (s.level === 'district') return true;
  if (s.level === 'township') return s.townshipIds.includes(townshipId);
  return s.townshipId === townshipId;
}

export function coversBranch(b: Binding, branch: { id: string; districtId: string; townshipId: string }): boolean {
  const s = b.scope;
  if (s.districtId !== branch.districtId) return false;
  if (s.level === 'district') return true;
  if (s.level === 'township') return s.townshipIds.includes(branch.townshipId);
  return s.branchId === branch.id;
}

/** Can manage (create, rename, invite into) the township: a district admin, or staff of that township. */
export function managesTownship(b: Binding, districtId: string, townshipId: string): boolean {
  if (b.role === 'district_admin') return b.scope.level === 'district' && b.scope.districtId === districtId;
  if (b.role === 'township_staff') return coversTownship(b, districtId, townshipId) && b.scope.level === 'township';
  return false;
}

export function isDistrictAdmin(bindings: Binding[], districtId: string): boolean {
  return bindings.some((b) => b.role === 'district_admin' && b.scope.level === 'district' && b.scope.districtId === districtId);
}

/** The townships a set of bindings reaches, or 'all' when any binding is district-wide. */
export function reachableTownships(bindings: Binding[], districtId: string): 'all' | Set<string> {
  const ids = new Set<string>();
  for (const b of bindings) {
    const s = b.scope;
    if (s.districtId !== districtId) continue;
    if (s.level === 'district') return 'all';
    if (s.level === 'township') for (const t of s.townshipIds) ids.add(t);
    else ids.add(s.townshipId);
  }
  return ids;
}

/** Which township a scope is filed under when listed by township ("~" sorts district scopes last). */
export function townshipKeyOf(scope: Scope): string {
  if (scope.level === 'district') return '~district';
  if (scope.level === 'township') return scope.townshipIds[0];
  return scope.townshipId;
}

/**
 * The branch-scoped binding through which the caller files for `branchId` (cadre or secretary), if any.
 * Its scope carries the township and district, so filing needs no branch read.
 */
export function filerBindingFor(p: Principal, roles: readonly Role[], districtId: string, branchId: string) {
  for (const b of bindingsFor(p, roles)) {
    const s = b.scope;
    if (s.level === 'branch' && s.branchId === branchId && s.districtId === districtId)
      return { binding: b, townshipId: s.townshipId, districtId: s.districtId };
  }
  return undefined;
}
