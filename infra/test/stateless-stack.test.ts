import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { type RouteDef, routes } from '@chuangxing/shared';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  API_FUNCTION_NAMES,
  API_FUNCTIONS,
  type ApiFunctionName,
  apiEntryOf,
  apiFunctionId,
  deployedRoutes,
  uploadPrefixesOf,
} from '../lib/api-functions';
import {
  RANKING_RETRY_ATTEMPTS,
  REMINDER_SCHEDULE_MINUTES,
  rankingEntry,
  reminderEntry,
  WECHAT_SECRET_PLACEHOLDER,
} from '../lib/stateless-stack';
import { resourcesOf, synthApp } from './helpers';

const allRoutes = Object.values(routes as Record<string, RouteDef>);
const nonLocalRoutes = allRoutes.filter((r) => !r.localOnly);

const { statelessTemplate: template } = synthApp({
  corsOrigins: 'https://h5.example.cn, http://localhost:10086',
  wechatAppId: 'wx0123456789abcdef',
  districtId: 'erqi',
  reminderTemplateId: 'tmpl-daily-report-reminder',
});
const functions = resourcesOf(template, 'AWS::Lambda::Function');
/** The logical id of the one resource of `type` whose id starts with `prefix` (the construct id). */
const logicalId = (type: string, prefix: string) => {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids, `${type} ${prefix}`).toHaveLength(1);
  return ids[0];
};
/** Each API function of api-functions.ts, by logical id. */
const apiFnIds = Object.fromEntries(API_FUNCTION_NAMES.map((n) => [n, logicalId('AWS::Lambda::Function', apiFunctionId(n))])) as Record<
  ApiFunctionName,
  string
>;
const apiFnOf = (n: ApiFunctionName) => template.findResources('AWS::Lambda::Function')[apiFnIds[n]] as (typeof functions)[number];
const apiFns = API_FUNCTION_NAMES.map(apiFnOf);
const fnLogicalId = apiFnIds.core;
const reminderLogicalId = logicalId('AWS::Lambda::Function', 'ReminderFunction');
const apiFn = template.findResources('AWS::Lambda::Function')[fnLogicalId] as (typeof functions)[number];
const reminderFn = template.findResources('AWS::Lambda::Function')[reminderLogicalId] as (typeof functions)[number];
const rankingLogicalId = logicalId('AWS::Lambda::Function', 'RankingFunction');
const rankingFn = template.findResources('AWS::Lambda::Function')[rankingLogicalId] as (typeof functions)[number];
const rankingsApiFn = apiFnOf('rankings');
const learningApiFn = apiFnOf('learning');
const env = apiFn.Properties!.Environment.Variables as Record<string, unknown>;
const reminderEnv = reminderFn.Properties!.Environment.Variables as Record<string, unknown>;
const routeKeys = resourcesOf(template, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties!.RouteKey as string);
const secretLogicalId = template.getResourceId('AWS::SecretsManager::Secret', {});
const roleOf = (fn: (typeof functions)[number]) => (fn.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
/** Every statement of the IAM policies attached to a role. */
const statementsOf = (roleId: string) =>
  resourcesOf(template, 'AWS::IAM::Policy')
    .filter((p) => JSON.stringify(p.Properties!.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => p.Properties!.PolicyDocument.Statement as any[]);
const actionsOf = (statements: any[]) => statements.flatMap((s) => [s.Action].flat() as string[]);

describe('functions', () => {
  it('are one API function per entry of api-functions.ts, the scheduled reminders and the quarterly ranking job', () => {
    expect(API_FUNCTION_NAMES).toEqual(['core', 'reports', 'mailbox', 'work', 'field', 'rankings', 'learning', 'stars', 'planning']);
    expect(functions).toHaveLength(API_FUNCTION_NAMES.length + 2);
  });

  it('all bundle with the same runtime and settings, each from its own entry', () => {
    for (const fn of [...apiFns, reminderFn]) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Handler: 'index.handler', Architectures: ['arm64'], MemorySize: 512 });
      expect(fn.Properties!.Code).toEqual({ S3Bucket: expect.anything(), S3Key: expect.stringMatching(/\.zip$/) });
    }
    expect(new Set([...apiFns, reminderFn, rankingFn].map((fn) => fn.Properties!.Code.S3Key)).size).toBe(API_FUNCTION_NAMES.length + 2);
  });
});

describe('API function', () => {
  it('is a nodejs24.x arm64 function exporting `handler`', () => {
    expect(apiFn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
    });
  });

  it('is built from apps/functions/src/handlers/core-api.handler.ts as a code asset', () => {
    expect(path.relative(path.resolve(__dirname, '../..'), apiEntryOf('core'))).toBe(
      path.join('apps', 'functions', 'src', 'handlers', 'core-api.handler.ts'),
    );
    expect(existsSync(apiEntryOf('core'))).toBe(true);
    expect(apiFn.Properties!.Code).toEqual({ S3Bucket: expect.anything(), S3Key: expect.stringMatching(/\.zip$/) });
  });

  it('runs as prod with the table, secret, district, CORS origins, WeChat appid, photo bucket and notifier', () => {
    expect(env).toMatchObject({
      CX_NOTIFIER: 'wechat',
      CX_WECHAT_REMINDER_TEMPLATE_ID: 'tmpl-daily-report-reminder',
      CX_STAGE: 'prod',
      CX_DISTRICT_ID: 'erqi',
      CX_CORS_ORIGINS: 'https://h5.example.cn,http://localhost:10086',
      CX_WECHAT_APPID: 'wx0123456789abcdef',
      CX_WECHAT_API_BASE: 'https://api.weixin.qq.com',
      POWERTOOLS_SERVICE_NAME: 'chuangxing-api-core',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      CX_SECRETS_ARN: { Ref: secretLogicalId },
    });
    expect(JSON.stringify(env.CX_TABLE_NAME)).toMatch(/Fn::ImportValue/);
    expect(JSON.stringify(env.CX_PHOTO_BUCKET)).toMatch(/Fn::ImportValue.*PhotoBucket/);
    // Anonymous writers and call-back phones are sealed with the customer-managed key, not a local key.
    expect(JSON.stringify(env.CX_SEALING_KEY_ID)).toMatch(/Fn::ImportValue.*Key/);
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

  it('logs to its own log group with a retention (one per function, and one for the API access log)', () => {
    const groups = template.findResources('AWS::Logs::LogGroup');
    expect(Object.keys(groups)).toHaveLength(API_FUNCTION_NAMES.length + 2 + 1);
    for (const group of Object.values(groups)) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    const own = [...apiFns, reminderFn, rankingFn].map((fn) => fn.Properties!.LoggingConfig.LogGroup.Ref as string);
    const [stage] = resourcesOf(template, 'AWS::ApiGatewayV2::Stage');
    const accessLog = stage.Properties!.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(new Set(own).size).toBe(own.length);
    expect(Object.keys(groups).sort()).toEqual([...own, accessLog].sort());
  });
});

describe('the other API functions', () => {
  it('are built from their own handlers, one per entry of api-functions.ts', () => {
    const rel = (p: string) => path.relative(path.resolve(__dirname, '../..'), p);
    for (const name of API_FUNCTION_NAMES) {
      expect(rel(apiEntryOf(name))).toBe(path.join('apps', 'functions', 'src', 'handlers', `${name}-api.handler.ts`));
      expect(existsSync(apiEntryOf(name))).toBe(true);
      expect(apiFnOf(name).Properties).toMatchObject({ Timeout: 10, MemorySize: 512 });
    }
  });

  it('get the core API function’s environment with their own service names', () => {
    const { POWERTOOLS_SERVICE_NAME: apiName, ...apiRest } = env;
    for (const name of API_FUNCTION_NAMES) {
      const { POWERTOOLS_SERVICE_NAME: own, ...rest } = apiFnOf(name).Properties!.Environment.Variables as Record<string, unknown>;
      expect([apiName, own]).toEqual(['chuangxing-api-core', `chuangxing-api-${name}`]);
      expect(rest).toEqual(apiRest);
    }
  });

  it('each gets the photo prefixes of its own features only', () => {
    for (const name of API_FUNCTION_NAMES) {
      const statements = statementsOf(roleOf(apiFnOf(name)));
      const granted = statements
        .filter((s) => JSON.stringify(s.Resource).includes('PhotoBucket'))
        .flatMap((s) => [...JSON.stringify(s.Resource).matchAll(/"\/([a-z-]+)\/\*"/g)].map((m) => `${m[1]}/`))
        .sort();
      expect(granted, name).toEqual([...uploadPrefixesOf(name)].sort());
    }
    expect(uploadPrefixesOf('work')).toEqual(['plan-evidence/']);
    expect(uploadPrefixesOf('stars')).toEqual(['star-evidence/']);
    expect(uploadPrefixesOf('field').sort()).toEqual(['inspection-fix/', 'inspection/']);
    expect(uploadPrefixesOf('core')).toEqual([]);
  });

  it('rankings: reads and writes the table and reads the secret; no photos', () => {
    const actions = actionsOf(statementsOf(roleOf(rankingsApiFn)));
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:Query',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'secretsmanager:GetSecretValue',
      ]),
    );
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('learning: the table, the secret and the news photos under news/ only', () => {
    const statements = statementsOf(roleOf(learningApiFn));
    const actions = actionsOf(statements);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'secretsmanager:GetSecretValue',
        'kms:GenerateDataKey*',
      ]),
    );
    const onPhotos = statements.filter((s) => JSON.stringify(s).includes('PhotoBucket'));
    expect(uploadPrefixesOf('learning')).toEqual(['news/']);
    const objects = onPhotos.find((s) => JSON.stringify(s.Resource).includes('/news/*'))!;
    expect([objects.Action].flat().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(onPhotos)).not.toContain('daily-report');
    expect(actionsOf(onPhotos).sort()).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
  });
});

describe('reminder function', () => {
  it('is built from apps/functions/src/handlers/reminder.handler.ts', () => {
    expect(path.relative(path.resolve(__dirname, '../..'), reminderEntry)).toBe(
      path.join('apps', 'functions', 'src', 'handlers', 'reminder.handler.ts'),
    );
    expect(reminderFn.Properties!.Timeout).toBeGreaterThanOrEqual(30);
  });

  it('gets the API function’s environment, its own service name, and the WeChat notifier with the template id', () => {
    const { POWERTOOLS_SERVICE_NAME: apiName, ...apiRest } = env;
    const { POWERTOOLS_SERVICE_NAME: reminderName, ...reminderRest } = reminderEnv;
    expect(reminderRest).toEqual(apiRest);
    expect([apiName, reminderName]).toEqual(['chuangxing-api-core', 'chuangxing-reminders']);
    expect(reminderEnv).toMatchObject({
      CX_STAGE: 'prod',
      CX_NOTIFIER: 'wechat',
      CX_WECHAT_REMINDER_TEMPLATE_ID: 'tmpl-daily-report-reminder',
    });
  });

  it('passes each notice kind’s templates and the long-term switch to every function; refuses templates that are not JSON', () => {
    const templates = { daily_reminder: 'tmpl-daily', letter_replied: 'tmpl-reply' };
    const { statelessTemplate } = synthApp({
      wechatAppId: 'wx0123456789abcdef',
      subscribeTemplates: JSON.stringify(templates),
      longTermSubscribe: 'on',
    });
    const fns = resourcesOf(statelessTemplate, 'AWS::Lambda::Function').filter((f) => f.Properties?.Environment?.Variables?.CX_STAGE);
    expect(fns.length).toBeGreaterThanOrEqual(8);
    for (const fn of fns) {
      expect(JSON.parse(fn.Properties!.Environment.Variables.CX_WECHAT_TEMPLATES)).toEqual(templates);
      expect(fn.Properties!.Environment.Variables.CX_WECHAT_LONG_TERM).toBe('on');
    }
    const plain = synthApp({ wechatAppId: 'wx0123456789abcdef' }).statelessTemplate;
    for (const fn of resourcesOf(plain, 'AWS::Lambda::Function').filter((f) => f.Properties?.Environment?.Variables?.CX_STAGE)) {
      expect([fn.Properties!.Environment.Variables.CX_WECHAT_TEMPLATES, fn.Properties!.Environment.Variables.CX_WECHAT_LONG_TERM]).toEqual([
        '',
        'off',
      ]);
    }
    expect(() => synthApp({ subscribeTemplates: '{not json' })).toThrow(/subscribeTemplates context must be JSON/);
  });

  it('defaults the template id to empty, and warns about it', () => {
    const { statelessTemplate, stateless: stack } = synthApp({ wechatAppId: 'wx0123456789abcdef' });
    for (const fn of resourcesOf(statelessTemplate, 'AWS::Lambda::Function')) {
      expect(fn.Properties!.Environment.Variables.CX_WECHAT_REMINDER_TEMPLATE_ID).toBe('');
    }
    const warnings = stack.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings.some((w) => w.includes('reminderTemplateId'))).toBe(true);
  });

  it('reads and writes the table, uses the key and reads the secret, but has no access to the photos', () => {
    const statements = statementsOf(roleOf(reminderFn));
    const actions = actionsOf(statements);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'kms:Decrypt',
        'kms:GenerateDataKey*',
        'secretsmanager:GetSecretValue',
      ]),
    );
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
  });
});

describe('reminder schedule (EventBridge Scheduler)', () => {
  const schedule = template.findResources('AWS::Scheduler::Schedule')[
    logicalId('AWS::Scheduler::Schedule', 'ReminderSchedule')
  ] as ReturnType<typeof resourcesOf>[number];

  it('is one of two schedules, every 15 minutes on Asia/Shanghai time, with no flexible window', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', 2);
    expect(REMINDER_SCHEDULE_MINUTES).toBe(15);
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0/15 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
  });

  it('invokes the reminder function through a role only the scheduler may assume, with bounded retries', () => {
    const target = schedule.Properties!.Target;
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [reminderLogicalId, 'Arn'] });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 15 * 60 });
    const roleId = target.RoleArn['Fn::GetAtt'][0] as string;
    const role = template.findResources('AWS::IAM::Role')[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: expect.objectContaining({ StringEquals: expect.objectContaining({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }) }),
      }),
    ]);
    const statements = statementsOf(roleId);
    // Invoke the one function; send a run it could not deliver to the job's own dead-letter queue.
    expect(actionsOf(statements).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = statements.find((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invoke.Resource)).toContain(reminderLogicalId);
    expect(JSON.stringify(invoke.Resource)).not.toContain(fnLogicalId);
    const send = statements.find((s) => [s.Action].flat().includes('sqs:SendMessage'));
    expect(send.Resource).toEqual({ 'Fn::GetAtt': [logicalId('AWS::SQS::Queue', 'ReminderDeadLetters'), 'Arn'] });
  });
});

describe('quarterly ranking job and its quarter-end schedule', () => {
  const schedule = template.findResources('AWS::Scheduler::Schedule')[
    logicalId('AWS::Scheduler::Schedule', 'RankingSchedule')
  ] as ReturnType<typeof resourcesOf>[number];

  it('is built from ranking.handler.ts with the longest timeout and the shared environment', () => {
    expect(path.relative(path.resolve(__dirname, '../..'), rankingEntry)).toBe(
      path.join('apps', 'functions', 'src', 'handlers', 'ranking.handler.ts'),
    );
    expect(existsSync(rankingEntry)).toBe(true);
    expect(rankingFn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Architectures: ['arm64'],
      Timeout: 900,
      MemorySize: 1024,
    });
    const { POWERTOOLS_SERVICE_NAME: apiName, ...apiRest } = env;
    const { POWERTOOLS_SERVICE_NAME: name, ...rest } = rankingFn.Properties!.Environment.Variables as Record<string, unknown>;
    expect([apiName, name]).toEqual(['chuangxing-api-core', 'chuangxing-ranking']);
    expect(rest).toEqual(apiRest);
  });

  it('runs at 01:00 Shanghai time on the first day of each quarter, with no flexible window', () => {
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 1 1 1,4,7,10 ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
  });

  it('invokes only the ranking function, with retries that resume an unfinished run', () => {
    const target = schedule.Properties!.Target;
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [rankingLogicalId, 'Arn'] });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: RANKING_RETRY_ATTEMPTS, MaximumEventAgeInSeconds: 12 * 3600 });
    const statements = statementsOf(target.RoleArn['Fn::GetAtt'][0] as string);
    expect(actionsOf(statements).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = statements.find((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invoke.Resource)).toContain(rankingLogicalId);
    expect(JSON.stringify(invoke.Resource)).not.toContain(reminderLogicalId);
    const send = statements.find((s) => [s.Action].flat().includes('sqs:SendMessage'));
    expect(send.Resource).toEqual({ 'Fn::GetAtt': [logicalId('AWS::SQS::Queue', 'RankingDeadLetters'), 'Arn'] });
  });

  it('reads and writes the (KMS-encrypted) table and reads the secret; no photos', () => {
    const actions = actionsOf(statementsOf(roleOf(rankingFn)));
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:Query',
        'dynamodb:BatchGetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'secretsmanager:GetSecretValue',
      ]),
    );
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
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
  const statements = statementsOf(roleOf(apiFn));
  const actionsOn = (pattern: RegExp) =>
    statements.filter((s) => pattern.test(JSON.stringify(s.Resource))).flatMap((s) => [s.Action].flat() as string[]);

  it('lets the function read the secret', () => {
    const onSecret = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify({ Ref: secretLogicalId }));
    expect(onSecret.flatMap((s) => [s.Action].flat())).toContain('secretsmanager:GetSecretValue');
  });

  it('lets the function read and write the table and its indexes', () => {
    const onTable = actionsOn(/Table[A-Z0-9]*Arn/);
    for (const action of [
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:BatchWriteItem',
    ]) {
      expect(onTable).toContain(action);
    }
    const tableStatement = statements.find((s) => [s.Action].flat().includes('dynamodb:PutItem'))!;
    expect(JSON.stringify(tableStatement.Resource)).toContain('/index/*');
  });

  it('lets the function encrypt and decrypt with the customer-managed key', () => {
    const onKey = actionsOn(/DataKey[A-Z0-9]*Arn/);
    expect(onKey).toEqual(expect.arrayContaining(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*']));
  });

  it('lets each API function put and get photos under the prefixes its features presign only, and list the bucket for 404s', () => {
    const onPhotos = statementsOf(roleOf(apiFnOf('reports'))).filter((s) => JSON.stringify(s).includes('PhotoBucket'));
    const objects = onPhotos.find((s) => JSON.stringify(s.Resource).includes('/daily-report/*'))!;
    expect([objects.Action].flat().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(objects.Resource)).toMatch(/Fn::ImportValue.*PhotoBucket.*Arn.*"\/daily-report\/\*"/);
    // Each prefix lands on the function whose feature presigns it: report photos here, the others elsewhere.
    const granted = [...JSON.stringify(objects.Resource).matchAll(/"\/([a-z-]+)\/\*"/g)].map((m) => m[1]).sort();
    expect(granted).toEqual(['daily-report']);
    const everywhere = API_FUNCTION_NAMES.flatMap(uploadPrefixesOf).sort();
    expect(everywhere).toEqual(['daily-report/', 'inspection-fix/', 'inspection/', 'letter/', 'news/', 'plan-evidence/', 'star-evidence/']);
    const bucket = onPhotos.find((s) => s !== objects)!;
    expect([bucket.Action].flat()).toEqual(['s3:ListBucket']);
    expect(JSON.stringify(bucket.Resource)).not.toContain('/');
    expect(onPhotos).toHaveLength(2);
    expect(actionsOf(onPhotos)).not.toContain('s3:DeleteObject');
  });

  it('has one role per function, which only Lambda may assume, and one per schedule', () => {
    const fnCount = API_FUNCTION_NAMES.length + 2;
    template.resourceCountIs('AWS::IAM::Role', fnCount + 2);
    const principals = resourcesOf(template, 'AWS::IAM::Role').map(
      (r) => r.Properties!.AssumeRolePolicyDocument.Statement[0].Principal.Service,
    );
    expect(principals.sort()).toEqual([
      ...Array(fnCount).fill('lambda.amazonaws.com'),
      'scheduler.amazonaws.com',
      'scheduler.amazonaws.com',
    ]);
    expect(new Set([...apiFns, reminderFn, rankingFn].map(roleOf)).size).toBe(fnCount);
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

  it('the contract has local-only routes: the dev-login routes and the dev outbox', () => {
    const local = allRoutes.filter((r) => r.localOnly).map((r) => r.path);
    expect(local.sort()).toEqual(['/v1/auth/dev-login', '/v1/auth/dev-users', '/v1/dev/outbox']);
  });

  it('registers no dev-login, dev-users or dev outbox route', () => {
    expect(routeKeys.length).toBeGreaterThan(0);
    for (const key of routeKeys) {
      expect(key).not.toMatch(/dev-login|dev-users|\/dev\//);
    }
  });

  it('registers every non-local route of the contract exactly once, and nothing else', () => {
    for (const r of nonLocalRoutes) {
      expect(
        routeKeys.filter((k) => k === `${r.method} ${r.path}`),
        `${r.method} ${r.path}`,
      ).toHaveLength(1);
    }
    expect(routeKeys).toHaveLength(nonLocalRoutes.length);
    expect(routeKeys).toContain('GET /health');
    expect(routeKeys).toContain('GET /v1/openapi.json');
  });

  it('sends every route to the API function that serves its feature, through one proxy integration per function', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', API_FUNCTION_NAMES.length);
    const integrationOf = {} as Record<ApiFunctionName, string>;
    for (const name of API_FUNCTION_NAMES) {
      integrationOf[name] = template.getResourceId('AWS::ApiGatewayV2::Integration', {
        Properties: {
          IntegrationType: 'AWS_PROXY',
          PayloadFormatVersion: '2.0',
          IntegrationUri: { 'Fn::GetAtt': [apiFnIds[name], 'Arn'] },
        },
      });
    }
    const fnOfKey = new Map(deployedRoutes().map(({ route, fn }) => [`${route.method} ${route.path}`, fn]));
    const routesPer = Object.fromEntries(API_FUNCTION_NAMES.map((n) => [n, 0])) as Record<ApiFunctionName, number>;
    for (const route of resourcesOf(template, 'AWS::ApiGatewayV2::Route')) {
      const key = route.Properties!.RouteKey as string;
      const fn = fnOfKey.get(key)!;
      routesPer[fn]++;
      expect(route.Properties!.Target, key).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integrationOf[fn] }]] });
      expect(route.Properties!.AuthorizationType ?? 'NONE').toBe('NONE');
    }
    for (const { fn } of deployedRoutes()) routesPer[fn]--;
    expect(routesPer).toEqual(Object.fromEntries(API_FUNCTION_NAMES.map((n) => [n, 0])));
    // Spot checks against the contract's paths: a feature's routes go where api-functions.ts puts the feature.
    expect(fnOfKey.get('GET /v1/rankings/{quarter}')).toBe('rankings');
    expect(fnOfKey.get('PUT /v1/scoring/draft')).toBe('rankings');
    // The export runs where the workbook writer already is, so the rankings bundle has room.
    expect(fnOfKey.get('GET /v1/rankings/{quarter}/export')).toBe('reports');
    expect(fnOfKey.get('GET /v1/questionnaires/{questionnaireId}')).toBe('learning');
    expect(fnOfKey.get('POST /v1/uploads/news')).toBe('learning');
    expect(fnOfKey.get('GET /v1/me')).toBe('core');
    expect(fnOfKey.get('POST /v1/letters')).toBe('mailbox');
    expect(fnOfKey.get('GET /v1/branches/{branchId}/board/{year}')).toBe('work');
    expect(fnOfKey.get('PUT /v1/branches/{branchId}/reports/{day}')).toBe('reports');
    expect(fnOfKey.get('POST /v1/uploads/star-evidence')).toBe('stars');
    expect(fnOfKey.get('POST /v1/star-applications/{applicationId}/decisions')).toBe('stars');
    expect(API_FUNCTIONS.work).toContain('plans');
    expect(API_FUNCTIONS.work).not.toContain('stars');
  });

  it('lets API Gateway invoke each API function, and only those', () => {
    const permissions = resourcesOf(template, 'AWS::Lambda::Permission');
    const invoked = new Set(permissions.map((p) => JSON.stringify(p.Properties!.FunctionName)));
    for (const id of Object.values(apiFnIds)) expect(invoked).toContain(JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }));
    expect(invoked.has(JSON.stringify({ 'Fn::GetAtt': [reminderLogicalId, 'Arn'] }))).toBe(false);
    expect(invoked.has(JSON.stringify({ 'Fn::GetAtt': [rankingLogicalId, 'Arn'] }))).toBe(false);
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
    for (const fn of resourcesOf(statelessTemplate, 'AWS::Lambda::Function')) {
      expect(fn.Properties!.Environment.Variables.CX_CORS_ORIGINS).toBe('');
    }
  });

  it('outputs the API URL', () => {
    const outputs = template.findOutputs('ApiUrl');
    expect(JSON.stringify(outputs.ApiUrl.Value)).toContain('execute-api');
  });
});
