import { createHash, randomBytes } from 'node:crypto';
import { DynamoInvitationRepository } from '../adapters/dynamodb/invitation-repository.dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/dynamo-client';
import { DynamoOrgRepository } from '../adapters/dynamodb/org-repository.dynamodb';
import { DynamoUserRepository } from '../adapters/dynamodb/user-repository.dynamodb';
import { JoseTokenService } from '../adapters/token/jose-token-service';
import { ulidIds } from '../adapters/ulid-id-generator';
import { HttpWechatClient } from '../adapters/wechat/wechat-client.http';
import type { AppConfig } from '../config/config';
import { systemClock, type Clock } from '../ports/clock';
import type { Deps } from '../ports/deps';
import { DynamoReportRepository } from '../adapters/dynamodb/report-repository.dynamodb';
import { DynamoRulesRepository } from '../adapters/dynamodb/rules-repository.dynamodb';
import { CachedRulesRepository } from '../adapters/cached-rules-repository';
import { createObjectStorage } from '../adapters/storage/create-object-storage';
import { createNotifier } from '../adapters/notify/create-notifier';
import { KmsSealer } from '../adapters/sealing/kms-sealer';
import { LocalSealer } from '../adapters/sealing/local-sealer';
import { DynamoLetterRepository } from '../adapters/dynamodb/letter-repository.dynamodb';
import { DynamoCatalogueRepository } from '../adapters/dynamodb/catalogue-repository.dynamodb';
import { DynamoPlanRepository } from '../adapters/dynamodb/plan-repository.dynamodb';
import { DynamoObservationRepository } from '../adapters/dynamodb/observation-repository.dynamodb';
import { DynamoInspectionRepository } from '../adapters/dynamodb/inspection-repository.dynamodb';
import { DynamoStudyReviewRepository } from '../adapters/dynamodb/study-review-repository.dynamodb';
import { DynamoLearningRepository } from '../adapters/dynamodb/learning-repository.dynamodb';
import { DynamoNewsRepository } from '../adapters/dynamodb/news-repository.dynamodb';
import type { Sealer } from '../ports/sealer';
import { DynamoRankingRepository } from '../adapters/dynamodb/ranking-repository.dynamodb';
import { DynamoScoringInputs } from '../adapters/dynamodb/scoring-inputs.dynamodb';
import { findingsReader, observationResultsReader, taskProgressReader } from '../adapters/scoring-readers';

/** KMS in AWS; locally a key derived from the API secret. A deployed API never falls back to the local one. */
function createSealer(config: AppConfig, secret: string): Sealer {
  if (config.sealingKeyId) return new KmsSealer(config.sealingKeyId, secret);
  if (config.stage === 'prod') throw new Error('CX_SEALING_KEY_ID is required in prod');
  return new LocalSealer(secret);
}

export interface Secrets {
  tokenSigningKey: string;
  wechatAppSecret: string;
}

/** Wires the DynamoDB and HTTP adapters into the ports. Called once per cold start (or per test stack). */
export interface LocalWiring {
  /** The local stack's own URL, known once it listens; photos are uploaded to and served from it. */
  baseUrl: () => string;
}

export function composeDeps(config: AppConfig, secrets: Secrets, clock: Clock = systemClock, local?: LocalWiring): Deps {
  const doc = createDocumentClient({ endpoint: config.dynamoEndpoint });
  const appSecret = async () => secrets.wechatAppSecret;
  const plans = new DynamoPlanRepository(doc, config.tableName);
  const observations = new DynamoObservationRepository(doc, config.tableName);
  const inspections = new DynamoInspectionRepository(doc, config.tableName);
  return {
    districtId: config.districtId,
    devLogin: config.devLogin,
    clock,
    ids: ulidIds,
    randomBytes: (n) => randomBytes(n),
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
    org: new DynamoOrgRepository(doc, config.tableName),
    users: new DynamoUserRepository(doc, config.tableName),
    invitations: new DynamoInvitationRepository(doc, config.tableName),
    tokens: new JoseTokenService(secrets.tokenSigningKey, config.tokenTtlSeconds, clock),
    wechat: new HttpWechatClient({
      apiBase: config.wechat.apiBase,
      appId: config.wechat.appId,
      appSecret,
    }),
    reports: new DynamoReportRepository(doc, config.tableName),
    rules: new CachedRulesRepository(new DynamoRulesRepository(doc, config.tableName)),
    storage: createObjectStorage(config, { baseUrl: local?.baseUrl ?? (() => ''), signingKey: secrets.tokenSigningKey }),
    notifier: createNotifier(config, { doc, clock, appSecret }),
    letters: new DynamoLetterRepository(doc, config.tableName),
    sealer: createSealer(config, secrets.tokenSigningKey),
    catalogue: new DynamoCatalogueRepository(doc, config.tableName),
    plans,
    observations,
    inspections,
    reviews: new DynamoStudyReviewRepository(doc, config.tableName),
    learning: new DynamoLearningRepository(doc, config.tableName),
    news: new DynamoNewsRepository(doc, config.tableName),
    rankings: new DynamoRankingRepository(doc, config.tableName),
    scoringInputs: new DynamoScoringInputs(doc, config.tableName, {
      observations: observationResultsReader(observations),
      findings: findingsReader(inspections),
      taskProgress: taskProgressReader(plans),
    }),
  };
}
