import { catalogueStore } from '../features/catalogue/catalogue.wiring';
import { DynamoInvitationRepository } from '../features/identity/invitation-repository.dynamodb';
import { DynamoInspectionRepository } from '../features/inspections/inspection-repository.dynamodb';
import { DynamoLetterRepository } from '../features/mailbox/letter-repository.dynamodb';
import { letterRulesStore } from '../features/mailbox/mailbox.wiring';
import { DynamoObservationRepository } from '../features/observations/observation-repository.dynamodb';
import { DynamoPlanRepository } from '../features/plans/plan-repository.dynamodb';
import { CachedRulesRepository } from '../features/reports/cached-rules-repository';
import { DynamoReportRepository } from '../features/reports/report-repository.dynamodb';
import { DynamoRulesRepository } from '../features/reports/rules-repository.dynamodb';
import { DynamoStudyReviewRepository } from '../features/study-review/study-review-repository.dynamodb';
import type { AppConfig } from '../platform/config/config';
import type { Clock } from '../platform/kernel/clock';
import type { Deps } from '../platform/kernel/deps';
import { createNotifier } from '../platform/notify/create-notifier';
import { createSealer } from '../platform/sealing/create-sealer';
import { createObjectStorage } from '../platform/storage/create-object-storage';
import { HttpWechatClient } from '../platform/wechat/wechat-client.http';
import { basePorts, contextDeps, createWiring, type LocalWiring, type Secrets, type Wiring } from './compose-base';

export type CorePorts = Pick<
  Deps,
  | 'invitations'
  | 'wechat'
  | 'reports'
  | 'rules'
  | 'storage'
  | 'notifier'
  | 'letters'
  | 'letterRules'
  | 'sealer'
  | 'catalogue'
  | 'plans'
  | 'observations'
  | 'inspections'
  | 'reviews'
>;

/** The core context (auth, org, reports, letters, catalogue, plans, observations, inspections, reviews). */
export function corePorts(w: Wiring): CorePorts {
  const { config, doc, clock, appSecret } = w;
  return {
    invitations: new DynamoInvitationRepository(doc, config.tableName),
    wechat: new HttpWechatClient({ apiBase: config.wechat.apiBase, appId: config.wechat.appId, appSecret }),
    reports: new DynamoReportRepository(doc, config.tableName),
    rules: w.once('rules', () => new CachedRulesRepository(new DynamoRulesRepository(doc, config.tableName))),
    storage: w.once('storage', () =>
      createObjectStorage(config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
    ),
    notifier: w.once('notifier', () => createNotifier(config, { doc, clock, appSecret })),
    letters: new DynamoLetterRepository(doc, config.tableName),
    letterRules: letterRulesStore(w),
    sealer: createSealer(config, w.secrets.tokenSigningKey),
    catalogue: catalogueStore(w),
    plans: w.once('plans', () => new DynamoPlanRepository(doc, config.tableName)),
    observations: w.once('observations', () => new DynamoObservationRepository(doc, config.tableName)),
    inspections: w.once('inspections', () => new DynamoInspectionRepository(doc, config.tableName)),
    reviews: new DynamoStudyReviewRepository(doc, config.tableName),
  };
}

/** The core API function's Deps: the base ports and its own; any other port fails loudly. */
export function composeCoreDeps(config: AppConfig, secrets: Secrets, clock?: Clock, local?: LocalWiring): Deps {
  const w = createWiring(config, secrets, clock, local);
  return contextDeps('core', { ...basePorts(w), ...corePorts(w) });
}
