import { useResource } from '../../../../hooks/use-resource';
import { findStaticCommunity } from '../../communities';
import { findCommunity, loadDirectory } from '../../services/directory';
import type { Community } from './letter-draft';

/** The community named by `?branchId=`: its name from the static list or the directory (unnamed until it answers). */
export function useLinkedCommunity(branchId: string | undefined): Community | undefined {
  const known = branchId ? findStaticCommunity(branchId) : undefined;
  const lookup = useResource(async () => findCommunity(await loadDirectory(), branchId ?? '')?.name, [branchId], {
    enabled: Boolean(branchId) && !known,
  });
  if (!branchId) return undefined;
  if (known) return { id: branchId, name: known.name };
  return { id: branchId, name: lookup.state.kind === 'ready' ? lookup.state.data : undefined };
}
