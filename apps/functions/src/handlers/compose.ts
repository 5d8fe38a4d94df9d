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

export interface Secrets {
  tokenSigningKey: string;
  wechatAppSecret: string;
}

/** Wires the DynamoDB and HTTP adapters into the ports. Called once per cold start (or per test stack). */
export function composeDeps(config: AppConfig, secrets: Secrets, clock: Clock = systemClock): Deps {
  const doc = createDocumentClient({ endpoint: config.dynamoEndpoint });
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
      appSecret: async () => secrets.wechatAppSecret,
    }),
  };
}
