import { catalogueImplementations as catalogue } from '../features/catalogue/catalogue.routes';
import { identityImplementations as identity } from '../features/identity/identity.routes';
import { inspectionsImplementations as inspection } from '../features/inspections/inspections.routes';
import { mailboxImplementations as letter } from '../features/mailbox/mailbox.routes';
import { observationsImplementations as observations } from '../features/observations/observations.routes';
import { orgImplementations as org } from '../features/org/org.routes';
import { plansImplementations as plans } from '../features/plans/plans.routes';
import * as reminder from '../features/reports/reminder.routes';
import { reportsImplementations as reports } from '../features/reports/reports.routes';
import * as rules from '../features/reports/rules.routes';
import { studyReviewImplementations as studyReview } from '../features/study-review/study-review.routes';
import type { RouteImplementations } from '../platform/http/route-context';
import * as meta from '../platform/meta/meta.routes';

/** The core context's routes (see ../route-contexts.ts): everything but rankings and learning. */
export const coreImplementations = {
  ...meta,
  ...identity,
  ...org,
  ...reports,
  ...rules,
  ...reminder,
  // After the reports' rules routes: the mailbox serves getLetterRules and putLetterRules.
  ...letter,
  ...catalogue,
  ...plans,
  ...observations,
  ...inspection,
  ...studyReview,
} satisfies Partial<RouteImplementations>;
