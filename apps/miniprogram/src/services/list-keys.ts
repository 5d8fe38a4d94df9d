/**
 * React keys for a read-only list whose items carry no id: each item's content, with `#2`, `#3`… on repeats.
 * Unlike positions they stay with their item, and they stay unique when two items read the same.
 */
export function keyedByContent<T>(items: readonly T[], contentOf: (item: T) => string): { item: T; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const content = contentOf(item);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return { item, key: n === 1 ? content : `${content}#${n}` };
  });
}

/** An option's letter (A, B, …): answers refer to options by position, so the letter is the option's identity. */
export function optionLetter(position: number): string {
  return String.fromCharCode(65 + position);
}
