import type { Kernel } from '../../platform/kernel/kernel';
import type { RateLimiter } from '../../platform/rate-limit/rate-limiter';
import type { TokenService } from '../../platform/tokens/token-service';
import type { WechatClient } from '../../platform/wechat/wechat-client';
import type { OrgReader } from '../org/org.readers';
import type { InvitationRepository } from './invitation-repository';
import type { UserRepository } from './user-repository';

/** What the identity use cases take: sign-in, the caller, invitations and bindings. */
export interface IdentityPorts extends Kernel {
  /** Local stack only: demo users may sign in without WeChat. */
  devLogin: boolean;
  users: UserRepository;
  invitations: InvitationRepository;
  tokens: TokenService;
  wechat: WechatClient;
  /** Sign-in attempts per client address, counted before WeChat is asked. */
  loginAttempts: RateLimiter;
  /** Scopes named in an invitation must exist (resolve-scope.ts). */
  org: Pick<OrgReader, 'getDistrict' | 'getTownship' | 'getBranch'>;
}
