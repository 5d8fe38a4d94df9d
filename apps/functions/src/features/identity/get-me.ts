import type { Me } from '@chuangxing/shared';
import { type Principal, rolesOf } from '../../platform/kernel/principal';

export function getMe(principal: Principal): Me {
  const { user } = principal;
  return {
    user: {
      id: user.id,
      displayName: user.displayName,
      isDemo: user.isDemo,
      createdAt: user.createdAt,
      ...(user.nameSetAt ? { nameSetAt: user.nameSetAt } : {}),
      ...(user.workPhone ? { workPhone: user.workPhone } : {}),
    },
    roles: rolesOf(principal),
    // Each binding under the person's own current name.
    bindings: principal.bindings.map((b) => ({ ...b, holderName: user.displayName })),
  };
}
