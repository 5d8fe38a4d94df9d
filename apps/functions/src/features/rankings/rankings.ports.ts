import type { DailyRules } from '@chuangxing/shared';
import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { BindingReader, PeopleReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { RankingRepository, ScoringModelStore } from './ranking-repository';
import type { ScoringInputs } from './scoring-inputs';

/** What the ranking's use cases and job take. */
export interface RankingsPorts extends Kernel {
  rankings: RankingRepository;
  scoringModels: ScoringModelStore;
  /** Everything a township's shard is scored from, read through the owning features' readers. */
  scoringInputs: ScoringInputs;
  /** The daily-report deadline decides the last day counted as due. */
  rules: { getDailyRules(districtId: string): Promise<DailyRules> };
  org: Pick<OrgReader, 'getBranch'>;
  /** Current names of the people who annotated a ranking. */
  people: PeopleReader;
  /** The leaders told of a published ranking. */
  users: BindingReader;
  notices: Notices;
}
