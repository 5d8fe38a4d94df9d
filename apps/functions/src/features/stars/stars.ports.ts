import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { Sealer } from '../../platform/sealing/sealer';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { CatalogueReader } from '../catalogue/catalogue.readers';
import type { BindingReader } from '../identity/identity.readers';
import type { FindingsReader } from '../inspections/inspections.readers';
import type { IntegrityCasesReader } from '../mailbox/mailbox.readers';
import type { OrgReader } from '../org/org.readers';
import type { HolidayReader } from '../reports/reports.readers';
import type { HeldStarRepository } from './held-star-repository';
import type { StarApplicationRepository } from './star-application-repository';
import type { StarObjectionRepository } from './star-objection-repository';

/** What the 创星申报 use cases take. */
export interface StarsPorts extends Kernel {
  applications: StarApplicationRepository;
  /** 公示 objections; the objector is kept only as a keyed hash (ADR 0004). */
  objections: StarObjectionRepository;
  hasher: Pick<Sealer, 'keyedHash'>;
  /** The stars branches hold, the baseline and 撤星. */
  held: HeldStarRepository;
  /** The applying branch and its township. */
  org: OrgReader;
  /** The key tasks and veto items of the star in the version in force. */
  catalogue: CatalogueReader;
  /** Evidence photos. */
  storage: ObjectStorage;
  /** The district's holidays: 公示 counts working days. */
  holidays: HolidayReader;
  /** The 专班 board's overdue findings, and the finding a 撤星 cites. */
  findings: FindingsReader;
  /** 撤星 from a 廉情 case: only whether 纪检监察 found it 属实, and where it points. */
  integrityCases: IntegrityCasesReader;
  /** The branch's secretary and cadres hear review steps, 撤星 and the annual result. */
  users: BindingReader;
  notices: Notices;
}
