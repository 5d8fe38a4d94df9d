import type { Clock } from './clock';
import type { IdGenerator } from './id-generator';
import type { InvitationRepository } from './invitation-repository';
import type { OrgRepository } from './org-repository';
import type { TokenService } from './token-service';
import type { UserRepository } from './user-repository';
import type { WechatClient } from './wechat-client';

/** Everything a use case may touch. Adapters are chosen once, at cold start. */
export interface Deps {
  districtId: string;
  devLogin: boolean;
  clock: Clock;
  ids: IdGenerator;
  randomBytes: (n: number) => Uint8Array;
  sha256: (text: string) => string;
  org: OrgRepository;
  users: UserRepository;
  invitations: InvitationRepository;
  tokens: TokenService;
  wechat: WechatClient;
}
