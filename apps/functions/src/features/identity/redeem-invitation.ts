import { DomainError } from '../../platform/kernel/domain-error';
import type { Binding, Principal } from '../../platform/kernel/principal';
import type { IdentityPorts } from './identity.ports';

/** One-time: under any number of parallel redemptions of one code, exactly one binds. */
export async function redeemInvitation(deps: IdentityPorts, principal: Principal, code: string): Promise<Binding> {
  const now = deps.clock.now();
  const draft = {
    bindingId: deps.ids.next(),
    userId: principal.user.id,
    createdAt: now.toISOString(),
  };
  const result = await deps.invitations.redeem(deps.sha256(code), draft, now);
  switch (result.outcome) {
    case 'redeemed':
      return result.binding;
    case 'used':
      throw new DomainError('INVITATION_USED', '邀请码已被使用');
    case 'expired':
      throw new DomainError('INVITATION_EXPIRED', '邀请码已过期，请联系管理员重新邀请');
    default:
      throw new DomainError('INVITATION_INVALID', '邀请码无效，请核对后重新输入');
  }
}
