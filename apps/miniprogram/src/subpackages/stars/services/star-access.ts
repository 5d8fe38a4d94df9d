import type { Me, Role, Star, StarReviewStage } from '@chuangxing/shared';

/**
 * Which parts of 评星 the caller is offered. Mirrors the contract's roles only to choose what to show; the server
 * decides (403 outside scope).
 */
const active = (me: Me | undefined) => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

export function hasRole(me: Me | undefined, role: Role): boolean {
  return Boolean(me?.roles.includes(role)) || active(me).some((b) => b.role === role);
}

/** The branches the caller is secretary of, in binding order. */
export function secretaryBranchIds(me: Me | undefined): string[] {
  const ids: string[] = [];
  for (const b of active(me))
    if (b.role === 'secretary' && b.scope.level === 'branch' && !ids.includes(b.scope.branchId)) ids.push(b.scope.branchId);
  return ids;
}

/** Any official binding: they read the district's 公示 board; a resident reads their community's. */
export function isOfficial(me: Me | undefined): boolean {
  return active(me).length > 0 || Boolean(me?.roles.some((r) => r !== 'resident'));
}

/** The stars the caller reviews as a 专班, in binding order. */
export function taskforceStarsOf(me: Me | undefined): Star[] {
  const stars: Star[] = [];
  for (const b of active(me)) if (b.role === 'taskforce' && b.star && !stars.includes(b.star)) stars.push(b.star);
  return stars;
}

/**
 * The queue tabs: township staff do 初审, a 专班 复审 of its star (and follows its 公示), the district 复审 and 授星;
 * leaders read every stage.
 */
export function reviewStages(me: Me | undefined): StarReviewStage[] {
  if (hasRole(me, 'district_admin') || hasRole(me, 'leader')) return ['district', 'township', 'publicity'];
  const stages: StarReviewStage[] = [];
  if (taskforceStarsOf(me).length) stages.push('district', 'publicity');
  if (hasRole(me, 'township_staff')) stages.push('township');
  return stages;
}

export const STAGE_LABELS: Record<StarReviewStage, string> = { township: '待初审', district: '待复审', publicity: '公示中' };

let seq = 0;
/** An idempotency key (16–64 of [A-Za-z0-9_-]): made once per form, reused by every retry of it. */
export function newClientKey(now: number = Date.now()): string {
  seq += 1;
  return `${now.toString(36)}${Math.random().toString(36).slice(2, 12)}${seq.toString(36)}`.padEnd(16, '0');
}
