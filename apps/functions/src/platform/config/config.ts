import { NOTICE_KINDS } from '@chuangxing/shared';
import * as z from 'zod/mini';

const csv = z.pipe(
  z.optional(z.string()),
  z.transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
);

/** Environment read once at cold start. Secrets are read separately and kept fresh (see secrets.ts). */
export const ConfigSchema = z
  .object({
    CX_STAGE: z._default(z.enum(['local', 'test', 'prod']), 'prod'),
    CX_TABLE_NAME: z.string().check(z.minLength(3)),
    CX_DYNAMODB_ENDPOINT: z.optional(z.url()),
    CX_DISTRICT_ID: z._default(z.string(), 'erqi'),
    CX_TOKEN_TTL_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(60), z.maximum(86_400)), 7200),
    CX_DEV_LOGIN: z._default(z.enum(['on', 'off']), 'off'),
    CX_CORS_ORIGINS: csv,
    CX_WECHAT_API_BASE: z._default(z.url(), 'https://api.weixin.qq.com'),
    CX_WECHAT_APPID: z._default(z.string(), ''),
    CX_SECRETS_ARN: z.optional(z.string()),
    CX_TOKEN_SIGNING_KEY: z.optional(z.string().check(z.minLength(32))),
    CX_WECHAT_APP_SECRET: z.optional(z.string()),
    /** How old the secrets read from Secrets Manager may get before a warm container reads them again. */
    CX_SECRETS_MAX_AGE_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3600)), 300),
    /** S3 bucket for photos (AWS). */
    CX_PHOTO_BUCKET: z.optional(z.string()),
    /** Folder for photos in the local stack; a temporary folder when unset. */
    CX_LOCAL_STORAGE_DIR: z.optional(z.string()),
    /** outbox: stored and listed at /v1/dev/outbox (local); wechat: subscribe messages (production). */
    CX_NOTIFIER: z.optional(z.enum(['outbox', 'wechat'])),
    CX_WECHAT_REMINDER_TEMPLATE_ID: z._default(z.string(), ''),
    /**
     * The subscribe-message template of each notice kind, as JSON: `{"letter_replied":"<template id>", …}`, or
     * `{"letter_replied":{"id":"…","keys":{"summary":"thing4"}}}` when the template numbers its keywords otherwise.
     * Unset outside prod: a demo id per kind (the local outbox and the H5 consent prompt use them).
     */
    CX_WECHAT_TEMPLATES: z.optional(z.string()),
    /** on: the recurring kinds (daily reminder, 督办) use 长期订阅消息 and stop counting one-time consents. */
    CX_WECHAT_LONG_TERM: z._default(z.enum(['on', 'off']), 'off'),
    /** KMS key that seals anonymous writers and phone numbers (AWS). */
    CX_SEALING_KEY_ID: z.optional(z.string()),
    AWS_LAMBDA_FUNCTION_NAME: z.optional(z.string()),
  })
  .check(
    z.refine((c) => !(c.CX_DEV_LOGIN === 'on' && (c.AWS_LAMBDA_FUNCTION_NAME || c.CX_STAGE === 'prod')), {
      message: 'dev login can never be enabled in a deployed (Lambda or prod) environment',
      path: ['CX_DEV_LOGIN'],
    }),
    z.refine((c) => c.CX_STAGE !== 'prod' || Boolean(c.CX_SECRETS_ARN), {
      message: 'prod needs CX_SECRETS_ARN',
      path: ['CX_SECRETS_ARN'],
    }),
  );

export interface AppConfig {
  stage: 'local' | 'test' | 'prod';
  tableName: string;
  dynamoEndpoint?: string;
  districtId: string;
  tokenTtlSeconds: number;
  devLogin: boolean;
  corsOrigins: string[];
  wechat: { apiBase: string; appId: string };
  secretsArn?: string;
  secretsMaxAgeSeconds: number;
  photoBucket?: string;
  localStorageDir?: string;
  notifier: 'outbox' | 'wechat';
  wechatReminderTemplateId: string;
  /** Templates per notice kind (checked against the kinds by the inbox at cold start) and the long-term switch. */
  subscribe: { templates: TemplateEntries; longTerm: boolean };
  sealingKeyId?: string;
  localSecrets: { tokenSigningKey?: string; wechatAppSecret?: string };
}

export class ConfigError extends Error {}

export type TemplateEntries = Record<string, { id: string; keys?: Record<string, string> }>;

const TemplateEntry = z.union([
  z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)), keys: z.optional(z.record(z.string(), z.string())) }),
]);

/** CX_WECHAT_TEMPLATES, with CX_WECHAT_REMINDER_TEMPLATE_ID as the daily reminder's when the map has none. */
function parseTemplates(stage: string, json: string | undefined, reminderId: string): TemplateEntries {
  let raw: unknown = {};
  if (json?.trim()) {
    try {
      raw = JSON.parse(json);
    } catch {
      throw new ConfigError('invalid configuration: CX_WECHAT_TEMPLATES is not JSON');
    }
  } else if (stage !== 'prod') {
    raw = Object.fromEntries(NOTICE_KINDS.map((k) => [k, `local-${k.replaceAll('_', '-')}`]));
  }
  const parsed = z.record(z.string(), TemplateEntry).safeParse(raw);
  if (!parsed.success) throw new ConfigError('invalid configuration: CX_WECHAT_TEMPLATES must map kinds to template ids');
  const entries: TemplateEntries = Object.fromEntries(
    Object.entries(parsed.data).map(([kind, e]) => [kind, typeof e === 'string' ? { id: e } : e]),
  );
  if (reminderId && !entries.daily_reminder) entries.daily_reminder = { id: reminderId };
  return entries;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${what}`);
  }
  const c = parsed.data;
  return {
    stage: c.CX_STAGE,
    tableName: c.CX_TABLE_NAME,
    dynamoEndpoint: c.CX_DYNAMODB_ENDPOINT,
    districtId: c.CX_DISTRICT_ID,
    tokenTtlSeconds: c.CX_TOKEN_TTL_SECONDS,
    devLogin: c.CX_DEV_LOGIN === 'on',
    corsOrigins: c.CX_CORS_ORIGINS,
    wechat: { apiBase: c.CX_WECHAT_API_BASE, appId: c.CX_WECHAT_APPID },
    secretsArn: c.CX_SECRETS_ARN,
    secretsMaxAgeSeconds: c.CX_SECRETS_MAX_AGE_SECONDS,
    photoBucket: c.CX_PHOTO_BUCKET,
    localStorageDir: c.CX_LOCAL_STORAGE_DIR,
    notifier: c.CX_NOTIFIER ?? (c.CX_STAGE === 'prod' ? 'wechat' : 'outbox'),
    wechatReminderTemplateId: c.CX_WECHAT_REMINDER_TEMPLATE_ID,
    subscribe: {
      templates: parseTemplates(c.CX_STAGE, c.CX_WECHAT_TEMPLATES, c.CX_WECHAT_REMINDER_TEMPLATE_ID),
      longTerm: c.CX_WECHAT_LONG_TERM === 'on',
    },
    sealingKeyId: c.CX_SEALING_KEY_ID,
    localSecrets: { tokenSigningKey: c.CX_TOKEN_SIGNING_KEY, wechatAppSecret: c.CX_WECHAT_APP_SECRET },
  };
}
