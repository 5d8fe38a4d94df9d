import { tableDefinition } from '@chuangxing/functions/platform/dynamodb/table-definition';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, type GlobalSecondaryIndexPropsV2, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { readSettings } from './context';

/** Days S3 server access logs of the photo bucket are kept: they hold client IPs, so not long (see infra/README.md). */
export const ACCESS_LOG_DAYS = 30;

/** Every key attribute in the shared definition is a string. */
const str = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The GSIs of the shared single-table definition, mapped one to one. Adding an index to
 * `tableDefinition` adds it here (and in the local table), so CDK and local cannot drift.
 */
export function globalSecondaryIndexes(): GlobalSecondaryIndexPropsV2[] {
  return tableDefinition.globalSecondaryIndexes.map((g) => ({
    indexName: g.indexName,
    partitionKey: str(g.partitionKey),
    sortKey: str(g.sortKey),
  }));
}

export interface StatefulStackProps extends StackProps {
  /** Origins (the H5 build) allowed to POST photos to, and GET them from, the bucket. Defaults to the `corsOrigins` context. */
  corsOrigins?: string[];
}

/**
 * Long-lived state: the customer-managed key, the single table and the photo bucket. Everything here is
 * retained on stack deletion; the stateless stack can be torn down and redeployed freely.
 */
export class StatefulStack extends Stack {
  public readonly key: Key;
  public readonly table: TableV2;
  public readonly photoBucket: Bucket;
  /** Receives the photo bucket's S3 server access logs. */
  public readonly accessLogBucket: Bucket;

  constructor(scope: Construct, id: string, props?: StatefulStackProps) {
    super(scope, id, props);
    const corsOrigins = props?.corsOrigins ?? readSettings(this.node, this.region).corsOrigins;

    this.key = new Key(this, 'DataKey', {
      description: '创星: encrypts the application table',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new TableV2(this, 'Table', {
      partitionKey: str(tableDefinition.partitionKey),
      sortKey: str(tableDefinition.sortKey),
      globalSecondaryIndexes: globalSecondaryIndexes(),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Report photos (每日一报告). Clients upload straight here with a presigned POST from the API, which
    // pins the key, the content type and the size; reads are short-lived presigned GETs. Nothing is public.
    // Encrypted with the same customer-managed key as the table: one key governs all application data,
    // its use is audited in CloudTrail and access can be cut off at the key. The bucket key keeps the KMS
    // request count (and cost) low, since S3 then asks KMS once per bucket key rather than per object.
    // S3 server access logs of the photo bucket: who uploaded or read which key, when (CloudTrail data events
    // would cost more). A log target cannot use SSE-KMS, so S3-managed keys; kept ACCESS_LOG_DAYS days, since
    // the entries carry client IP addresses, including those of residents uploading a letter's photos.
    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: false,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.photoBucket = new Bucket(this, 'PhotoBucket', {
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'photo-bucket/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      versioned: false,
      lifecycleRules: [{ id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // The H5 build uploads and reads from its own origin; the WeChat mini-program needs no CORS.
      cors: corsOrigins.length
        ? [
            {
              allowedOrigins: corsOrigins,
              allowedMethods: [HttpMethods.POST, HttpMethods.GET],
              allowedHeaders: ['*'],
              maxAge: 3600,
            },
          ]
        : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
