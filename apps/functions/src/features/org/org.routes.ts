import type { orgRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { createBranch } from './create-branch';
import { getBranch } from './get-branch';
import { getDirectory } from './get-directory';
import { getOrgTree } from './get-org-tree';
import { listTownshipBranches } from './list-township-branches';
import type { Branch, Township } from './org';
import type { OrgPorts } from './org.ports';
import { presentBranch, presentTownship } from './presenters';
import { renameBranch } from './rename-branch';

const detail = ({ branch, township }: { branch: Branch; township: Township }) => ({
  branch: presentBranch(branch),
  township: { id: township.id, name: township.name },
});

export const orgImplementations: RouteImpls<typeof orgRoutes, OrgPorts> = {
  getOrgTree: async ({ deps, principal, allowed }) => ({ status: 200, body: await getOrgTree(deps, principal, allowed) }),
  getDirectory: async ({ deps }) => ({ status: 200, body: await getDirectory(deps) }),
  listTownshipBranches: async ({ deps, principal, allowed, params }) => {
    const { township, branches } = await listTownshipBranches(deps, principal, allowed, params.townshipId);
    return { status: 200, body: { township: presentTownship(township), branches: branches.map(presentBranch) } };
  },
  createBranch: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: detail(await createBranch(deps, principal, allowed, params.townshipId, body)),
  }),
  getBranch: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: detail(await getBranch(deps, principal, allowed, params.branchId)),
  }),
  renameBranch: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: detail(await renameBranch(deps, principal, allowed, params.branchId, body)),
  }),
};
