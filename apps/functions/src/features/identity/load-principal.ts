import { unauthenticated } from '../../platform/kernel/domain-error';
import { activeBindings, type Principal } from '../../platform/kernel/principal';
import type { IdentityPorts } from './identity.ports';

/** Bindings are read on every request, so a revocation takes effect at once rather than at token expiry. */
export async function loadPrincipal(deps: Pick<IdentityPorts, 'tokens' | 'users'>, bearer: string | undefined): Promise<Principal> {
  if (!bearer) throw unauthenticated('请先登录');
  const { userId } = await deps.tokens.verify(bearer);
  const found = await deps.users.getUser(userId);
  if (!found) throw unauthenticated();
  return { user: found.profile, bindings: activeBindings(found.bindings) };
}
