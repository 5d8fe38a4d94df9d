import type { Role } from '@chuangxing/shared';
import { DomainError, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { type Binding, bindingsFor, isDistrictAdmin, managesTownship, type Principal } from '../../platform/kernel/principal';
import type { IdentityPorts } from './identity.ports';
import { TOWNSHIP_GRANTABLE } from './invitation';
import { withHolder } from './list-bindings';

/** District admins revoke anything in the district; township staff revoke branch and township bindings in their township. */
export async function revokeBinding(
  deps: IdentityPorts,
  principal: Principal,
  allowed: readonly Role[],
  userId: string,
  bindingId: string,
): Promise<Binding> {
  const admin = bindingsFor(principal, allowed);
  const target = await deps.users.getBinding(userId, bindingId);
  if (!target || target.scope.districtId !== deps.districtId) throw notFound('身份绑定');
  if (!isDistrictAdmin(admin, deps.districtId)) {
    const s = target.scope;
    const townships = s.level === 'district' ? [] : s.level === 'township' ? s.townshipIds : [s.townshipId];
    const grantable = TOWNSHIP_GRANTABLE.includes(target.role);
    const inScope = townships.length > 0 && townships.every((t) => admin.some((b) => managesTownship(b, deps.districtId, t)));
    if (!inScope) throw notFound('身份绑定');
    if (!grantable) throw forbiddenScope();
  }
  if (target.revokedAt) throw new DomainError('CONFLICT', '该身份绑定已被撤销');
  const revoked = await deps.users.revokeBinding(userId, bindingId, deps.clock.now().toISOString(), principal.user.id);
  return withHolder(revoked, await deps.users.peopleOf([userId]));
}
