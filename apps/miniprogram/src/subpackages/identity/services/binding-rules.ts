import {
  type Invitation,
  type Me,
  type OfficialRole,
  ROLE_SCOPE_LEVELS,
  type RoleBinding,
  type ScopeLevel,
  type TownshipSummary,
} from '@chuangxing/shared';
import { isDistrictAdmin, managesTownship, staffTownshipIds } from '../../../services/me-helpers';

/**
 * What the caller may hand out, mirroring the server's rules (the server still decides):
 * township staff grant these six inside their own township; district admins grant every official role.
 */
export const TOWNSHIP_GRANTABLE_ROLES: readonly OfficialRole[] = [
  'cadre',
  'secretary',
  'station_handler',
  'township_staff',
  'inspector',
  'discipline',
];
const DISTRICT_GRANTABLE_ROLES: readonly OfficialRole[] = [...TOWNSHIP_GRANTABLE_ROLES, 'taskforce', 'leader', 'district_admin'];

/** A line under the role chips where the label alone could mislead: 廉情 letters go to 纪检监察, not the 督导员. */
export const ROLE_HINTS: Partial<Record<OfficialRole, string>> = {
  discipline: '乡镇（街道）纪（工）委、亲清监察站：办理和统计廉情来信',
  inspector: '区委组织部督导组：四不两直暗访和问题清单销号',
  taskforce: '一颗星一个专班：牵头部门复审全区该星的申报，查看该星进度',
};

/** The roles offered in the invitation form, in display order; empty for anyone who may not invite. */
export function grantableRoles(me: Me | undefined): OfficialRole[] {
  if (isDistrictAdmin(me)) return [...DISTRICT_GRANTABLE_ROLES];
  if (staffTownshipIds(me).length > 0) return [...TOWNSHIP_GRANTABLE_ROLES];
  return [];
}

/** The scope levels the caller may bind `role` at: the role's levels, without 全区 for township staff. */
export function scopeLevelsFor(role: OfficialRole, me: Me | undefined): ScopeLevel[] {
  const levels = ROLE_SCOPE_LEVELS[role];
  return isDistrictAdmin(me) ? [...levels] : levels.filter((level) => level !== 'district');
}

export const SCOPE_LEVEL_LABELS: Record<ScopeLevel, string> = {
  district: '全区',
  township: '乡镇（街道）',
  branch: '支部',
};

/** 县级领导 may be in charge of several townships; every other township-level role has one. */
export function allowsSeveralTownships(role: OfficialRole): boolean {
  return role === 'leader';
}

/** The contract's upper bound on townshipIds. */
export const MAX_SCOPE_TOWNSHIPS = 18;

/** The townships the caller may put into a scope: all of the tree for district admins, their own for staff. */
export function grantableTownships(me: Me | undefined, townships: readonly TownshipSummary[]): TownshipSummary[] {
  return townships.filter((t) => managesTownship(me, t.id));
}

export const EXPIRY_CHOICES: readonly { hours: number; label: string }[] = [
  { hours: 24, label: '24 小时' },
  { hours: 72, label: '3 天' },
  { hours: 168, label: '7 天' },
  { hours: 720, label: '30 天' },
];
export const DEFAULT_EXPIRY_HOURS = 72;

export type InvitationDisplayStatus = Invitation['status'] | 'expired';

export const INVITATION_STATUS_LABELS: Record<InvitationDisplayStatus, string> = {
  open: '待使用',
  redeemed: '已使用',
  revoked: '已撤销',
  expired: '已过期',
};

/** An open invitation past its expiry can no longer be redeemed: 已过期. */
export function invitationStatus(invitation: Pick<Invitation, 'status' | 'expiresAt'>, now: number): InvitationDisplayStatus {
  if (invitation.status === 'open' && Date.parse(invitation.expiresAt) <= now) return 'expired';
  return invitation.status;
}

export function newestFirst<T extends { createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function townshipsOf(binding: RoleBinding): string[] {
  const s = binding.scope;
  if (s.level === 'district') return [];
  return s.level === 'township' ? s.townshipIds : [s.townshipId];
}

/**
 * Whether to offer 撤销 on a binding: never on the caller's own; district admins revoke anything else;
 * township staff revoke the roles they could grant, inside their own township.
 */
export function mayRevoke(me: Me | undefined, binding: RoleBinding): boolean {
  if (!me || binding.userId === me.user.id) return false;
  if (isDistrictAdmin(me)) return true;
  const townships = townshipsOf(binding);
  return (
    TOWNSHIP_GRANTABLE_ROLES.includes(binding.role) && townships.length > 0 && townships.every((id) => staffTownshipIds(me).includes(id))
  );
}
