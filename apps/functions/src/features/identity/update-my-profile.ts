import type { Me, UpdateProfileBody } from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import { getMe } from './get-me';
import type { IdentityPorts } from './identity.ports';

/** 我的 → 修改姓名: every record keeps the person's id, so the new name shows on all of them at once. */
export async function updateMyProfile(
  deps: Pick<IdentityPorts, 'users' | 'clock'>,
  principal: Principal,
  body: UpdateProfileBody,
): Promise<Me> {
  const workPhone = body.workPhone === undefined ? undefined : body.workPhone === '' ? null : body.workPhone;
  const user = await deps.users.updateProfile(principal.user.id, {
    displayName: body.displayName,
    ...(workPhone === undefined ? {} : { workPhone }),
    at: deps.clock.now().toISOString(),
  });
  return getMe({ user, bindings: principal.bindings });
}
