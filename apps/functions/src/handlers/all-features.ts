import { appraisalsFeature } from '../features/appraisals/appraisals.feature';
import { catalogueFeature } from '../features/catalogue/catalogue.feature';
import { creationPlansFeature } from '../features/creation-plans/creation-plans.feature';
import { identityFeature } from '../features/identity/identity.feature';
import { inboxFeature } from '../features/inbox/inbox.feature';
import { inspectionsFeature } from '../features/inspections/inspections.feature';
import { learningFeature } from '../features/learning/learning.feature';
import { liaisonFeature } from '../features/liaison/liaison.feature';
import { mailboxFeature } from '../features/mailbox/mailbox.feature';
import { metaFeature } from '../features/meta/meta.feature';
import { newsFeature } from '../features/news/news.feature';
import { observationsFeature } from '../features/observations/observations.feature';
import { orgFeature } from '../features/org/org.feature';
import { plansFeature } from '../features/plans/plans.feature';
import { pledgesFeature } from '../features/pledges/pledges.feature';
import { rankingExportFeature } from '../features/ranking-export/ranking-export.feature';
import { rankingsFeature } from '../features/rankings/rankings.feature';
import { reportsFeature } from '../features/reports/reports.feature';
import { starReviewFeature } from '../features/star-review/star-review.feature';
import { starsFeature } from '../features/stars/stars.feature';
import { studyReviewFeature } from '../features/study-review/study-review.feature';
import type { FeatureModule } from '../platform/http/feature';

/** Every feature, for the processes that serve them all: the local stack and the tests. */
export const ALL_FEATURES: readonly FeatureModule[] = [
  metaFeature,
  identityFeature,
  orgFeature,
  catalogueFeature,
  reportsFeature,
  mailboxFeature,
  plansFeature,
  observationsFeature,
  inspectionsFeature,
  studyReviewFeature,
  pledgesFeature,
  appraisalsFeature,
  learningFeature,
  newsFeature,
  rankingsFeature,
  rankingExportFeature,
  inboxFeature,
  starsFeature,
  creationPlansFeature,
  liaisonFeature,
  starReviewFeature,
];
