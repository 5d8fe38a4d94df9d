import { cataloguePorts, catalogueStore } from '../features/catalogue/catalogue.wiring';
import { identityPorts, userRepository } from '../features/identity/identity.wiring';
import { inboxPorts, noticesPort } from '../features/inbox/inbox.wiring';
import { inspectionRepository, inspectionsPorts } from '../features/inspections/inspections.wiring';
import { learningPorts } from '../features/learning/learning.wiring';
import { mailboxPorts } from '../features/mailbox/mailbox.wiring';
import { newsPorts } from '../features/news/news.wiring';
import { observationRepository, observationsPorts } from '../features/observations/observations.wiring';
import { orgPorts, orgRepository } from '../features/org/org.wiring';
import { planRepository, plansPorts } from '../features/plans/plans.wiring';
import { rankingsPorts } from '../features/rankings/rankings.wiring';
import { reportRepository, reportsPorts, rulesRepository } from '../features/reports/reports.wiring';
import { studyReviewPorts } from '../features/study-review/study-review.wiring';
import type { Wiring } from '../platform/wiring';

/**
 * Every feature's ports over one wiring, for the tests and scripts that reach past the API (issue a token,
 * read a repository). Shared adapters are one instance (`w.once`), so a port two features name is the same
 * object. Use cases never take this: each takes its own feature's ports.
 */
export function allPorts(w: Wiring) {
  return {
    ...rankingsPorts(w),
    ...newsPorts(w),
    ...learningPorts(w),
    ...studyReviewPorts(w),
    ...observationsPorts(w),
    ...plansPorts(w),
    ...inspectionsPorts(w),
    ...mailboxPorts(w),
    ...reportsPorts(w),
    ...cataloguePorts(w),
    ...orgPorts(w),
    ...identityPorts(w),
    ...inboxPorts(w),
    // The shared adapters, typed as what they are (each feature above may declare only a reader of them).
    org: orgRepository(w),
    users: userRepository(w),
    reports: reportRepository(w),
    rules: rulesRepository(w),
    catalogue: catalogueStore(w),
    inspections: inspectionRepository(w),
    plans: planRepository(w),
    observations: observationRepository(w),
    notices: noticesPort(w),
  };
}

export type AllPorts = ReturnType<typeof allPorts>;
