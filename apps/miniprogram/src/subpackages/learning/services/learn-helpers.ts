import { formatShanghaiDateTime, type Me } from '@chuangxing/shared';

/** A client key for idempotent creates and starts: 8+ URL-safe characters, fresh per form or visit. */
export function newKey(now: number = Date.now(), random: () => number = Math.random): string {
  return `${now.toString(36)}${Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')}`;
}

/** 0.6667 → "67%" */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

export const when = (iso: string) => formatShanghaiDateTime(iso);

/** "12:05" from milliseconds left (never negative). */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const active = (me: Me | undefined) => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

/** District admins and township staff organise tests and questionnaires (the server checks the townships). */
export function organises(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'district_admin' || b.role === 'township_staff');
}

/** Cadres and secretaries take tests and answer questionnaires. */
export function takes(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'cadre' || b.role === 'secretary');
}

export function isDistrictAdminOf(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'district_admin' && b.scope.level === 'district');
}

/** Toggle `key` in a list (multi-select chips). */
export function toggle<T>(list: readonly T[], key: T): T[] {
  return list.includes(key) ? list.filter((x) => x !== key) : [...list, key];
}
