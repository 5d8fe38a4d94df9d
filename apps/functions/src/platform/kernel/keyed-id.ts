/** A stable id derived from who did what with which client key: a retried request finds the same item. */
export function keyedId(deps: { sha256: (text: string) => string }, kind: string, userId: string, key: string): string {
  return deps.sha256(`${kind}|${userId}|${key}`).slice(0, 26);
}
