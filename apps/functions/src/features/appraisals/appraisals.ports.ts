import type { Kernel } from '../../platform/kernel/kernel';
import type { OrgReader } from '../org/org.readers';
import type { AppraisalRepository } from './appraisal-repository';

/** What the 述职评议 use cases take. */
export interface AppraisalsPorts extends Kernel {
  appraisals: AppraisalRepository;
  /** The township and its branches (fixed into the session when it opens). */
  org: Pick<OrgReader, 'getTownship' | 'listBranches'>;
}
