import type { RoleBinding } from '@chuangxing/shared';

export type ShortcutTarget =
  | { kind: 'tab'; url: string }
  | { kind: 'page'; url: string }
  /** Not built yet: shown as 即将上线, never a dead link. */
  | { kind: 'soon' };

export interface Shortcut {
  key: string;
  title: string;
  description: string;
  target: ShortcutTarget;
}

/** The branches the bindings are scoped to, each once, in binding order, with the binding's label. */
export function branchesOf(bindings: RoleBinding[]): { id: string; label: string }[] {
  const branches: { id: string; label: string }[] = [];
  for (const b of bindings) {
    const scope = b.scope;
    if (scope.level === 'branch' && !branches.some((x) => x.id === scope.branchId))
      branches.push({ id: scope.branchId, label: b.scopeLabel });
  }
  return branches;
}

export function townshipIdsOf(bindings: RoleBinding[]): string[] {
  const ids = new Set<string>();
  for (const b of bindings) if (b.scope.level === 'township') for (const id of b.scope.townshipIds) ids.add(id);
  return [...ids];
}
