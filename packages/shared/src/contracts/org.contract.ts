import '../zod-config';
import * as z from 'zod/mini';
import { ADMIN_ROLES, BranchType, OFFICIAL_ROLES, ROLES, Star, TownshipKind } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { BranchPath, Id, IsoDateTime, Name, TownshipPath } from './common.contract';

export const BranchCounts = z.object({
  rural: z.int(),
  community: z.int(),
  total: z.int(),
});

export const TownshipSummary = z.object({
  id: Id,
  name: z.string(),
  kind: TownshipKind,
  /** True for generated demo units; only a few names are confirmed by the source article. */
  isDemo: z.boolean(),
  counts: BranchCounts,
});
export type TownshipSummary = z.infer<typeof TownshipSummary>;

export const OrgTree = z.object({
  district: z.object({ id: Id, name: z.string() }),
  townships: z.array(TownshipSummary),
  totals: BranchCounts,
});
export type OrgTree = z.infer<typeof OrgTree>;

export const Branch = z.object({
  id: Id,
  districtId: Id,
  townshipId: Id,
  name: z.string(),
  type: BranchType,
  /** Fixed by the type (DOMAIN.md §2). */
  stars: z.array(Star),
  isDemo: z.boolean(),
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Branch = z.infer<typeof Branch>;

export const TownshipBranches = z.object({
  township: TownshipSummary,
  branches: z.array(Branch),
});
export type TownshipBranches = z.infer<typeof TownshipBranches>;

export const BranchDetail = z.object({
  branch: Branch,
  township: z.object({ id: Id, name: z.string() }),
});
export type BranchDetail = z.infer<typeof BranchDetail>;

export const CreateBranchBody = z.strictObject({
  name: Name,
  type: BranchType,
});
export type CreateBranchBody = z.infer<typeof CreateBranchBody>;

export const RenameBranchBody = z.strictObject({
  name: Name,
  /** The version the editor saw; a stale one gets 409. */
  version: z.int().check(z.minimum(1)),
});
export type RenameBranchBody = z.infer<typeof RenameBranchBody>;

/** The public directory: every township and its branches, names only, so a resident can pick a community. */
export const Directory = z.object({
  district: z.object({ id: Id, name: z.string() }),
  townships: z.array(
    z.object({
      id: Id,
      name: z.string(),
      isDemo: z.boolean(),
      branches: z.array(z.object({ id: Id, name: z.string(), type: BranchType })),
    }),
  ),
});
export type Directory = z.infer<typeof Directory>;

/* ---------- routes ---------- */

/** The district, its townships and their branches. */
export const orgRoutes = {
  getOrgTree: defineRoute({
    method: 'GET',
    path: '/v1/org/tree',
    summary: 'The district and the townships in the caller’s scope, with branch counts',
    access: rolesAccess(...OFFICIAL_ROLES),
    responses: { 200: OrgTree },
  }),
  getDirectory: defineRoute({
    method: 'GET',
    path: '/v1/directory',
    summary: 'Every township and its branches, names only: how a resident finds their community',
    access: rolesAccess(...ROLES),
    responses: { 200: Directory },
  }),
  listTownshipBranches: defineRoute({
    method: 'GET',
    path: '/v1/org/townships/{townshipId}/branches',
    summary: 'The branches of one township in the caller’s scope',
    access: rolesAccess(...OFFICIAL_ROLES),
    params: TownshipPath,
    responses: { 200: TownshipBranches },
  }),
  createBranch: defineRoute({
    method: 'POST',
    path: '/v1/org/townships/{townshipId}/branches',
    summary: 'Create a branch in a township',
    access: rolesAccess(...ADMIN_ROLES),
    params: TownshipPath,
    body: CreateBranchBody,
    responses: { 201: BranchDetail, 409: ErrorBody },
  }),
  getBranch: defineRoute({
    method: 'GET',
    path: '/v1/org/branches/{branchId}',
    summary: 'One branch with its star set',
    access: rolesAccess(...OFFICIAL_ROLES),
    params: BranchPath,
    responses: { 200: BranchDetail },
  }),
  renameBranch: defineRoute({
    // PUT, not PATCH: wx.request has no PATCH.
    method: 'PUT',
    path: '/v1/org/branches/{branchId}',
    summary: 'Rename a branch (optimistic concurrency on version)',
    access: rolesAccess(...ADMIN_ROLES),
    params: BranchPath,
    body: RenameBranchBody,
    responses: { 200: BranchDetail, 409: ErrorBody },
  }),
} as const;
