import type { Me, Role } from '@chuangxing/shared';

/**
 * The roles of the published-ranking routes (PUBLISHED_RANKING_READERS in the route table): secretaries and cadres
 * read their township's list and their own scorecard; the server still decides what each sees.
 */
const READERS: readonly Role[] = ['township_staff', 'leader', 'district_admin', 'secretary', 'cadre'];

const active = (me: Me | undefined) => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

export function readsRankings(me: Me | undefined): boolean {
  return active(me).some((b) => READERS.includes(b.role));
}

/** Runs, annotates and publishes rankings, and edits the scoring model. */
export function runsRankings(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'district_admin' && b.scope.level === 'district');
}

/** Reads the district's creation plan (the district's officials above the branches); the server decides. */
export function readsDistrictPlan(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'district_admin' || b.role === 'leader' || b.role === 'township_staff');
}
