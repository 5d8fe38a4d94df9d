import type { Wiring } from '../../platform/wiring';
import { findingsReader } from '../inspections/inspections.wiring';
import { letterCountersReader } from '../mailbox/mailbox.wiring';
import { observationResultsReader } from '../observations/observations.wiring';
import { orgReader } from '../org/org.wiring';
import { reportRangeReader } from '../reports/reports.wiring';
import { starApplicationReader } from '../stars/held-stars.wiring';
import type { StarReviewPorts } from './star-review.ports';

export const starReviewPorts = (w: Wiring): StarReviewPorts => ({
  ...w.kernel,
  applications: starApplicationReader(w),
  org: orgReader(w),
  observations: observationResultsReader(w),
  findings: findingsReader(w),
  reports: reportRangeReader(w),
  letters: letterCountersReader(w),
});
