import * as path from 'node:path';
import { type RouteDef, routes } from '@chuangxing/shared';
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
import { type ApiContext, contextOfPath } from '../../apps/functions/src/handlers/route-contexts';
import { UPLOAD_PREFIXES_BY_CONTEXT } from '../../apps/functions/src/platform/storage/upload-prefixes';
import type { AppSettings } from './context';

/** The monorepo root: the esbuild project root and home of the one lock file. */
const repoRoot = path.resolve(__dirname, '../..');
export const apiEntry = path.join(repoRoot, 'apps/functions/src/handlers/api.handler.ts');
export const rankingsApiEntry = path.join(repoRoot, 'apps/functions/src/handlers/rankings-api.handler.ts');
export const learningApiEntry = path.join(repoRoot, 'apps/functions/src/handlers/learning-api.handler.ts');
/** One API function per bounded context (apps/functions/src/http/route-contexts.ts), each from its own entry. */
export const API_ENTRIES: Readonly<Record<ApiContext, string>> = { core: apiEntry, rankings: rankingsApiEntry, learning: learningApiEntry };
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

/** Placeholder written at deploy time; the operator replaces it with the real WeChat AppSecret. */
export const WECHAT_SECRET_PLACEHOLDER = 'REPLACE_WITH_WECHAT_APP_SECRET';

/** Where news photos live in the bucket: the learning function may only touch keys under it. */
/** Where news photos live; the learning function's only prefix. */
export const NEWS_PHOTO_PREFIX = UPLOAD_PREFIXES_BY_CONTEXT.learning[0];

/** The routes the deployed API serves: the whole contract except the local-only ones (dev login, the dev outbox). */
export function deployedRoutes(): RouteDef[] {
  return Object.values(routes as Record<string, RouteDef>).filter((r) => r.localOnly !== true);
}

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
  /** The core API function (auth, org, reports, letters, plans, …). */
  public readonly apiFunction: NodejsFunction;
  /** The scoring model and the quarterly rankings. */
  public readonly rankingsApiFunction: NodejsFunction;
  /** Tests, questionnaires and news. */
  public readonly learningApiFunction: NodejsFunction;
  /** Each context's API function, as the HTTP API routes are wired. */
  public readonly apiFunctions: Readonly<Record<ApiContext, NodejsFunction>>;
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

    const logGroup = new LogGroup(this, 'ApiLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const bundling: BundlingOptions = {
      minify: true,
      sourceMap: true,
      target: 'node22',
      format: OutputFormat.CJS,
      externalModules: EXTERNAL_MODULES,
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

    this.apiFunction = new NodejsFunction(this, 'ApiFunction', {
      ...common,
      description: '创星 HTTP API, core context (everything but rankings and learning, routed by the shared contract)',
      entry: apiEntry,
      timeout: Duration.seconds(10),
      logGroup,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'chuangxing-api' },
    });

    table.grantReadWriteData(this.apiFunction);
    key.grantEncryptDecrypt(this.apiFunction);
    this.secret.grantRead(this.apiFunction);
    // Presigned POSTs and GETs are signed with this role, so S3 checks *its* rights when a client uploads
    // or reads: PutObject and GetObject (which also covers HeadObject) on the prefixes it presigns only
    // (report, letter, plan-evidence and inspection photos: domain/upload-prefixes.ts), and the KMS key above
    // for the bucket's SSE-KMS. ListBucket makes HeadObject on a missing key answer 404 (not 403).
    this.apiFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: UPLOAD_PREFIXES_BY_CONTEXT.core.map((prefix) => photoBucket.arnForObjects(`${prefix}*`)),
      }),
    );
    this.apiFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [photoBucket.bucketArn] }));

    // One function per bounded context (apps/functions/src/http/route-contexts.ts), so each bundle holds
    // only its own routes, use cases and adapters. Same runtime, bundling and environment as the core one.
    const contextFunction = (id: string, context: Exclude<ApiContext, 'core'>, description: string) =>
      new NodejsFunction(this, id, {
        ...common,
        description,
        entry: API_ENTRIES[context],
        timeout: Duration.seconds(10),
        logGroup: new LogGroup(this, `${id.replace(/Function$/, '')}Logs`, {
          retention: RetentionDays.THREE_MONTHS,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        environment: { ...environment, POWERTOOLS_SERVICE_NAME: `chuangxing-api-${context}` },
      });
    // Rankings: the table (reads the features' rollups, writes drafts and published rankings) and the
    // token signing key. No sealing key, no photos.
    this.rankingsApiFunction = contextFunction(
      'RankingsApiFunction',
      'rankings',
      '创星 HTTP API, rankings context (scoring model, quarterly rankings)',
    );
    table.grantReadWriteData(this.rankingsApiFunction);
    this.secret.grantRead(this.rankingsApiFunction);
    // Learning: the table, the secret (token key; the WeChat AppSecret for test reminders) and the news
    // photos under news/ only (presigned uploads and reads, HeadObject to verify them). No sealing key.
    this.learningApiFunction = contextFunction(
      'LearningApiFunction',
      'learning',
      '创星 HTTP API, learning context (tests, questionnaires, news)',
    );
    table.grantReadWriteData(this.learningApiFunction);
    this.secret.grantRead(this.learningApiFunction);
    this.learningApiFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [photoBucket.arnForObjects(`${NEWS_PHOTO_PREFIX}*`)] }),
    );
    this.learningApiFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [photoBucket.bucketArn] }));
    // The bucket is SSE-KMS with the customer-managed key: presigned uploads and reads signed by this role need it.
    key.grantEncryptDecrypt(this.learningApiFunction);
    this.apiFunctions = { core: this.apiFunction, rankings: this.rankingsApiFunction, learning: this.learningApiFunction };

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

    // Each contract route goes to the function of its context, through one proxy integration per function.
    const integrations: Record<ApiContext, HttpLambdaIntegration> = {
      core: new HttpLambdaIntegration('ApiIntegration', this.apiFunction),
      rankings: new HttpLambdaIntegration('RankingsApiIntegration', this.rankingsApiFunction),
      learning: new HttpLambdaIntegration('LearningApiIntegration', this.learningApiFunction),
    };
    for (const route of deployedRoutes()) {
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations[contextOfPath(route.path)],
      });
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
