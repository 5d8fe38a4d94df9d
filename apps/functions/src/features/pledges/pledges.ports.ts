import type { Kernel } from '../../platform/kernel/kernel';
import type { AppraisalStandingsReader } from '../appraisals/appraisals.readers';
import type { OrgReader } from '../org/org.readers';
import type { PledgeRepository } from './pledge-repository';

/** What the 亮赛比 use cases take. */
export interface PledgesPorts extends Kernel {
  pledges: PledgeRepository;
  /** The branch (its township and star set) and a township's branches for its board. */
  org: OrgReader;
  /** 比干劲 on the board: the township's latest closed 述职评议 (totals and ranks only). */
  appraisals: AppraisalStandingsReader;
}
