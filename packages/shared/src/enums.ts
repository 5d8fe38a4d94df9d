import './zod-config';
import * as z from 'zod/mini';
import { BRANCH_TYPES, OFFICIAL_ROLES, ROLES, SCOPE_LEVELS, STARS, TOWNSHIP_KINDS } from './enum-values';

// The values and labels live in enum-values.ts (no zod); re-exported here so every importer keeps one place.
export {
  ADMIN_ROLES,
  BRANCH_TYPE_LABELS,
  BRANCH_TYPES,
  OFFICIAL_ROLES,
  ROLE_LABELS,
  ROLE_SCOPE_LEVELS,
  ROLES,
  SCOPE_LEVELS,
  STAR_LABELS,
  STAR_SETS,
  STARS,
  starSetFor,
  TOWNSHIP_KIND_LABELS,
  TOWNSHIP_KINDS,
} from './enum-values';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const OfficialRole = z.enum(OFFICIAL_ROLES as [Exclude<Role, 'resident'>, ...Exclude<Role, 'resident'>[]]);
export type OfficialRole = z.infer<typeof OfficialRole>;

export const ScopeLevel = z.enum(SCOPE_LEVELS);
export type ScopeLevel = z.infer<typeof ScopeLevel>;

export const BranchType = z.enum(BRANCH_TYPES);
export type BranchType = z.infer<typeof BranchType>;

export const TownshipKind = z.enum(TOWNSHIP_KINDS);
export type TownshipKind = z.infer<typeof TownshipKind>;

export const Star = z.enum(STARS);
export type Star = z.infer<typeof Star>;
