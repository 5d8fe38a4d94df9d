import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ALL_FEATURES } from '../handlers/all-features';
import { type AllPorts, allPorts } from '../handlers/all-ports';
import { createApiApp } from '../handlers/api-app';
import { type AppConfig, parseConfig } from '../platform/config/config';
import { loadSecrets } from '../platform/config/secrets';
import { createDocumentClient } from '../platform/dynamodb/document-client';
import type { Clock } from '../platform/kernel/clock';
import { type Logger, silentLogger } from '../platform/observability/logger';
import { createWiring, type Wiring } from '../platform/wiring';
import { type DynamoLocal, startDynamoLocal } from './dynamo-local';
import { ensureTable } from './ensure-table';
import { startHttpServer } from './http-server';
import { LocalObjectStorage } from './local-object-storage';
import { PortInUseError, portHolder } from './ports';
import { liveOpenApiDocument } from './render-openapi-document';
import { seedDemoData } from './seed';

// The SDK warns on every start that Node 20 support ends in 2027; Lambda runs Node 22 and the README says why 20 is fine here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalStackOptions {
  /** Persist DynamoDB Local here; in memory when unset. */
  dbPath?: string;
  dynamoPort?: number;
  /** Reuse a running DynamoDB Local instead of starting one. */
  dynamoEndpoint?: string;
  apiPort?: number;
  tableName?: string;
  seed?: boolean;
  corsOrigins?: string[];
  devLogin?: boolean;
  tokenSigningKey?: string;
  wechatApiBase?: string;
  wechatAppSecret?: string;
  tokenTtlSeconds?: number;
  /** Keep uploaded photos here (e.g. beside the DynamoDB data); a fresh temporary folder when unset. */
  storageDir?: string;
  clock?: Clock;
  logger?: Logger;
  /** Aborting it while the stack starts stops what has started and rejects. */
  signal?: AbortSignal;
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  config: AppConfig;
  /** Every feature's ports over the stack's wiring (tests and scripts issue tokens, read repositories). */
  deps: AllPorts;
  wiring: Wiring;
  stop(): Promise<void>;
}

/** A listen that failed because the port is taken, as a PortInUseError naming the holder. */
export function asPortInUse(err: unknown, port: number, what: string): unknown {
  return (err as NodeJS.ErrnoException)?.code === 'EADDRINUSE' ? new PortInUseError(port, what, portHolder(port)) : err;
}

/**
 * DynamoDB Local + the table + (optionally) demo data + the API over node:http, all on 127.0.0.1. A start
 * that fails (or is aborted) stops the DynamoDB Local it started before rejecting.
 */
export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  let dynamo: DynamoLocal | undefined;
  if (!opts.dynamoEndpoint) dynamo = await startDynamoLocal({ port: opts.dynamoPort, dbPath: opts.dbPath, signal: opts.signal });
  try {
    return await serveApi(opts, opts.dynamoEndpoint ?? (dynamo as DynamoLocal).endpoint, dynamo);
  } catch (err) {
    await dynamo?.stop();
    throw err;
  }
}

async function serveApi(opts: LocalStackOptions, endpoint: string, dynamo: DynamoLocal | undefined): Promise<LocalStack> {
  const tableName = opts.tableName ?? 'chuangxing-local';
  const config = parseConfig({
    CX_STAGE: 'local',
    CX_TABLE_NAME: tableName,
    CX_DYNAMODB_ENDPOINT: endpoint,
    CX_DEV_LOGIN: opts.devLogin === false ? 'off' : 'on',
    CX_CORS_ORIGINS: (opts.corsOrigins ?? []).join(','),
    CX_TOKEN_SIGNING_KEY: opts.tokenSigningKey ?? 'local-only-signing-key-not-a-secret-0123456789',
    CX_WECHAT_API_BASE: opts.wechatApiBase,
    CX_WECHAT_APPID: 'wx-local-demo',
    CX_WECHAT_APP_SECRET: opts.wechatAppSecret ?? 'local',
    CX_TOKEN_TTL_SECONDS: opts.tokenTtlSeconds ? String(opts.tokenTtlSeconds) : undefined,
    CX_LOCAL_STORAGE_DIR: opts.storageDir,
  });
  const raw = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName).finally(() => raw.destroy());
  opts.signal?.throwIfAborted();
  if (opts.seed !== false) await seedDemoData(createDocumentClient({ endpoint }), tableName);
  // Photos are uploaded to and served from this server's own URL, known only once it listens.
  let apiUrl = '';
  const secrets = await loadSecrets(config);
  const storage = new LocalObjectStorage({
    dir: config.localStorageDir,
    baseUrl: () => apiUrl,
    signingKey: secrets.tokenSigningKey,
    corsOrigins: config.corsOrigins,
  });
  const wiring = createWiring(config, secrets, opts.clock, {
    objectStorage: storage,
    openApiDocument: liveOpenApiDocument(config.devLogin),
  });
  const app = createApiApp(wiring, { logger: opts.logger ?? silentLogger, features: ALL_FEATURES });
  opts.signal?.throwIfAborted();
  const http = await startHttpServer(app, opts.apiPort ?? 0, undefined, [storage.route]).catch((err) => {
    throw asPortInUse(err, opts.apiPort ?? 0, 'API');
  });
  if (opts.signal?.aborted) {
    await http.stop();
    opts.signal.throwIfAborted();
  }
  apiUrl = http.url;
  return {
    apiUrl: http.url,
    dynamoEndpoint: endpoint,
    tableName,
    config,
    deps: allPorts(wiring),
    wiring,
    async stop() {
      await http.stop();
      await dynamo?.stop();
    },
  };
}
