import { type Me, type RoleBinding, shanghaiDay } from '@chuangxing/shared';

/**
 * Who is offered which board. Mirrors the server's rules only to choose a page; the server decides
 * (403 outside the caller's townships, 404 for another branch).
 */
const active = (me: Me | undefined): RoleBinding[] => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

const OVERSEERS = ['township_staff', 'leader', 'inspector', 'district_admin'] as const;

/** Townships the caller oversees by name; `all` for district-wide bindings. */
export function boardTownships(me: Me | undefined): 'all' | string[] {
  const ids: string[] = [];
  for (const b of active(me)) {
    if (!(OVERSEERS as readonly string[]).includes(b.role)) continue;
    if (b.scope.level === 'district') return 'all';
    if (b.scope.level === 'township') for (const t of b.scope.townshipIds) if (!ids.includes(t)) ids.push(t);
  }
  return ids;
}

/** The year in a link, else this Shanghai year. */
export function yearOf(param: string | undefined): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= 2020 && n <= 2100 ? n : Number(shanghaiDay().slice(0, 4));
}
