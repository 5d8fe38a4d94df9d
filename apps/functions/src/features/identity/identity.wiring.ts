import type { Principal } from '../../platform/kernel/principal';
import { countingNotifier } from '../../platform/notify/counting-notifier';
import { createNotifier } from '../../platform/notify/create-notifier';
import type { Notifier } from '../../platform/notify/notifier';
import { DynamoRateLimiter } from '../../platform/rate-limit/rate-limiter.dynamodb';
import { JoseTokenService } from '../../platform/tokens/jose-token-service';
import type { TokenService } from '../../platform/tokens/token-service';
import { HttpWechatClient } from '../../platform/wechat/wechat-client.http';
import type { Wiring } from '../../platform/wiring';
import { orgReader } from '../org/org.wiring';
import type { IdentityPorts } from './identity.ports';
import type { BindingReader, PeopleReader } from './identity.readers';
import { DynamoInvitationRepository } from './invitation-repository.dynamodb';
import { loadPrincipal } from './load-principal';
import { ProfileOpenidDirectory } from './openid-directory.dynamodb';
import type { UserRepository } from './user-repository';
import { DynamoUserRepository } from './user-repository.dynamodb';

/** One user adapter per process: every request loads its caller through it. */
export function userRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): UserRepository {
  return w.once('users', () => new DynamoUserRepository(w.doc, w.table));
}

/** One token service per process: identity issues tokens, every API function verifies them. */
export function tokenService(w: Pick<Wiring, 'config' | 'secrets' | 'clock' | 'once'>): TokenService {
  return w.once('tokens', () => new JoseTokenService(w.secrets.tokenSigningKey, w.config.tokenTtlSeconds, w.clock));
}

/**
 * Sign-in attempts per client address and minute. Generous, because a village's phones may share one
 * carrier address, and a token lasts two hours; enough to stop a script trying codes.
 */
export const LOGIN_ATTEMPTS = { name: 'wechat-login', limit: 20, windowSeconds: 60 } as const;

export const identityPorts = (w: Wiring): IdentityPorts => ({
  ...w.kernel,
  devLogin: w.config.devLogin,
  users: userRepository(w),
  invitations: new DynamoInvitationRepository(w.doc, w.table),
  tokens: tokenService(w),
  wechat: new HttpWechatClient({ apiBase: w.config.wechat.apiBase, appId: w.config.wechat.appId, appSecret: w.appSecret }),
  loginAttempts: new DynamoRateLimiter(w.doc, w.table, w.clock, LOGIN_ATTEMPTS),
  org: orgReader(w),
});

/**
 * The router's `authenticate`: bearer token → the caller with their active bindings (401 without a valid
 * token or for an unknown user). Bindings are read on every request, so a revocation takes effect at once.
 */
export function principalLoader(w: Wiring): (bearer: string | undefined) => Promise<Principal> {
  const ports = { tokens: tokenService(w), users: userRepository(w) };
  return (bearer) => loadPrincipal(ports, bearer);
}

/** For the features that read people's bindings (who to remind, who may be assigned). */
export const bindingReader = (w: Wiring): BindingReader => userRepository(w);

/** For every read that names a person: their current name. */
export const peopleReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): PeopleReader => userRepository(w);

/**
 * The one notifier of a process: WeChat subscribe messages in AWS (addressed by the openid on each user's
 * profile), the outbox locally. Identity owns it because it knows how to reach a person. Every send is
 * counted (NotificationsSent, NotificationsFailed).
 */
export const notifier = (w: Wiring): Notifier =>
  w.once('notifier', () =>
    countingNotifier(
      createNotifier(w.config, { doc: w.doc, clock: w.clock, appSecret: w.appSecret, openids: new ProfileOpenidDirectory(w.doc, w.table) }),
      w.kernel.metrics,
    ),
  );
