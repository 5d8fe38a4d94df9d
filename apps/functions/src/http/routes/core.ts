import type { RouteImplementations } from '../route-context';
import * as auth from './auth.routes';
import * as board from './board.routes';
import * as catalogue from './catalogue.routes';
import * as compliance from './compliance.routes';
import * as exporting from './export.routes';
import * as inspection from './inspection.routes';
import * as invitation from './invitation.routes';
import * as letter from './letter.routes';
import * as meta from './meta.routes';
import * as observation from './observation.routes';
import * as org from './org.routes';
import * as plan from './plan.routes';
import * as reminder from './reminder.routes';
import * as report from './report.routes';
import * as rules from './rules.routes';
import * as studyReview from './study-review.routes';
import * as upload from './upload.routes';

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
  ...letter,
  ...catalogue,
  ...plan,
  ...board,
  ...observation,
  ...inspection,
  ...studyReview,
} satisfies Partial<RouteImplementations>;
