import type { Me, Role } from '@chuangxing/shared';

/** The roles of the ranking routes (RANKING_READERS in the route table); the server still decides. */
const READERS: readonly Role[] = ['township_staff', 'leader', 'district_admin'];

const active = (me: Me | undefined) => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

export function readsRankings(me: Me | undefined): boolean {
  return active(me).some((b) => READERS.includes(b.role));
}

/** Runs, annotates and publishes rankings, and edits the scoring model. */
export function runsRankings(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'district_admin' && b.scope.level === 'district');
}
