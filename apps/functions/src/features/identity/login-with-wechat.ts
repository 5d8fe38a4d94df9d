import { DEFAULT_DISPLAY_NAME, type Session } from '@chuangxing/shared';
import { activeBindings } from '../../platform/kernel/principal';
import { getMe } from './get-me';
import type { IdentityPorts } from './identity.ports';

/**
 * wx.login code → code2session → upsert the user by openid → our own short-lived token. Each attempt counts
 * against the client's limit first, so a flood of bogus codes never reaches WeChat.
 */
export async function loginWithWechat(deps: IdentityPorts, code: string, client: string): Promise<Session> {
  await deps.loginAttempts.take(client);
  const { openid } = await deps.wechat.codeToSession(code);
  const now = deps.clock.now().toISOString();
  // 居民 until they confirm a name at an invitation, or choose one in 我的.
  const candidate = { id: deps.ids.next(), displayName: DEFAULT_DISPLAY_NAME, isDemo: false, createdAt: now };
  const profile = await deps.users.findOrCreateByOpenid(openid, candidate);
  return issueSession(deps, profile.id);
}

export async function issueSession(deps: Pick<IdentityPorts, 'users' | 'tokens'>, userId: string): Promise<Session> {
  const found = await deps.users.getUser(userId);
  if (!found) throw new Error(`user ${userId} vanished during login`);
  const { token, expiresAt } = await deps.tokens.issue(userId);
  return { token, expiresAt, me: getMe({ user: found.profile, bindings: activeBindings(found.bindings) }) };
}
