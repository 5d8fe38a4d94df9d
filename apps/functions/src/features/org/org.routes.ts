import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { createBranch as createBranchUseCase } from './create-branch';
import { getBranch as getBranchUseCase } from './get-branch';
import { getDirectory as directoryUseCase } from './get-directory';
import { getOrgTree as getOrgTreeUseCase } from './get-org-tree';
import { listTownshipBranches as listUseCase } from './list-township-branches';
import type { Branch, Township } from './org';
import { presentBranch, presentTownship } from './presenters';
import { renameBranch as renameUseCase } from './rename-branch';

const detail = ({ branch, township }: { branch: Branch; township: Township }) => ({
  branch: presentBranch(branch),
  township: { id: township.id, name: township.name },
});

export const getOrgTree: RouteImpl<Routes['getOrgTree']> = async ({ deps, principal, allowed }) => ({
  status: 200,
  body: await getOrgTreeUseCase(deps, principal, allowed),
});

export const listTownshipBranches: RouteImpl<Routes['listTownshipBranches']> = async ({ deps, principal, allowed, params }) => {
  const { township, branches } = await listUseCase(deps, principal, allowed, params.townshipId);
  return { status: 200, body: { township: presentTownship(township), branches: branches.map(presentBranch) } };
};

export const getBranch: RouteImpl<Routes['getBranch']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: detail(await getBranchUseCase(deps, principal, allowed, params.branchId)),
});

export const createBranch: RouteImpl<Routes['createBranch']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: detail(await createBranchUseCase(deps, principal, allowed, params.townshipId, body)),
});

export const renameBranch: RouteImpl<Routes['renameBranch']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: detail(await renameUseCase(deps, principal, allowed, params.branchId, body)),
});

export const getDirectory: RouteImpl<Routes['getDirectory']> = async ({ deps }) => ({ status: 200, body: await directoryUseCase(deps) });
