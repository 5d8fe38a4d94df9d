import { catalogueImplementations as catalogue } from '../features/catalogue/catalogue.routes';
import * as auth from '../features/identity/auth.routes';
import * as invitation from '../features/identity/invitation.routes';
import * as inspection from '../features/inspections/inspections.routes';
import { mailboxImplementations as letter } from '../features/mailbox/mailbox.routes';
import * as observation from '../features/observations/observations.routes';
import * as org from '../features/org/org.routes';
import * as board from '../features/plans/board.routes';
import * as plan from '../features/plans/plan.routes';
import * as compliance from '../features/reports/compliance.routes';
import * as exporting from '../features/reports/export.routes';
import * as reminder from '../features/reports/reminder.routes';
import * as report from '../features/reports/report.routes';
import * as rules from '../features/reports/rules.routes';
import * as upload from '../features/reports/upload.routes';
import * as studyReview from '../features/study-review/study-review.routes';
import type { RouteImplementations } from '../platform/http/route-context';
import * as meta from '../platform/meta/meta.routes';

/** The core context's routes (see ../route-contexts.ts): everything but rankings and learning. */
export const coreImplementations = {
  ...meta,
  ...auth,
  ...org,
  ...invitation,
  ...report,
  ...compliance,
  ...rules,
  ...reminder,
  ...exporting,
  ...upload,
  // After the reports' rules routes: the mailbox serves getLetterRules and putLetterRules.
  ...letter,
  ...catalogue,
  ...plan,
  ...board,
  ...observation,
  ...inspection,
  ...studyReview,
} satisfies Partial<RouteImplementations>;
