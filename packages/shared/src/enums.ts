import './zod-config';
import * as z from 'zod/mini';

/** Every role the product knows. Any WeChat user is a resident; the rest are bound by invitation. */
export const ROLES = [
  'resident',
  'cadre',
  'secretary',
  'township_staff',
  'inspector',
  'station_handler',
  'leader',
  'district_admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const OFFICIAL_ROLES = ROLES.filter((r) => r !== 'resident') as Exclude<Role, 'resident'>[];
export const OfficialRole = z.enum(OFFICIAL_ROLES as [Exclude<Role, 'resident'>, ...Exclude<Role, 'resident'>[]]);
export type OfficialRole = z.infer<typeof OfficialRole>;

/** Who manages units, people and exemptions: the district admin, and township staff within their townships. */
export const ADMIN_ROLES = ['district_admin', 'township_staff'] as const;

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  cadre: '村（社区）干部',
  secretary: '支部书记',
  township_staff: '乡镇（街道）工作人员',
  inspector: '督导员',
  station_handler: '民情气象站接待员',
  leader: '县级领导',
  district_admin: '区委组织部管理员',
};

export const SCOPE_LEVELS = ['district', 'township', 'branch'] as const;
export const ScopeLevel = z.enum(SCOPE_LEVELS);
export type ScopeLevel = z.infer<typeof ScopeLevel>;

/** Which scope levels each official role may be bound at. */
export const ROLE_SCOPE_LEVELS: Record<OfficialRole, readonly ScopeLevel[]> = {
  cadre: ['branch'],
  secretary: ['branch'],
  station_handler: ['branch'],
  township_staff: ['township'],
  inspector: ['township', 'district'],
  leader: ['township', 'district'],
  district_admin: ['district'],
};

export const BRANCH_TYPES = ['rural', 'community'] as const;
export const BranchType = z.enum(BRANCH_TYPES);
export type BranchType = z.infer<typeof BranchType>;
export const BRANCH_TYPE_LABELS: Record<BranchType, string> = { rural: '农村', community: '社区' };

export const TOWNSHIP_KINDS = ['subdistrict', 'town', 'township', 'management'] as const;
export const TownshipKind = z.enum(TOWNSHIP_KINDS);
export type TownshipKind = z.infer<typeof TownshipKind>;
export const TOWNSHIP_KIND_LABELS: Record<TownshipKind, string> = {
  subdistrict: '街道',
  town: '镇',
  township: '乡',
  management: '管委会',
};

/** Both star sets of DOMAIN.md §2. Two stars are shared; three differ by branch type. */
export const STARS = ['branch_strong', 'safety_law', 'industry', 'ecology', 'civility', 'business', 'co_build', 'harmony'] as const;
export const Star = z.enum(STARS);
export type Star = z.infer<typeof Star>;

export const STAR_LABELS: Record<Star, string> = {
  branch_strong: '支部过硬星',
  safety_law: '平安法治星',
  industry: '产业兴旺星',
  ecology: '生态宜居星',
  civility: '文明幸福星',
  business: '宜业兴业星',
  co_build: '共建共享星',
  harmony: '幸福和谐星',
};

/** The branch type fixes the star set, in display order. */
export const STAR_SETS: Record<BranchType, readonly Star[]> = {
  rural: ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'],
  community: ['branch_strong', 'business', 'co_build', 'safety_law', 'harmony'],
};

export function starSetFor(type: BranchType): readonly Star[] {
  return STAR_SETS[type];
}
