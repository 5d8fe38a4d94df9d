import * as path from 'node:path';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { CorsHttpMethod, type CorsPreflightOptions, HttpApi, HttpMethod, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import {
  API_FUNCTION_NAMES,
  type ApiFunctionName,
  apiEntryOf,
  apiFunctionId,
  deployedRoutes,
  sealsOf,
  uploadPrefixesOf,
} from './api-functions';
import type { AppSettings } from './context';

/** The monorepo root: the esbuild project root and home of the one lock file. */
const repoRoot = path.resolve(__dirname, '../..');
export const reminderEntry = path.join(repoRoot, 'apps/functions/src/handlers/reminder.handler.ts');
export const rankingEntry = path.join(repoRoot, 'apps/functions/src/handlers/ranking.handler.ts');

/**
 * Left to the Lambda runtime: the SDK clients and the DynamoDB document client, which it ships. Everything
 * else is bundled (S3 presigning is our own SigV4 code, so no SDK presigner is needed). scripts/bench.ts
 * mirrors this list.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];

/** The scheduled reminder job runs this often; it decides itself whether it is the district's reminder time. */
export const REMINDER_SCHEDULE_MINUTES = 15;

/**
 * 每季度一评比: the ranking job runs at 01:00 (Asia/Shanghai) on the first day of each quarter and ranks the
 * quarter that has just ended. When a run stops between shards (time budget), it fails on purpose and the
 * scheduler's retries resume it from the checkpoints.
 */
export const RANKING_SCHEDULE = { minute: '0', hour: '1', day: '1', month: '1,4,7,10' } as const;
export const RANKING_RETRY_ATTEMPTS = 20;

/** A JSON context value as the functions read it; synth fails at once on one that is not JSON. */
function contextJson(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    JSON.parse(text);
  } catch {
    throw new Error('subscribeTemplates context must be JSON: {"daily_reminder":"<template id>", …}');
  }
  return text;
}

/** Placeholder written at deploy time; the operator replaces it with the real WeChat AppSecret. */
export const WECHAT_SECRET_PLACEHOLDER = 'REPLACE_WITH_WECHAT_APP_SECRET';

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  key: IKey;
  /** The report photo bucket (from the stateful stack). */
  photoBucket: IBucket;
  settings: AppSettings;
}

/**
 * Everything that can be redeployed without losing data: the secret, the API function, the HTTP API, and
 * the scheduled reminder function with its EventBridge Scheduler schedule.
 */
export class StatelessStack extends Stack {
  /** One function per entry of apps/functions/src/handlers/api-functions.ts. */
  public readonly apiFunctions: Readonly<Record<ApiFunctionName, NodejsFunction>>;
  public readonly reminderFunction: NodejsFunction;
  public readonly reminderSchedule: Schedule;
  public readonly rankingFunction: NodejsFunction;
  public readonly rankingSchedule: Schedule;
  public readonly httpApi: HttpApi;
  public readonly secret: Secret;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, key, settings } = props;
    const photoBucket = props.photoBucket;
    const reminderTemplateId = String(this.node.tryGetContext('reminderTemplateId') ?? '').trim();
    // Each notice kind's subscribe-message template (JSON, see docs/notices.md) and the 长期订阅消息 switch.
    const subscribeTemplates = contextJson(this.node.tryGetContext('subscribeTemplates'));
    const longTermSubscribe = String(this.node.tryGetContext('longTermSubscribe') ?? 'off') === 'on' ? 'on' : 'off';

    // JSON { tokenSigningKey, wechatAppSecret }. The signing key is generated at creation and never
    // leaves AWS. wechatAppSecret starts as a placeholder: after the first deploy the operator
    // replaces it with the real AppSecret, e.g.
    //   aws secretsmanager put-secret-value --secret-id <ApiSecretArn> \
    //     --secret-string '{"tokenSigningKey":"<keep the generated one>","wechatAppSecret":"<AppSecret>"}'
    // (or edit the wechatAppSecret value in the console). Retained on stack deletion, so tokens and the
    // AppSecret survive a redeploy of this stack.
    this.secret = new Secret(this, 'ApiSecret', {
      description: '创星 API: {"tokenSigningKey","wechatAppSecret"}; replace the wechatAppSecret placeholder after the first deploy',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ wechatAppSecret: WECHAT_SECRET_PLACEHOLDER }),
        generateStringKey: 'tokenSigningKey',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const bundling: BundlingOptions = {
      minify: true,
      sourceMap: true,
      target: 'node22',
      format: OutputFormat.CJS,
      externalModules: EXTERNAL_MODULES,
      // The SDK clients a function needs only sometimes (S3, KMS, Secrets Manager) are loaded on first use with
      // `import()`: kept as a lazy `require` so every SDK module stays CommonJS, like the eager ones.
      esbuildArgs: { '--supported:dynamic-import': 'false' },
      forceDockerBundling: false,
    };
    // Never add CX_DEV_LOGIN here: dev login is local-only (the config parser also refuses it in Lambda),
    // and test/stateless-stack.test.ts fails if any function gets it.
    const environment = {
      CX_STAGE: 'prod',
      CX_TABLE_NAME: table.tableName,
      CX_SECRETS_ARN: this.secret.secretArn,
      CX_DISTRICT_ID: settings.districtId,
      CX_CORS_ORIGINS: settings.corsOrigins.join(','),
      CX_WECHAT_APPID: settings.wechatAppId,
      CX_WECHAT_API_BASE: 'https://api.weixin.qq.com',
      CX_PHOTO_BUCKET: photoBucket.bucketName,
      // Seals anonymous writers and call-back phones (清风邮局); the functions already hold encrypt/decrypt on it.
      CX_SEALING_KEY_ID: key.keyArn,
      // Reminders go out as WeChat subscribe messages, from the schedule and from 催报 in the API.
      CX_NOTIFIER: 'wechat',
      CX_WECHAT_REMINDER_TEMPLATE_ID: reminderTemplateId,
      CX_WECHAT_TEMPLATES: subscribeTemplates,
      CX_WECHAT_LONG_TERM: longTermSubscribe,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    };
    const common = {
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      bundling,
    };

    // One function per entry of api-functions.ts: each bundles only its own features (and the readers they
    // use). All read and write the table and read the secret. Presigned POSTs and GETs are signed with the
    // function's role, so S3 checks *its* rights when a client uploads or reads: PutObject and GetObject
    // (which also covers HeadObject) on the prefixes its features presign only, ListBucket so HeadObject on a
    // missing key answers 404 (not 403), and the KMS key for the bucket's SSE-KMS. Only the mailbox seals.
    const apiFunctions = {} as Record<ApiFunctionName, NodejsFunction>;
    for (const name of API_FUNCTION_NAMES) {
      const id = apiFunctionId(name);
      const fn = new NodejsFunction(this, id, {
        ...common,
        description: `创星 HTTP API: ${name} (features of apps/functions/src/handlers/api-functions.ts)`,
        entry: apiEntryOf(name),
        timeout: Duration.seconds(10),
        logGroup: new LogGroup(this, `${id.replace(/Function$/, '')}Logs`, {
          retention: RetentionDays.THREE_MONTHS,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        environment: { ...environment, POWERTOOLS_SERVICE_NAME: `chuangxing-api-${name}` },
      });
      table.grantReadWriteData(fn);
      this.secret.grantRead(fn);
      const prefixes = uploadPrefixesOf(name);
      if (prefixes.length) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['s3:PutObject', 's3:GetObject'],
            resources: prefixes.map((p) => photoBucket.arnForObjects(`${p}*`)),
          }),
        );
        fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [photoBucket.bucketArn] }));
      }
      if (prefixes.length || sealsOf(name)) key.grantEncryptDecrypt(fn);
      apiFunctions[name] = fn;
    }
    this.apiFunctions = apiFunctions;

    this.reminderFunction = new NodejsFunction(this, 'ReminderFunction', {
      ...common,
      description: '创星 scheduled reminders (每日一报告): the district decides when; sent at most once a day',
      entry: reminderEntry,
      timeout: Duration.seconds(60),
      logGroup: new LogGroup(this, 'ReminderLogs', {
        retention: RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'chuangxing-reminders' },
    });
    table.grantReadWriteData(this.reminderFunction);
    key.grantEncryptDecrypt(this.reminderFunction);
    this.secret.grantRead(this.reminderFunction);

    // Every 15 minutes, on Shanghai wall-clock time. The job compares the district's configurable reminder
    // time with the clock and claims the day once, so running often (and retries) never double-sends.
    this.reminderSchedule = new Schedule(this, 'ReminderSchedule', {
      description: '创星: wake the reminder job every 15 minutes (Asia/Shanghai)',
      schedule: ScheduleExpression.cron({ minute: `0/${REMINDER_SCHEDULE_MINUTES}`, timeZone: TimeZone.ASIA_SHANGHAI }),
      target: new LambdaInvoke(this.reminderFunction, {
        retryAttempts: 2,
        // A wake-up older than one period is pointless: the next one is already due.
        maxEventAge: Duration.minutes(REMINDER_SCHEDULE_MINUTES),
      }),
    });

    // The quarterly ranking job: reads rollups, writes draft rankings. The longest Lambda timeout, so a
    // district finishes in one invocation; a province-scale run resumes across retries.
    this.rankingFunction = new NodejsFunction(this, 'RankingFunction', {
      ...common,
      memorySize: 1024,
      description: '创星 quarterly ranking job (每季度一评比): sharded per township, checkpointed, writes a draft',
      entry: rankingEntry,
      timeout: Duration.minutes(15),
      logGroup: new LogGroup(this, 'RankingLogs', {
        retention: RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'chuangxing-ranking' },
    });
    table.grantReadWriteData(this.rankingFunction);
    this.secret.grantRead(this.rankingFunction);

    this.rankingSchedule = new Schedule(this, 'RankingSchedule', {
      description: '创星: compute the draft quarterly ranking at quarter end (Asia/Shanghai)',
      schedule: ScheduleExpression.cron({ ...RANKING_SCHEDULE, timeZone: TimeZone.ASIA_SHANGHAI }),
      target: new LambdaInvoke(this.rankingFunction, {
        // Each retry resumes from the shards already written.
        retryAttempts: RANKING_RETRY_ATTEMPTS,
        maxEventAge: Duration.hours(12),
      }),
    });

    const corsPreflight: CorsPreflightOptions | undefined =
      settings.corsOrigins.length > 0
        ? {
            allowOrigins: settings.corsOrigins,
            allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS],
            allowHeaders: ['authorization', 'content-type', 'accept', 'idempotency-key'],
            maxAge: Duration.hours(1),
          }
        : undefined;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: '创星 API',
      corsPreflight,
      // The default stage is created below so that it can carry throttling.
      createDefaultStage: false,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
    });

    // Each contract route goes to the function that serves its feature, through one proxy integration per function.
    const integrations = Object.fromEntries(
      API_FUNCTION_NAMES.map((name) => [name, new HttpLambdaIntegration(`${apiFunctionId(name)}Integration`, apiFunctions[name])]),
    ) as Record<ApiFunctionName, HttpLambdaIntegration>;
    for (const { route, fn } of deployedRoutes()) {
      this.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration: integrations[fn] });
    }

    if (!reminderTemplateId) {
      Annotations.of(this).addWarningV2(
        'chuangxing:reminderTemplateId',
        'reminderTemplateId context is empty: WeChat reminders cannot be sent until you deploy with -c reminderTemplateId=...',
      );
    }
    if (!settings.wechatAppId) {
      Annotations.of(this).addWarningV2(
        'chuangxing:wechatAppId',
        'wechatAppId context is empty: WeChat login will fail until you deploy with -c wechatAppId=wx...',
      );
    }

    new CfnOutput(this, 'ApiUrl', { value: stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'ApiSecretArn', {
      value: this.secret.secretArn,
      description: 'Put the real WeChat AppSecret into wechatAppSecret of this secret',
    });
  }
}
