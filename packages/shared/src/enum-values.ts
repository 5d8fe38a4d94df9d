/**
 * The enumerations' values and labels, without zod: what pages that only show a label import (the mini-program's
 * main package and the H5 entry then carry no schema code). enums.ts builds the schemas and types from these.
 */

/** Every role the product knows. Any WeChat user is a resident; the rest are bound by invitation. */
export const ROLES = [
  'resident',
  'cadre',
  'secretary',
  'township_staff',
  'inspector',
  'discipline',
  'station_handler',
  'taskforce',
  'leader',
  'district_admin',
] as const;
type RoleValue = (typeof ROLES)[number];
type OfficialRoleValue = Exclude<RoleValue, 'resident'>;

export const OFFICIAL_ROLES = ROLES.filter((r) => r !== 'resident') as OfficialRoleValue[];

/** Who manages units, people and exemptions: the district admin, and township staff within their townships. */
export const ADMIN_ROLES = ['district_admin', 'township_staff'] as const;

export const ROLE_LABELS: Record<RoleValue, string> = {
  resident: '居民',
  cadre: '村（社区）干部',
  secretary: '支部书记',
  township_staff: '乡镇（街道）工作人员',
  inspector: '督导员',
  // The township's 纪（工）委 and the 亲清监察站: 廉情 letters go here, not to the 督导员.
  discipline: '纪检监察',
  station_handler: '民情气象站接待员',
  // 一颗星一个专班: a functional department reviewing one star across the district (the binding names the star).
  taskforce: '专班',
  leader: '县级领导',
  district_admin: '区委组织部管理员',
};

/** What a new WeChat user is called until they choose a name (residents may keep it for 署名 letters). */
export const DEFAULT_DISPLAY_NAME = '居民';

export const SCOPE_LEVELS = ['district', 'township', 'branch'] as const;
type ScopeLevelValue = (typeof SCOPE_LEVELS)[number];

/** Which scope levels each official role may be bound at. */
export const ROLE_SCOPE_LEVELS: Record<OfficialRoleValue, readonly ScopeLevelValue[]> = {
  cadre: ['branch'],
  secretary: ['branch'],
  station_handler: ['branch'],
  township_staff: ['township'],
  inspector: ['township', 'district'],
  discipline: ['township', 'district'],
  taskforce: ['district'],
  leader: ['township', 'district'],
  district_admin: ['district'],
};

export const BRANCH_TYPES = ['rural', 'community'] as const;
type BranchTypeValue = (typeof BRANCH_TYPES)[number];
export const BRANCH_TYPE_LABELS: Record<BranchTypeValue, string> = { rural: '农村', community: '社区' };

export const TOWNSHIP_KINDS = ['subdistrict', 'town', 'township', 'management'] as const;
export const TOWNSHIP_KIND_LABELS: Record<(typeof TOWNSHIP_KINDS)[number], string> = {
  subdistrict: '街道',
  town: '镇',
  township: '乡',
  management: '管委会',
};

/** Both star sets of DOMAIN.md §2. Two stars are shared; three differ by branch type. */
export const STARS = ['branch_strong', 'safety_law', 'industry', 'ecology', 'civility', 'business', 'co_build', 'harmony'] as const;
type StarValue = (typeof STARS)[number];

export const STAR_LABELS: Record<StarValue, string> = {
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
export const STAR_SETS: Record<BranchTypeValue, readonly StarValue[]> = {
  rural: ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'],
  community: ['branch_strong', 'business', 'co_build', 'safety_law', 'harmony'],
};

export function starSetFor(type: BranchTypeValue): readonly StarValue[] {
  return STAR_SETS[type];
}
