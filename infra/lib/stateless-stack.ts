import * as path from 'node:path';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, type CorsPreflightOptions } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { routes, type RouteDef } from '@chuangxing/shared';
import type { AppSettings } from './context';

/** The monorepo root: the esbuild project root and home of the one lock file. */
const repoRoot = path.resolve(__dirname, '../..');
export const apiEntry = path.join(repoRoot, 'apps/functions/src/handlers/api.handler.ts');

/** Placeholder written at deploy time; the operator replaces it with the real WeChat AppSecret. */
export const WECHAT_SECRET_PLACEHOLDER = 'REPLACE_WITH_WECHAT_APP_SECRET';

/** The routes the deployed API serves: the whole contract except the local-only (dev login) routes. */
export function deployedRoutes(): RouteDef[] {
  return Object.values(routes as Record<string, RouteDef>).filter((r) => r.localOnly !== true);
}

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  key: IKey;
  settings: AppSettings;
}

/** Everything that can be redeployed without losing data: the secret, the API function and the HTTP API. */
export class StatelessStack extends Stack {
  public readonly apiFunction: NodejsFunction;
  public readonly httpApi: HttpApi;
  public readonly secret: Secret;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, key, settings } = props;

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

    this.apiFunction = new NodejsFunction(this, 'ApiFunction', {
      description: '创星 HTTP API (one function, routed by the shared contract)',
      entry: apiEntry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      logGroup,
      bundling: {
        minify: true,
        sourceMap: true,
        target: 'node22',
        format: OutputFormat.CJS,
        // AWS SDK v3 ships with the nodejs22.x runtime.
        externalModules: ['@aws-sdk/*'],
        forceDockerBundling: false,
      },
      // Never add CX_DEV_LOGIN here: dev login is local-only (the config parser also refuses it in Lambda),
      // and test/stateless-stack.test.ts fails if any function gets it.
      environment: {
        CX_STAGE: 'prod',
        CX_TABLE_NAME: table.tableName,
        CX_SECRETS_ARN: this.secret.secretArn,
        CX_DISTRICT_ID: settings.districtId,
        CX_CORS_ORIGINS: settings.corsOrigins.join(','),
        CX_WECHAT_APPID: settings.wechatAppId,
        CX_WECHAT_API_BASE: 'https://api.weixin.qq.com',
        POWERTOOLS_SERVICE_NAME: 'chuangxing-api',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });

    table.grantReadWriteData(this.apiFunction);
    key.grantEncryptDecrypt(this.apiFunction);
    this.secret.grantRead(this.apiFunction);

    const corsPreflight: CorsPreflightOptions | undefined =
      settings.corsOrigins.length > 0
        ? {
            allowOrigins: settings.corsOrigins,
            allowMethods: [
              CorsHttpMethod.GET,
              CorsHttpMethod.POST,
              CorsHttpMethod.PUT,
              CorsHttpMethod.DELETE,
              CorsHttpMethod.OPTIONS,
            ],
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

    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction);
    for (const route of deployedRoutes()) {
      this.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
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
