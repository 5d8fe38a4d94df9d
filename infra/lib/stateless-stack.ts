import * as path from 'node:path';
import type { RouteDef } from '@chuangxing/shared';
import { Annotations, type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  type CorsPreflightOptions,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
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
import { deadLetterQueue, makeFunction, repoRoot, schedulerRole } from './function-parts';
import { Monitoring } from './monitoring';
import { acknowledge, importNameOf } from './nag';
export const reminderEntry = path.join(repoRoot, 'apps/functions/src/handlers/reminder.handler.ts');
export const rankingEntry = path.join(repoRoot, 'apps/functions/src/handlers/ranking.handler.ts');

export { EXTERNAL_MODULES, RUNTIME } from './function-parts';

/** The scheduled reminder job runs this often; it decides itself whether it is the district's reminder time. */
export const REMINDER_SCHEDULE_MINUTES = 15;

/**
 * 每季度一评比: the ranking job runs at 01:00 (Asia/Shanghai) on the first day of each quarter and ranks the
 * quarter that has just ended. When a run stops between shards (time budget), it fails on purpose and
 * Lambda's retries of the asynchronous invocation (RANKING_ASYNC_RETRIES) resume it from the checkpoints. The
 * scheduler's own retries (RANKING_RETRY_ATTEMPTS) cover a failed delivery to Lambda, not a failed run.
 */
export const RANKING_SCHEDULE = { minute: '0', hour: '1', day: '1', month: '1,4,7,10' } as const;
export const RANKING_RETRY_ATTEMPTS = 20;
/** Lambda retries a failed asynchronous invocation at most twice; then the event goes to the dead-letter queue. */
export const RANKING_ASYNC_RETRIES = 2;

/**
 * The API stage's access log: one JSON line per request with its id, route, status and latencies. No source
 * IP, user agent or raw path: together with the time they could tie an anonymous letter to its writer's
 * device, and the route key already says which operation ran.
 */
export const API_ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  responseLength: '$context.responseLength',
} as const;

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

/** Why API Gateway itself does not authorise a route (AwsSolutions-APIG4), from the route's contract. */
export function routeAuthorizationReason(route: RouteDef): string {
  return route.access.kind === 'public'
    ? `${route.method} ${route.path} is public in the contract (no token).`
    : `${route.method} ${route.path}: the function verifies the bearer token (the contract's tokens, signed with the secret's key) and allows only the roles the contract declares: ${route.access.roles.join(', ')}.`;
}

/**
 * Everything that can be redeployed without losing data: the secret, the API functions, the HTTP API, the
 * scheduled reminder and ranking jobs with their EventBridge Scheduler schedules and dead-letter queues, and
 * the alarms and dashboard that watch them.
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
  public readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, key, settings } = props;
    const photoBucket = props.photoBucket;
    const stateful = Stack.of(table);
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
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'No rotation Lambda: wechatAppSecret is issued by WeChat and can only be reset by a person in the mini-program admin console, and the token service verifies with one signing key, so rotating it would sign every user out at once. Both are rotated by hand (infra/README.md, "Rotating the secret").',
    );

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
      // Business metrics (EMF) of every function, charted on the dashboard by namespace.
      POWERTOOLS_METRICS_NAMESPACE: settings.stackPrefix,
      NODE_OPTIONS: '--enable-source-maps',
    };

    const tableIndexes = `${importNameOf(this, table.tableArn, stateful)}/index/*`;
    const photoObjects = (prefix: string) => `${importNameOf(this, photoBucket.bucketArn, stateful)}/${prefix}*`;
    const acknowledgeTableGrants = (role: Role) => {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${tableIndexes}]`,
        'Queries the table’s GSIs, all of them defined by the shared table definition.',
      );
    };
    const acknowledgeKeyGrants = (role: Role) => {
      for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
        acknowledge(
          role,
          `AwsSolutions-IAM5[Action::${action}]`,
          `CDK's encrypt/decrypt grant on the one customer-managed key of the table, the photos and sealing (${action} on that key only).`,
        );
      }
    };

    // One function per entry of api-functions.ts: each bundles only its own features (and the readers they
    // use). All read and write the table and read the secret. Presigned POSTs and GETs are signed with the
    // function's role, so S3 checks *its* rights when a client uploads or reads: PutObject and GetObject
    // (which also covers HeadObject) on the prefixes its features presign only, ListBucket so HeadObject on a
    // missing key answers 404 (not 403), and the KMS key for the bucket's SSE-KMS. Only the mailbox seals.
    const apiFunctions = {} as Record<ApiFunctionName, NodejsFunction>;
    for (const name of API_FUNCTION_NAMES) {
      const fnId = apiFunctionId(name);
      const { fn, role } = makeFunction(this, fnId, `${fnId.replace(/Function$/, '')}Logs`, {
        description: `创星 HTTP API: ${name} (features of apps/functions/src/handlers/api-functions.ts)`,
        entry: apiEntryOf(name),
        timeout: Duration.seconds(10),
        environment: { ...environment, POWERTOOLS_SERVICE_NAME: `chuangxing-api-${name}` },
      });
      table.grantReadWriteData(fn);
      this.secret.grantRead(fn);
      acknowledgeTableGrants(role);
      acknowledgeKeyGrants(role);
      const prefixes = uploadPrefixesOf(name);
      if (prefixes.length) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['s3:PutObject', 's3:GetObject'],
            resources: prefixes.map((p) => photoBucket.arnForObjects(`${p}*`)),
          }),
        );
        fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [photoBucket.bucketArn] }));
        for (const p of prefixes) {
          acknowledge(
            role,
            `AwsSolutions-IAM5[Resource::${photoObjects(p)}]`,
            `Presigns uploads and reads of photos under ${p} only, the prefix its features own.`,
          );
        }
      }
      if (prefixes.length || sealsOf(name)) key.grantEncryptDecrypt(fn);
      acknowledge(
        fn,
        'Serverless-LambdaDLQ',
        'Invoked only synchronously by API Gateway, which returns the error to the client; a dead-letter queue only receives failed asynchronous events.',
      );
      apiFunctions[name] = fn;
    }
    this.apiFunctions = apiFunctions;

    // Each job has one dead-letter queue. EventBridge Scheduler invokes a function asynchronously: the
    // schedule's retries and dead-letter queue cover a failed delivery to Lambda; a failed run is retried by
    // Lambda (twice at most) and then sent, with its error, to the same queue as an on-failure destination.
    const reminderDeadLetters = deadLetterQueue(this, 'ReminderDeadLetters');
    const rankingDeadLetters = deadLetterQueue(this, 'RankingDeadLetters');
    const job = (fnId: string, logsId: string, queue: typeof reminderDeadLetters, p: Parameters<typeof makeFunction>[3]) => {
      const { fn, role } = makeFunction(this, fnId, logsId, { ...p, onFailure: new SqsDestination(queue) });
      table.grantReadWriteData(fn);
      this.secret.grantRead(fn);
      acknowledgeTableGrants(role);
      acknowledgeKeyGrants(role);
      acknowledge(
        fn,
        'Serverless-LambdaDLQ',
        'A failed run goes to the job’s dead-letter queue as an on-failure destination (with the error and the event), which replaces a Lambda DLQ.',
      );
      return fn;
    };
    /** The schedule's role, which may invoke only this job's function (and its versions). */
    const invokerOf = (roleId: string, fn: NodejsFunction) => {
      const role = schedulerRole(this, roleId);
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        'The scheduler may invoke this one function and its versions (CDK’s LambdaInvoke grant).',
      );
      return role;
    };

    this.reminderFunction = job('ReminderFunction', 'ReminderLogs', reminderDeadLetters, {
      description: '创星 scheduled reminders (每日一报告): the district decides when; sent at most once a day',
      entry: reminderEntry,
      timeout: Duration.seconds(60),
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'chuangxing-reminders' },
      retryAttempts: 2,
      maxEventAge: Duration.minutes(REMINDER_SCHEDULE_MINUTES),
    });
    key.grantEncryptDecrypt(this.reminderFunction);

    // Every 15 minutes, on Shanghai wall-clock time. The job compares the district's configurable reminder
    // time with the clock and claims the day once, so running often (and retries) never double-sends.
    this.reminderSchedule = new Schedule(this, 'ReminderSchedule', {
      description: '创星: wake the reminder job every 15 minutes (Asia/Shanghai)',
      schedule: ScheduleExpression.cron({ minute: `0/${REMINDER_SCHEDULE_MINUTES}`, timeZone: TimeZone.ASIA_SHANGHAI }),
      target: new LambdaInvoke(this.reminderFunction, {
        role: invokerOf('ReminderSchedulerRole', this.reminderFunction),
        retryAttempts: 2,
        // A wake-up older than one period is pointless: the next one is already due.
        maxEventAge: Duration.minutes(REMINDER_SCHEDULE_MINUTES),
        deadLetterQueue: reminderDeadLetters,
      }),
    });

    // The quarterly ranking job: reads rollups, writes draft rankings. The longest Lambda timeout, so a
    // district finishes in one invocation; a province-scale run resumes across Lambda's retries.
    this.rankingFunction = job('RankingFunction', 'RankingLogs', rankingDeadLetters, {
      memorySize: 1024,
      description: '创星 quarterly ranking job (每季度一评比): sharded per township, checkpointed, writes a draft',
      entry: rankingEntry,
      timeout: Duration.minutes(15),
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'chuangxing-ranking' },
      retryAttempts: RANKING_ASYNC_RETRIES,
      maxEventAge: Duration.hours(6),
    });

    this.rankingSchedule = new Schedule(this, 'RankingSchedule', {
      description: '创星: compute the draft quarterly ranking at quarter end (Asia/Shanghai)',
      schedule: ScheduleExpression.cron({ ...RANKING_SCHEDULE, timeZone: TimeZone.ASIA_SHANGHAI }),
      target: new LambdaInvoke(this.rankingFunction, {
        role: invokerOf('RankingSchedulerRole', this.rankingFunction),
        retryAttempts: RANKING_RETRY_ATTEMPTS,
        maxEventAge: Duration.hours(12),
        deadLetterQueue: rankingDeadLetters,
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
      // The default stage is created below so that it can carry throttling and the access log.
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(API_ACCESS_LOG_FIELDS)),
      },
    });

    // Each contract route goes to the function that serves its feature, through one proxy integration per function.
    // One invoke permission per function, scoped to this API (any stage, method and path), not one per route:
    // per-route permissions add ~450 bytes each to the function's resource policy, and core's would pass
    // Lambda's 20 KB limit (PolicyLengthExceededException). test/cfn-limits.test.ts keeps each under 16 KB.
    const integrations = Object.fromEntries(
      API_FUNCTION_NAMES.map((name) => [
        name,
        new HttpLambdaIntegration(`${apiFunctionId(name)}Integration`, apiFunctions[name], { scopePermissionToRoute: false }),
      ]),
    ) as Record<ApiFunctionName, HttpLambdaIntegration>;
    for (const { route, fn } of deployedRoutes()) {
      for (const r of this.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration: integrations[fn] })) {
        acknowledge(r, 'AwsSolutions-APIG4', routeAuthorizationReason(route));
      }
    }

    this.monitoring = new Monitoring(this, 'Monitoring', {
      httpApi: this.httpApi,
      apiFunctions,
      jobs: [
        {
          name: 'reminders',
          fn: this.reminderFunction,
          period: Duration.minutes(REMINDER_SCHEDULE_MINUTES),
          deadLetterQueues: [reminderDeadLetters],
        },
        { name: 'ranking', fn: this.rankingFunction, period: Duration.hours(1), deadLetterQueues: [rankingDeadLetters] },
      ],
      metricsNamespace: settings.stackPrefix,
    });

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
