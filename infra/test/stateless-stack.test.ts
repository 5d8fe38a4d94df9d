import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { routes, type RouteDef } from '@chuangxing/shared';
import { WECHAT_SECRET_PLACEHOLDER, apiEntry } from '../lib/stateless-stack';
import { resourcesOf, synthApp } from './helpers';

const allRoutes = Object.values(routes as Record<string, RouteDef>);
const nonLocalRoutes = allRoutes.filter((r) => !r.localOnly);

const { statelessTemplate: template, stateless } = synthApp({
  corsOrigins: 'https://h5.example.cn, http://localhost:10086',
  wechatAppId: 'wx0123456789abcdef',
  districtId: 'erqi',
});
const functions = resourcesOf(template, 'AWS::Lambda::Function');
const apiFn = functions.find((f) => f.Properties!.Handler === 'index.handler')!;
const env = apiFn.Properties!.Environment.Variables as Record<string, unknown>;
const routeKeys = resourcesOf(template, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties!.RouteKey as string);
const fnLogicalId = template.getResourceId('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } });
const secretLogicalId = template.getResourceId('AWS::SecretsManager::Secret', {});

describe('API function', () => {
  it('is one nodejs22.x arm64 function exporting `handler`', () => {
    expect(functions).toHaveLength(1);
    expect(apiFn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
    });
  });

  it('is built from apps/functions/src/handlers/api.handler.ts as a code asset', () => {
    expect(path.relative(path.resolve(__dirname, '../..'), apiEntry)).toBe(path.join('apps', 'functions', 'src', 'handlers', 'api.handler.ts'));
    expect(existsSync(apiEntry)).toBe(true);
    expect(apiFn.Properties!.Code).toEqual({ S3Bucket: expect.anything(), S3Key: expect.stringMatching(/\.zip$/) });
  });

  it('runs as prod with the table, secret, district, CORS origins and WeChat appid', () => {
    expect(env).toMatchObject({
      CX_STAGE: 'prod',
      CX_DISTRICT_ID: 'erqi',
      CX_CORS_ORIGINS: 'https://h5.example.cn,http://localhost:10086',
      CX_WECHAT_APPID: 'wx0123456789abcdef',
      CX_WECHAT_API_BASE: 'https://api.weixin.qq.com',
      POWERTOOLS_SERVICE_NAME: 'chuangxing-api',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      CX_SECRETS_ARN: { Ref: secretLogicalId },
    });
    expect(JSON.stringify(env.CX_TABLE_NAME)).toMatch(/Fn::ImportValue/);
  });

  it('never enables dev login: no function has CX_DEV_LOGIN, in any form', () => {
    for (const fn of functions) {
      const vars = (fn.Properties!.Environment?.Variables ?? {}) as Record<string, unknown>;
      expect(Object.keys(vars)).not.toContain('CX_DEV_LOGIN');
      expect(Object.keys(vars).some((k) => /dev.?login/i.test(k))).toBe(false);
      expect(vars.CX_DEV_LOGIN).not.toBe('on');
    }
    expect(JSON.stringify(template.toJSON())).not.toContain('CX_DEV_LOGIN');
  });

  it('logs to its own log group with a retention', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
    const [group] = resourcesOf(template, 'AWS::Logs::LogGroup');
    expect(group.Properties!.RetentionInDays).toBeGreaterThan(0);
    expect(apiFn.Properties!.LoggingConfig).toEqual({ LogGroup: { Ref: expect.any(String) } });
  });
});

describe('secret', () => {
  it('generates a long tokenSigningKey next to a wechatAppSecret placeholder', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: {
        GenerateStringKey: 'tokenSigningKey',
        SecretStringTemplate: JSON.stringify({ wechatAppSecret: WECHAT_SECRET_PLACEHOLDER }),
        ExcludePunctuation: true,
        PasswordLength: Match.anyValue(),
      },
    });
    const [secret] = resourcesOf(template, 'AWS::SecretsManager::Secret');
    expect(secret.Properties!.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(48);
    expect(secret.Properties!.SecretString).toBeUndefined();
    expect(secret.DeletionPolicy).toBe('Retain');
  });
});

describe('permissions', () => {
  const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap((p) => p.Properties!.PolicyDocument.Statement as any[]);
  const actionsOn = (pattern: RegExp) =>
    statements.filter((s) => pattern.test(JSON.stringify(s.Resource))).flatMap((s) => [s.Action].flat() as string[]);

  it('lets the function read the secret', () => {
    const onSecret = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify({ Ref: secretLogicalId }));
    expect(onSecret.flatMap((s) => [s.Action].flat())).toContain('secretsmanager:GetSecretValue');
  });

  it('lets the function read and write the table and its indexes', () => {
    const onTable = actionsOn(/Table[A-Z0-9]*Arn/);
    for (const action of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:BatchWriteItem']) {
      expect(onTable).toContain(action);
    }
    const tableStatement = statements.find((s) => [s.Action].flat().includes('dynamodb:PutItem'))!;
    expect(JSON.stringify(tableStatement.Resource)).toContain('/index/*');
  });

  it('lets the function encrypt and decrypt with the customer-managed key', () => {
    const onKey = actionsOn(/DataKey[A-Z0-9]*Arn/);
    expect(onKey).toEqual(expect.arrayContaining(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*']));
  });

  it('grants only the function role, which only Lambda may assume', () => {
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] },
    });
  });
});

describe('HTTP API', () => {
  it('is an HTTP API (not REST) with a throttled, auto-deployed $default stage', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.resourceCountIs('AWS::ApiGateway::RestApi', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
  });

  it('the contract has local-only routes, and they are the dev-login routes', () => {
    const local = allRoutes.filter((r) => r.localOnly).map((r) => r.path);
    expect(local.sort()).toEqual(['/v1/auth/dev-login', '/v1/auth/dev-users']);
  });

  it('registers no dev-login or dev-users route', () => {
    expect(routeKeys.length).toBeGreaterThan(0);
    for (const key of routeKeys) {
      expect(key).not.toMatch(/dev-login|dev-users/);
    }
  });

  it('registers every non-local route of the contract exactly once, and nothing else', () => {
    for (const r of nonLocalRoutes) {
      expect(routeKeys.filter((k) => k === `${r.method} ${r.path}`), `${r.method} ${r.path}`).toHaveLength(1);
    }
    expect(routeKeys).toHaveLength(nonLocalRoutes.length);
    expect(routeKeys).toContain('GET /health');
    expect(routeKeys).toContain('GET /v1/openapi.json');
  });

  it('sends every route to the one API function through one proxy integration', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [fnLogicalId, 'Arn'] },
    });
    const integrationId = template.getResourceId('AWS::ApiGatewayV2::Integration', {});
    for (const route of resourcesOf(template, 'AWS::ApiGatewayV2::Route')) {
      expect(JSON.stringify(route.Properties!.Target)).toContain(integrationId);
      expect(route.Properties!.AuthorizationType ?? 'NONE').toBe('NONE');
    }
  });

  it('configures CORS preflight from the corsOrigins context', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://h5.example.cn', 'http://localhost:10086'],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PUT', 'DELETE']),
      }),
    });
  });

  it('has no CORS configuration when no origins are given', () => {
    const { statelessTemplate } = synthApp();
    const [api] = resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties!.CorsConfiguration).toBeUndefined();
    const [fn] = resourcesOf(statelessTemplate, 'AWS::Lambda::Function');
    expect(fn.Properties!.Environment.Variables.CX_CORS_ORIGINS).toBe('');
  });

  it('outputs the API URL', () => {
    const outputs = template.findOutputs('ApiUrl');
    expect(JSON.stringify(outputs.ApiUrl.Value)).toContain('execute-api');
  });
});
