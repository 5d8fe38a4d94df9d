import type { Kernel } from '../../platform/kernel/kernel';
import type { FindingsReader } from '../inspections/inspections.readers';
import type { LetterCountersReader } from '../mailbox/mailbox.readers';
import type { ObservationResultsReader } from '../observations/observations.readers';
import type { OrgReader } from '../org/org.readers';
import type { ReportRangeReader } from '../reports/reports.readers';
import type { StarApplicationReader } from '../stars/stars.readers';

/** What reading the review context takes: the application and its branch, and the owning features' readers. */
export interface StarReviewPorts extends Kernel {
  applications: StarApplicationReader;
  org: OrgReader;
  observations: ObservationResultsReader;
  findings: FindingsReader;
  reports: ReportRangeReader;
  letters: LetterCountersReader;
}
