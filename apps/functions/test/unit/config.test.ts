import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/platform/config/config';

const base = { CX_TABLE_NAME: 'table', CX_SECRETS_ARN: 'arn:aws-cn:secretsmanager:cn-north-1:1:secret:x' };

describe('config', () => {
  it('defaults to prod with dev login off', () => {
    const c = parseConfig(base);
    expect(c.stage).toBe('prod');
    expect(c.devLogin).toBe(false);
    expect(c.tokenTtlSeconds).toBe(7200);
    expect(c.wechat.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('refuses dev login inside Lambda, whatever the stage says', () => {
    expect(() => parseConfig({ ...base, CX_STAGE: 'local', CX_DEV_LOGIN: 'on', AWS_LAMBDA_FUNCTION_NAME: 'api' })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, CX_DEV_LOGIN: 'on' })).toThrow(/dev login/);
  });

  it('allows dev login in the local stack', () => {
    expect(
      parseConfig({ CX_TABLE_NAME: 'table', CX_STAGE: 'local', CX_DEV_LOGIN: 'on', CX_TOKEN_SIGNING_KEY: 'x'.repeat(32) }).devLogin,
    ).toBe(true);
  });

  it('rejects a short signing key, a bad TTL and a prod stage without secrets', () => {
    expect(() => parseConfig({ ...base, CX_TOKEN_SIGNING_KEY: 'short' })).toThrow(/CX_TOKEN_SIGNING_KEY/);
    expect(() => parseConfig({ ...base, CX_TOKEN_TTL_SECONDS: '5' })).toThrow(/CX_TOKEN_TTL_SECONDS/);
    expect(() => parseConfig({ CX_TABLE_NAME: 'table' })).toThrow(/CX_SECRETS_ARN/);
  });

  it('splits CORS origins', () => {
    expect(parseConfig({ ...base, CX_CORS_ORIGINS: 'http://a, http://b,' }).corsOrigins).toEqual(['http://a', 'http://b']);
  });

  it('reads each notice kind’s template (JSON), falls back to the reminder template, and has demo ones outside prod', () => {
    expect(parseConfig(base).subscribe).toEqual({ templates: {}, longTerm: false });
    expect(parseConfig({ ...base, CX_WECHAT_REMINDER_TEMPLATE_ID: 'tmpl-r' }).subscribe.templates).toEqual({
      daily_reminder: { id: 'tmpl-r' },
    });
    const c = parseConfig({
      ...base,
      CX_WECHAT_REMINDER_TEMPLATE_ID: 'tmpl-r',
      CX_WECHAT_TEMPLATES: '{"daily_reminder":"tmpl-d","letter_replied":{"id":"tmpl-l","keys":{"summary":"thing4"}}}',
      CX_WECHAT_LONG_TERM: 'on',
    });
    expect(c.subscribe).toEqual({
      templates: { daily_reminder: { id: 'tmpl-d' }, letter_replied: { id: 'tmpl-l', keys: { summary: 'thing4' } } },
      longTerm: true,
    });
    const local = parseConfig({ CX_TABLE_NAME: 'table', CX_STAGE: 'local', CX_TOKEN_SIGNING_KEY: 'x'.repeat(32) }).subscribe.templates;
    expect(local.letter_replied).toEqual({ id: 'local-letter-replied' });
    expect(Object.keys(local)).toHaveLength(17);
    expect(() => parseConfig({ ...base, CX_WECHAT_TEMPLATES: '{not json' })).toThrow(/CX_WECHAT_TEMPLATES is not JSON/);
    expect(() => parseConfig({ ...base, CX_WECHAT_TEMPLATES: '{"daily_reminder":"has space"}' })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, CX_WECHAT_LONG_TERM: 'yes' })).toThrow(/CX_WECHAT_LONG_TERM/);
  });
});
