import type { InvitationPreview } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import type { Binding, Principal } from '../../platform/kernel/principal';
import type { IdentityPorts } from './identity.ports';
import { isExpired } from './invitation';
import type { RedeemingPerson } from './invitation-repository';

const used = () => new DomainError('INVITATION_USED', '邀请码已被使用');
const expired = () => new DomainError('INVITATION_EXPIRED', '邀请码已过期，请联系管理员重新邀请');
const invalidCode = () => new DomainError('INVITATION_INVALID', '邀请码无效，请核对后重新输入');

/** Who a code is for and what it grants, so the person can confirm or correct the name before redeeming. */
export async function previewInvitation(
  deps: Pick<IdentityPorts, 'invitations' | 'sha256' | 'clock'>,
  code: string,
): Promise<InvitationPreview> {
  const inv = await deps.invitations.find(deps.sha256(code));
  if (!inv || inv.status === 'revoked') throw invalidCode();
  if (inv.status === 'redeemed') throw used();
  if (isExpired(inv, deps.clock.now())) throw expired();
  return {
    inviteeName: inv.inviteeName,
    role: inv.role,
    scopeLabel: inv.scopeLabel,
    ...(inv.star ? { star: inv.star } : {}),
    expiresAt: inv.expiresAt,
  };
}

/**
 * One-time: under any number of parallel redemptions of one code, exactly one binds. The same transaction
 * gives the redeemer the name they confirmed (the invitation's, unless corrected) and their work phone.
 */
export async function redeemInvitation(
  deps: Pick<IdentityPorts, 'clock' | 'ids' | 'sha256' | 'invitations'>,
  principal: Principal,
  code: string,
  person: RedeemingPerson = {},
): Promise<Binding> {
  const now = deps.clock.now();
  const draft = {
    bindingId: deps.ids.next(),
    userId: principal.user.id,
    createdAt: now.toISOString(),
  };
  const result = await deps.invitations.redeem(deps.sha256(code), draft, now, person);
  switch (result.outcome) {
    case 'redeemed':
      return result.binding;
    case 'used':
      throw used();
    case 'expired':
      throw expired();
    default:
      throw invalidCode();
  }
}
