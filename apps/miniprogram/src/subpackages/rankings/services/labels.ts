/** Display helpers for scores and stars. */

/** "83.25" → "83.3"; scores are 0–100 with two decimals. */
export function score(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return (Math.round(n * 10) / 10).toFixed(1);
}

/** "+3.5" / "-2.0" / "持平" / "新" (no previous quarter). */
export function deltaText(delta: number | null): string {
  if (delta === null) return '新上榜';
  const r = Math.round(delta * 10) / 10;
  if (r === 0) return '持平';
  return `${r > 0 ? '↑' : '↓'}${Math.abs(r).toFixed(1)}`;
}

export function deltaKind(delta: number | null): 'up' | 'down' | 'flat' | 'new' {
  if (delta === null) return 'new';
  const r = Math.round(delta * 10) / 10;
  return r > 0 ? 'up' : r < 0 ? 'down' : 'flat';
}

/** ★★★☆☆ for a level of 3. */
export function starsText(level: number): string {
  const n = Math.max(0, Math.min(5, level));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

export const LEVEL_LABELS = ['零星', '一星', '二星', '三星', '四星', '五星'] as const;

/** Short Shanghai date-time for version lists. */
export function shortHash(hash: string | undefined): string {
  return hash ? hash.slice(0, 12) : '—';
}
