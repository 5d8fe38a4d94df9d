import type { Clock } from './clock';
import type { IdGenerator } from './id-generator';
import type { InvitationRepository } from './invitation-repository';
import type { OrgRepository } from './org-repository';
import type { TokenService } from './token-service';
import type { UserRepository } from './user-repository';
import type { WechatClient } from './wechat-client';
import type { Notifier } from './notifier';
import type { ObjectStorage } from './object-storage';
import type { ReportRepository } from './report-repository';
import type { RulesRepository } from './rules-repository';
import type { LetterRepository } from './letter-repository';
import type { Sealer } from './sealer';
import type { CatalogueRepository } from './catalogue-repository';
import type { PlanRepository } from './plan-repository';
import type { RankingRepository } from './ranking-repository';
import type { ScoringInputs } from './scoring-inputs';

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
  reports: ReportRepository;
  rules: RulesRepository;
  storage: ObjectStorage;
  notifier: Notifier;
  letters: LetterRepository;
  sealer: Sealer;
  catalogue: CatalogueRepository;
  plans: PlanRepository;
  rankings: RankingRepository;
  scoringInputs: ScoringInputs;
}
