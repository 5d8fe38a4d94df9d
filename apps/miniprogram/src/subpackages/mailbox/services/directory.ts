import { api } from '../../../services/api';
import { type DirectoryTownship, STATIC_TOWNSHIPS } from '../communities';

/**
 * Townships and their communities for the pickers: the public directory route (`getDirectory`, any logged-in
 * user), or, when it does not answer (an older API, no network), the static stop-gap list of communities.ts.
 */
export async function loadDirectory(): Promise<DirectoryTownship[]> {
  try {
    const res = await api.getDirectory({});
    if (res.status === 200 && res.body.townships.length) {
      return res.body.townships.map((t) => ({ id: t.id, name: t.name, communities: t.branches.map((b) => ({ id: b.id, name: b.name })) }));
    }
  } catch {
    // Fall through to the static list.
  }
  return STATIC_TOWNSHIPS.map((t) => ({ ...t, communities: [...t.communities] }));
}

/** A community and its township, looked up in a loaded directory. */
export function findCommunity(townships: readonly DirectoryTownship[], branchId: string) {
  for (const t of townships) {
    const c = t.communities.find((x) => x.id === branchId);
    if (c) return { id: c.id, name: c.name, townshipId: t.id, townshipName: t.name };
  }
  return undefined;
}
