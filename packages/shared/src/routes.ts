import './zod-config';
import { appraisalsRoutes } from './contracts/appraisals.contract';
import { catalogueRoutes } from './contracts/catalogue.contract';
import { creationPlansRoutes } from './contracts/creation-plans.contract';
import { identityRoutes } from './contracts/identity.contract';
import { inboxRoutes } from './contracts/inbox.contract';
import { inspectionsRoutes } from './contracts/inspections.contract';
import { learningRoutes } from './contracts/learning.contract';
import { liaisonRoutes } from './contracts/liaison.contract';
import { mailboxRoutes } from './contracts/mailbox.contract';
import { metaRoutes } from './contracts/meta.contract';
import { newsRoutes } from './contracts/news.contract';
import { observationsRoutes } from './contracts/observations.contract';
import { orgRoutes } from './contracts/org.contract';
import { plansRoutes } from './contracts/plans.contract';
import { pledgesRoutes } from './contracts/pledges.contract';
import { rankingExportRoutes } from './contracts/ranking-export.contract';
import { rankingsRoutes } from './contracts/rankings.contract';
import { reportsRoutes } from './contracts/reports.contract';
import { starReviewRoutes } from './contracts/star-review.contract';
import { starsRoutes } from './contracts/stars.contract';
import { studyReviewRoutes } from './contracts/study-review.contract';

/** Each feature's routes, as its contracts/<feature>.contract.ts declares them. */
export const routesByFeature = {
  meta: metaRoutes,
  identity: identityRoutes,
  org: orgRoutes,
  reports: reportsRoutes,
  mailbox: mailboxRoutes,
  catalogue: catalogueRoutes,
  plans: plansRoutes,
  observations: observationsRoutes,
  inspections: inspectionsRoutes,
  'study-review': studyReviewRoutes,
  pledges: pledgesRoutes,
  appraisals: appraisalsRoutes,
  learning: learningRoutes,
  news: newsRoutes,
  rankings: rankingsRoutes,
  'ranking-export': rankingExportRoutes,
  inbox: inboxRoutes,
  stars: starsRoutes,
  'star-review': starReviewRoutes,
  'creation-plans': creationPlansRoutes,
  liaison: liaisonRoutes,
} as const;

export type FeatureName = keyof typeof routesByFeature;
export const FEATURE_NAMES = Object.keys(routesByFeature) as FeatureName[];

/** Every route of the API. The server registers exactly these; the client and OpenAPI derive from them. */
export const routes = {
  ...metaRoutes,
  ...identityRoutes,
  ...orgRoutes,
  ...reportsRoutes,
  ...mailboxRoutes,
  ...catalogueRoutes,
  ...plansRoutes,
  ...observationsRoutes,
  ...inspectionsRoutes,
  ...studyReviewRoutes,
  ...pledgesRoutes,
  ...appraisalsRoutes,
  ...learningRoutes,
  ...newsRoutes,
  ...rankingsRoutes,
  ...rankingExportRoutes,
  ...inboxRoutes,
  ...starsRoutes,
  ...starReviewRoutes,
  ...creationPlansRoutes,
  ...liaisonRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
