import * as path from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { acknowledge } from './nag';

/** The monorepo root: the esbuild project root and home of the one lock file. */
export const repoRoot = path.resolve(__dirname, '../..');

/**
 * The latest Node.js runtime aws-cdk-lib offers, pinned rather than NODEJS_LATEST so a CDK upgrade never
 * changes it silently. test/nag.test.ts checks it is CDK's latest for cn-north-1, cn-northwest-1 and a global
 * region (CDK's region facts), so both partitions run it.
 */
export const RUNTIME = Runtime.NODEJS_24_X;

/**
 * Left to the Lambda runtime: the SDK clients and the DynamoDB document client, which it ships. Everything
 * else is bundled (S3 presigning is our own SigV4 code, so no SDK presigner is needed). scripts/bench.ts
 * mirrors this list.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];

/** Days the dead-letter queues keep a lost run (SQS's maximum), long enough to read it after a holiday. */
export const DEAD_LETTER_RETENTION_DAYS = 14;

const bundling: BundlingOptions = {
  minify: true,
  sourceMap: true,
  // esbuild targets the runtime's Node version.
  target: RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1'),
  format: OutputFormat.CJS,
  externalModules: EXTERNAL_MODULES,
  // The SDK clients a function needs only sometimes (S3, KMS, Secrets Manager) are loaded on first use with
  // `import()`: kept as a lazy `require` so every SDK module stays CommonJS, like the eager ones.
  esbuildArgs: { '--supported:dynamic-import': 'false' },
  forceDockerBundling: false,
};

/**
 * A function with its own log group and its own role. The role may write to that log group only (no AWS
 * managed policy, whose log rights cover every group) and send X-Ray traces: tracing is active everywhere.
 */
export function makeFunction(stack: Stack, fnId: string, logsId: string, props: Omit<NodejsFunctionProps, 'role' | 'logGroup'>) {
  const logGroup = new LogGroup(stack, logsId, { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
  const role = new Role(stack, `${fnId}Role`, {
    assumedBy: servicePrincipal('lambda'),
    description: `Chuangxing ${fnId}: writes its own log group, sends X-Ray traces, and holds the grants of its features`,
  });
  logGroup.grantWrite(role);
  const fn = new NodejsFunction(stack, fnId, {
    handler: 'handler',
    projectRoot: repoRoot,
    depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
    runtime: RUNTIME,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    bundling,
    tracing: Tracing.ACTIVE,
    ...props,
    role,
    logGroup,
  });
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    'X-Ray PutTraceSegments and PutTelemetryRecords (active tracing) have no resource-level permissions.',
  );
  return { fn, role };
}

/** A service's principal, named for the stack's partition and region by CDK (no partition hard-coded here). */
export function servicePrincipal(service: string, opts?: ConstructorParameters<typeof ServicePrincipal>[1]): ServicePrincipal {
  return new ServicePrincipal(ServicePrincipal.servicePrincipalName(service), opts);
}

/** Catches a job's runs that were given up: by Lambda after its retries, or by the scheduler after its own. */
export function deadLetterQueue(stack: Stack, queueId: string): Queue {
  const q = new Queue(stack, queueId, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(DEAD_LETTER_RETENTION_DAYS),
  });
  const reason = 'This queue is itself a dead-letter queue (of a job and its schedule), watched by an alarm on its depth.';
  acknowledge(q, 'AwsSolutions-SQS3', reason);
  acknowledge(q, 'Serverless-SQSRedrivePolicy', reason);
  return q;
}

/** The role a schedule assumes: only EventBridge Scheduler of this account, for its default group. */
export function schedulerRole(stack: Stack, roleId: string): Role {
  return new Role(stack, roleId, {
    assumedBy: servicePrincipal('scheduler', {
      conditions: {
        StringEquals: {
          'aws:SourceAccount': stack.account,
          'aws:SourceArn': Stack.of(stack).formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
        },
      },
    }),
  });
}
