import { CachedRulesRepository } from '../adapters/cached-rules-repository';
import { DynamoCatalogueRepository } from '../adapters/dynamodb/catalogue-repository.dynamodb';
import { DynamoInspectionRepository } from '../adapters/dynamodb/inspection-repository.dynamodb';
import { DynamoInvitationRepository } from '../adapters/dynamodb/invitation-repository.dynamodb';
import { DynamoLetterRepository } from '../adapters/dynamodb/letter-repository.dynamodb';
import { DynamoObservationRepository } from '../adapters/dynamodb/observation-repository.dynamodb';
import { DynamoPlanRepository } from '../adapters/dynamodb/plan-repository.dynamodb';
import { DynamoReportRepository } from '../adapters/dynamodb/report-repository.dynamodb';
import { DynamoRulesRepository } from '../adapters/dynamodb/rules-repository.dynamodb';
import { DynamoStudyReviewRepository } from '../adapters/dynamodb/study-review-repository.dynamodb';
import { createNotifier } from '../adapters/notify/create-notifier';
import { KmsSealer } from '../adapters/sealing/kms-sealer';
import { LocalSealer } from '../adapters/sealing/local-sealer';
import { createObjectStorage } from '../adapters/storage/create-object-storage';
import { HttpWechatClient } from '../adapters/wechat/wechat-client.http';
import type { AppConfig } from '../config/config';
import type { Clock } from '../ports/clock';
import type { Deps } from '../ports/deps';
import type { Sealer } from '../ports/sealer';
import { basePorts, contextDeps, createWiring, type LocalWiring, type Secrets, type Wiring } from './compose-base';

/** KMS in AWS; locally a key derived from the API secret. A deployed API never falls back to the local one. */
function createSealer(config: AppConfig, secret: string): Sealer {
  if (config.sealingKeyId) return new KmsSealer(config.sealingKeyId, secret);
  if (config.stage === 'prod') throw new Error('CX_SEALING_KEY_ID is required in prod');
  return new LocalSealer(secret);
}

export type CorePorts = Pick<
  Deps,
  | 'invitations'
  | 'wechat'
  | 'reports'
  | 'rules'
  | 'storage'
  | 'notifier'
  | 'letters'
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
    rules: w.shared('rules', () => new CachedRulesRepository(new DynamoRulesRepository(doc, config.tableName))),
    storage: w.shared('storage', () =>
      createObjectStorage(config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
    ),
    notifier: w.shared('notifier', () => createNotifier(config, { doc, clock, appSecret })),
    letters: new DynamoLetterRepository(doc, config.tableName),
    sealer: createSealer(config, w.secrets.tokenSigningKey),
    catalogue: new DynamoCatalogueRepository(doc, config.tableName),
    plans: w.shared('plans', () => new DynamoPlanRepository(doc, config.tableName)),
    observations: w.shared('observations', () => new DynamoObservationRepository(doc, config.tableName)),
    inspections: w.shared('inspections', () => new DynamoInspectionRepository(doc, config.tableName)),
    reviews: new DynamoStudyReviewRepository(doc, config.tableName),
  };
}

/** The core API function's Deps: the base ports and its own; any other port fails loudly. */
export function composeCoreDeps(config: AppConfig, secrets: Secrets, clock?: Clock, local?: LocalWiring): Deps {
  const w = createWiring(config, secrets, clock, local);
  return contextDeps('core', { ...basePorts(w), ...corePorts(w) });
}
