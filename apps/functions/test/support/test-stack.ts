import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { ProfileOpenidDirectory } from '../../src/features/identity/openid-directory.dynamodb';
import { ALL_FEATURES } from '../../src/handlers/all-features';
import { allPorts } from '../../src/handlers/all-ports';
import { createApiApp } from '../../src/handlers/api-app';
import { ensureTable } from '../../src/local/ensure-table';
import { LocalObjectStorage } from '../../src/local/local-object-storage';
import { liveOpenApiDocument } from '../../src/local/render-openapi-document';
import { seedDemoData } from '../../src/local/seed';
import { parseConfig } from '../../src/platform/config/config';
import type { DynamoLimits } from '../../src/platform/dynamodb/bounded-retry';
import { createDocumentClient } from '../../src/platform/dynamodb/document-client';
import type { Clock } from '../../src/platform/kernel/clock';
import { countingNotifier } from '../../src/platform/notify/counting-notifier';
import { createNotifier } from '../../src/platform/notify/create-notifier';
import { type Logger, silentLogger } from '../../src/platform/observability/logger';
import type { Metrics } from '../../src/platform/observability/metrics';
import { createWiring } from '../../src/platform/wiring';
import { apiEvent } from './events';
import { SwitchableNotifier } from './switchable-notifier';

export const TEST_SIGNING_KEY = 'test-signing-key-0123456789-abcdefghijklmnop';
export const H5_ORIGIN = 'http://127.0.0.1:10086';
let counter = 0;

/** A fresh table on the shared DynamoDB Local, the real adapters, and the API app that Lambda runs. */
export async function createTestStack(
  opts: {
    seed?: boolean;
    devLogin?: boolean;
    clock?: Clock;
    wechatApiBase?: string;
    ttlSeconds?: number;
    /** The URL photos are uploaded to (see http-stack.ts); presigned URLs are relative without it. */
    baseUrl?: () => string;
    /** Folder of the local photo storage; a temporary one, made on first upload, when unset. */
    storageDir?: string;
    /** Receives the API's structured logs (silent by default). */
    logger?: Logger;
    /** Receives the business-metric counts (none kept by default). */
    metrics?: Metrics;
    /** Another DynamoDB Local than the shared one (the fault tests freeze and kill their own). */
    dynamoEndpoint?: string;
    /** The app's DynamoDB limits (those of DynamoDB Local unless set). */
    dynamoLimits?: DynamoLimits;
    /** The seed's invited person and waiting newcomer (src/local/demo-invitation.ts); off: the fixtures count people. */
    invitedPeople?: boolean;
    /** More configuration, e.g. CX_WECHAT_TEMPLATES or CX_WECHAT_LONG_TERM. */
    env?: Record<string, string>;
  } = {},
) {
  const endpoint = opts.dynamoEndpoint ?? inject('dynamoEndpoint');
  const tableName = `t${process.pid}-${Date.now().toString(36)}-${counter++}`;
  const raw = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName);
  // The fixture's own client (seed, snapshot scans) keeps the SDK's patience; the app's has the API's limits.
  const doc = createDocumentClient({ endpoint }, false);
  if (opts.seed !== false) await seedDemoData(doc, tableName, { invitedPeople: opts.invitedPeople ?? false });
  const config = parseConfig({
    CX_STAGE: 'test',
    CX_TABLE_NAME: tableName,
    CX_DYNAMODB_ENDPOINT: endpoint,
    CX_DEV_LOGIN: opts.devLogin === false ? 'off' : 'on',
    CX_CORS_ORIGINS: H5_ORIGIN,
    CX_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY,
    CX_WECHAT_API_BASE: opts.wechatApiBase,
    CX_WECHAT_APPID: 'wx-test-app',
    CX_WECHAT_APP_SECRET: 'test-app-secret',
    CX_TOKEN_TTL_SECONDS: opts.ttlSeconds ? String(opts.ttlSeconds) : undefined,
    CX_LOCAL_STORAGE_DIR: opts.storageDir,
    ...opts.env,
  });
  const secrets = { tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret: 'test-app-secret' };
  // Photos go to a local folder; presigned URLs are relative unless an HTTP stack gives its URL.
  const storage = new LocalObjectStorage({
    dir: config.localStorageDir,
    baseUrl: opts.baseUrl ?? (() => ''),
    signingKey: TEST_SIGNING_KEY,
    corsOrigins: config.corsOrigins,
  });
  const wiring = createWiring(
    config,
    secrets,
    opts.clock,
    { objectStorage: storage, dynamoLimits: opts.dynamoLimits, openApiDocument: liveOpenApiDocument(config.devLogin) },
    opts.metrics,
  );
  // Built before any feature binds, so every feature shares the one a test may swap (stack.notifier.use),
  // counted as in production (identity.wiring.ts).
  const notifier = new SwitchableNotifier(
    createNotifier(config, {
      doc: wiring.doc,
      clock: wiring.clock,
      appSecret: wiring.appSecret,
      openids: new ProfileOpenidDirectory(wiring.doc, tableName),
    }),
  );
  wiring.once('notifier', () => countingNotifier(notifier, wiring.kernel.metrics));
  const deps = allPorts(wiring);
  const app = createApiApp(wiring, { logger: opts.logger ?? silentLogger, features: ALL_FEATURES });

  async function call(method: string, path: string, o: Parameters<typeof apiEvent>[2] = {}) {
    const res = await app.handle(apiEvent(method, path, o));
    const body = !res.body ? undefined : res.isBase64Encoded ? Buffer.from(res.body, 'base64') : JSON.parse(res.body);
    return { status: res.statusCode!, headers: (res.headers ?? {}) as Record<string, string>, body };
  }
  async function tokenFor(userId: string) {
    return (await deps.tokens.issue(userId)).token;
  }
  /** Every item in the table, for "nothing was written" checks (tests only: never Scan on a request path). */
  async function snapshot() {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
  }
  return { app, deps, wiring, storage, notifier, doc, raw, tableName, endpoint, call, tokenFor, snapshot };
}

export type TestStack = Awaited<ReturnType<typeof createTestStack>>;

/** The seeded demo users, one per role. */
export const DEMO = {
  resident: 'demo-resident',
  cadre: 'demo-cadre',
  secretary: 'demo-secretary',
  township_staff: 'demo-township-staff',
  inspector: 'demo-inspector',
  discipline: 'demo-discipline',
  station_handler: 'demo-station-handler',
  taskforce: 'demo-taskforce',
  leader: 'demo-leader',
  district_admin: 'demo-district-admin',
} as const;
