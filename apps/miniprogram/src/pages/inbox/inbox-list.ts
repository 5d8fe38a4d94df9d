import type { Notice } from '@chuangxing/shared';

/** The inbox as shown: newest first, each notice once (a refreshed first page replaces what it covers). */
export function mergePage(shown: readonly Notice[], page: readonly Notice[], append: boolean): Notice[] {
  if (!append) return [...page];
  const seen = new Set(shown.map((n) => n.id));
  return [...shown, ...page.filter((n) => !seen.has(n.id))];
}

/** A read notice keeps its place, marked read. */
export function markedRead(shown: readonly Notice[], id: string, at: string): Notice[] {
  return shown.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: at } : n));
}

/** The page a notice is about, as openPage takes it (notices store it without the leading slash). */
export function noticeTarget(page: string): string {
  return page.startsWith('/') ? page : `/${page}`;
}
