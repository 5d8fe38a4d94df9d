import type { Me } from '@chuangxing/shared';
import { type Principal, rolesOf } from '../../platform/kernel/principal';

export function getMe(principal: Principal): Me {
  const { user } = principal;
  return {
    user: { id: user.id, displayName: user.displayName, isDemo: user.isDemo, createdAt: user.createdAt },
    roles: rolesOf(principal),
    bindings: principal.bindings,
  };
}
