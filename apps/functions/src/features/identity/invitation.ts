import { type Invitation as InvitationDto, type OfficialRole, ROLE_SCOPE_LEVELS, type Scope, type Star } from '@chuangxing/shared';
import { DomainError, forbiddenScope, invalid } from '../../platform/kernel/domain-error';
import type { Binding } from '../../platform/kernel/principal';
import { managesTownship } from '../../platform/kernel/principal';

export interface Invitation {
  id: string;
  codeHash: string;
  inviteeName: string;
  role: OfficialRole;
  scope: Scope;
  scopeLabel: string;
  /** A 专班 invitation names the one star it reviews. */
  star?: Star;
  status: 'open' | 'redeemed' | 'revoked';
  expiresAt: string;
  createdAt: string;
  createdBy: string;
  redeemedBy?: string;
  redeemedAt?: string;
}

export const INVITATION_CODE_LENGTH = 8;
export const DEFAULT_INVITATION_HOURS = 72;

/** Shown to people in two halves: "K7M3-Q9PX". */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Roles a township admin may hand out inside their own township. */
export const TOWNSHIP_GRANTABLE: readonly OfficialRole[] = [
  'cadre',
  'secretary',
  'station_handler',
  'township_staff',
  'inspector',
  'discipline',
];

/**
 * Checks that `inviter` (their admin bindings) may grant `role` at `scope` within `districtId`.
 * District admins grant anything in their district; township staff grant branch and township roles in their township.
 */
export function assertMayGrant(adminBindings: Binding[], districtId: string, role: OfficialRole, scope: Scope, star?: Star): void {
  // A 专班 is bound to exactly one star; no other role carries one.
  if (role === 'taskforce' && !star) throw invalid('body.star', '请选择专班负责的星', 'star_required');
  if (role !== 'taskforce' && star) throw invalid('body.star', '只有专班绑定一颗星', 'star_not_allowed');
  if (!ROLE_SCOPE_LEVELS[role].includes(scope.level)) {
    throw invalid('body.scope.level', `该角色的管辖范围只能是：${ROLE_SCOPE_LEVELS[role].join('、')}`, 'scope_level_not_allowed');
  }
  if (scope.districtId !== districtId) throw forbiddenScope();
  if (role === 'township_staff' && scope.level === 'township' && scope.townshipIds.length !== 1) {
    throw invalid('body.scope.townshipIds', '乡镇（街道）工作人员只能绑定一个乡镇（街道）', 'one_township');
  }
  const isDistrictAdmin = adminBindings.some(
    (b) => b.role === 'district_admin' && b.scope.level === 'district' && b.scope.districtId === districtId,
  );
  if (isDistrictAdmin) return;
  if (!TOWNSHIP_GRANTABLE.includes(role) || scope.level === 'district') {
    throw new DomainError('FORBIDDEN_ROLE', '只有区委组织部管理员可以授予该角色');
  }
  const townships = scope.level === 'township' ? scope.townshipIds : [scope.townshipId];
  const ok = townships.every((t) => adminBindings.some((b) => managesTownship(b, districtId, t)));
  if (!ok) throw forbiddenScope();
}

export function isExpired(inv: Pick<Invitation, 'expiresAt'>, now: Date): boolean {
  return Date.parse(inv.expiresAt) <= now.getTime();
}

/** Never the code hash: it is the only way to redeem. */
export function presentInvitation(inv: Invitation): InvitationDto {
  const { codeHash: _hidden, ...rest } = inv;
  return rest;
}
