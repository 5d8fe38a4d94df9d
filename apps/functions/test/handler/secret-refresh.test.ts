import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ensureTable } from '../../src/local/ensure-table';
import { apiEvent } from '../support/events';
import { startFakeSecretsManager } from '../support/fake-secrets-manager';
import { startFakeWechat } from '../support/fake-wechat';
import { TEST_SIGNING_KEY } from '../support/test-stack';

const ARN = 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:chuangxing-api-AbCdEf';
const MAX_AGE_SECONDS = 2;
const context = { functionName: 'chuangxing-api-core', awsRequestId: 'r-1', invokedFunctionArn: 'arn:x', memoryLimitInMB: '512' };

const secretJson = (wechatAppSecret: string) => JSON.stringify({ tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret });

/**
 * The core API's real Lambda entry, configured as in AWS (secret ARN, WeChat's base URL) but pointed at
 * DynamoDB Local, a fake Secrets Manager and a fake WeChat on loopback. One module instance is one warm
 * container: after the operator puts the real AppSecret in, it is used within the max age, without a redeploy.
 */
describe('the WeChat AppSecret set after a deploy reaches a warm container', () => {
  let sm: Awaited<ReturnType<typeof startFakeSecretsManager>>;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let handler: (e: ReturnType<typeof apiEvent>, c: Context) => Promise<{ statusCode?: number; body?: string }>;

  beforeAll(async () => {
    sm = await startFakeSecretsManager({ [ARN]: secretJson('PUT-THE-REAL-APPSECRET-HERE') });
    wechat = await startFakeWechat({ appId: 'wx-prod-app', appSecret: 'the-real-appsecret' });
    const endpoint = inject('dynamoEndpoint');
    const table = `secrets-${process.pid}-${Date.now().toString(36)}`;
    const raw = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, table);
    raw.destroy();
    for (const [k, v] of Object.entries({
      CX_STAGE: 'prod',
      CX_TABLE_NAME: table,
      CX_DYNAMODB_ENDPOINT: endpoint,
      CX_SECRETS_ARN: ARN,
      CX_SECRETS_MAX_AGE_SECONDS: String(MAX_AGE_SECONDS),
      CX_WECHAT_API_BASE: wechat.url,
      CX_WECHAT_APPID: 'wx-prod-app',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: sm.url,
      AWS_REGION: 'cn-northwest-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    }))
      vi.stubEnv(k, v);
    // The handler module parses its config at load (cold start), so it is loaded after the environment is set.
    handler = (await import('../../src/handlers/core-api.handler')).handler as typeof handler;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([sm?.stop(), wechat?.stop()]);
  });

  const login = async (code: string, openid: string) => {
    wechat.issueCode(code, openid);
    const res = await handler(apiEvent('POST', '/v1/auth/wechat', { body: { code } }), context as unknown as Context);
    return { status: res.statusCode, body: JSON.parse(res.body ?? '{}') };
  };

  it('logs in with the placeholder refused, then with the real secret once the cached one is older than the max age', async () => {
    const first = await login('code-1', 'o-first');
    expect(first.status).toBe(401);
    expect(first.body.code).toBe('WECHAT_LOGIN_FAILED');
    expect(wechat.calls.at(-1)?.get('secret')).toBe('PUT-THE-REAL-APPSECRET-HERE');
    expect(sm.reads).toBe(1);

    // The operator puts the real AppSecret into the secret; no deploy, the container stays warm.
    sm.put(ARN, secretJson('the-real-appsecret'));
    await new Promise((r) => setTimeout(r, MAX_AGE_SECONDS * 1000 + 200));

    const second = await login('code-2', 'o-second');
    expect(second.status).toBe(200);
    expect(typeof second.body.token).toBe('string');
    expect(wechat.calls.at(-1)?.get('secret')).toBe('the-real-appsecret');
    expect(sm.reads).toBe(2);

    // Within the max age the cached secret serves: a burst of logins reads the secret no more.
    const burst = await Promise.all([login('code-3', 'o-3'), login('code-4', 'o-4'), login('code-5', 'o-5')]);
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(sm.reads).toBe(2);
  });
});
