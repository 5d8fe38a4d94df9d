import type { Wiring } from '../../platform/wiring';
import type { OrgPorts } from './org.ports';
import type { OrgReader } from './org.readers';
import type { OrgRepository } from './org-repository';
import { DynamoOrgRepository } from './org-repository.dynamodb';

/** One organisation adapter per process, shared by every feature that reads the tree. */
export function orgRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): OrgRepository {
  return w.once('org', () => new DynamoOrgRepository(w.doc, w.table));
}

export const orgPorts = (w: Wiring): OrgPorts => ({ ...w.kernel, org: orgRepository(w) });

/** For the features that read townships and branches (scope checks, boards, compliance, the ranking). */
export const orgReader = (w: Wiring): OrgReader => orgRepository(w);
