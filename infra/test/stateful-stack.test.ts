import { tableDefinition } from '@chuangxing/functions/platform/dynamodb/table-definition';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ACCESS_LOG_DAYS } from '../lib/stateful-stack';
import { resourcesOf, synthApp } from './helpers';

const { statefulTemplate: template, stateful } = synthApp({ corsOrigins: 'https://h5.example.cn,http://localhost:10086' });
const [table] = resourcesOf(template, 'AWS::DynamoDB::GlobalTable');
/** The bucket whose logical id starts with the construct id (photos, or their access logs). */
const bucketIdOf = (t: typeof template, prefix: string) => {
  const ids = Object.keys(t.findResources('AWS::S3::Bucket')).filter((id) => id.startsWith(prefix));
  expect(ids, prefix).toHaveLength(1);
  return ids[0];
};
const bucketLogicalId = bucketIdOf(template, 'PhotoBucket');
const bucket = template.findResources('AWS::S3::Bucket')[bucketLogicalId] as ReturnType<typeof resourcesOf>[number];
const logBucketLogicalId = bucketIdOf(template, 'AccessLogBucket');
const logBucket = template.findResources('AWS::S3::Bucket')[logBucketLogicalId] as ReturnType<typeof resourcesOf>[number];
const [key] = resourcesOf(template, 'AWS::KMS::Key');
const keyLogicalId = Object.keys(template.findResources('AWS::KMS::Key'))[0];

describe('stateful stack', () => {
  it('holds exactly one table, one customer-managed key, one photo bucket and its access-log bucket, and nothing else of substance', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.resourceCountIs('AWS::S3::BucketPolicy', 2);
    expect(
      Object.values(template.toJSON().Resources as Record<string, { Type: string }>)
        .map((r) => r.Type)
        .sort(),
    ).toEqual([
      'AWS::DynamoDB::GlobalTable',
      'AWS::KMS::Key',
      'AWS::S3::Bucket',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::S3::BucketPolicy',
    ]);
  });

  it('uses the pk/sk key schema of the shared table definition', () => {
    expect(table.Properties!.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(tableDefinition.partitionKey).toBe('pk');
    expect(tableDefinition.sortKey).toBe('sk');
  });

  it('defines every key attribute of the definition as a string, and no other', () => {
    const expected = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
    for (const g of tableDefinition.globalSecondaryIndexes) {
      expected.add(g.partitionKey);
      expected.add(g.sortKey);
    }
    const defs = table.Properties!.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(new Set(defs.map((d) => d.AttributeName))).toEqual(expected);
    expect(defs.every((d) => d.AttributeType === 'S')).toBe(true);
  });

  it('creates every GSI of the definition with its keys and a full projection', () => {
    const gsis = table.Properties!.GlobalSecondaryIndexes as any[];
    expect(gsis).toHaveLength(tableDefinition.globalSecondaryIndexes.length);
    for (const g of tableDefinition.globalSecondaryIndexes) {
      expect(gsis).toContainEqual({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      });
    }
  });

  it('bills on demand and expires items on the ttl attribute', () => {
    expect(table.Properties!.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties!.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('turns on point-in-time recovery and deletion protection, encrypted with the customer-managed key', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          Region: 'cn-north-1',
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyLogicalId, 'Arn'] } },
        }),
      ],
    });
  });

  it('retains the table and the key when the stack is deleted or the resource replaced', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('rotates the key', () => {
    expect(key.Properties!.EnableKeyRotation).toBe(true);
  });
});

describe('photo bucket', () => {
  it('blocks all public access and disables ACLs', () => {
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });

  it('refuses every request that is not over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketLogicalId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('encrypts with SSE-KMS under the same customer-managed key as the table, with a bucket key', () => {
    expect(bucket.Properties!.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyLogicalId, 'Arn'] } },
        },
      ],
    });
  });

  it('keeps no versions and aborts incomplete multipart uploads after a day', () => {
    expect(bucket.Properties!.VersioningConfiguration).toBeUndefined();
    expect(bucket.Properties!.LifecycleConfiguration).toEqual({
      Rules: [{ Id: 'abort-incomplete-multipart-uploads', Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
    });
  });

  it('allows POST and GET from the configured origins only', () => {
    expect(bucket.Properties!.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: ['https://h5.example.cn', 'http://localhost:10086'],
          AllowedMethods: ['POST', 'GET'],
          AllowedHeaders: ['*'],
          MaxAge: 3600,
        },
      ],
    });
    const plainTemplate = synthApp().statefulTemplate;
    const plain = plainTemplate.findResources('AWS::S3::Bucket')[bucketIdOf(plainTemplate, 'PhotoBucket')];
    expect(plain.Properties.CorsConfiguration).toBeUndefined();
    expect(logBucket.Properties!.CorsConfiguration).toBeUndefined();
  });

  it('is retained when the stack is deleted or the bucket replaced', () => {
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
  });

  it('is handed to the stateless stack (exported for its CX_PHOTO_BUCKET and grants)', () => {
    expect(stateful.photoBucket.node.id).toBe('PhotoBucket');
    const outputs = Object.values(template.toJSON().Outputs as Record<string, { Value: unknown; Export?: unknown }>);
    expect(outputs).toContainEqual(expect.objectContaining({ Value: { Ref: bucketLogicalId }, Export: expect.anything() }));
    expect(outputs).toContainEqual(
      expect.objectContaining({ Value: { 'Fn::GetAtt': [bucketLogicalId, 'Arn'] }, Export: expect.anything() }),
    );
  });
});

describe('photo bucket access logs (S3 server access logging)', () => {
  it('the photo bucket logs every request to the access-log bucket, under its own prefix', () => {
    expect(bucket.Properties!.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketLogicalId },
      LogFilePrefix: 'photo-bucket/',
    });
  });

  it('the log bucket is private, TLS-only, S3-encrypted (a log target cannot use SSE-KMS) and forgets logs after 30 days', () => {
    expect(logBucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(logBucket.Properties!.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(ACCESS_LOG_DAYS).toBe(30);
    expect(logBucket.Properties!.LifecycleConfiguration).toEqual({
      Rules: [{ Id: 'expire-access-logs', Status: 'Enabled', ExpirationInDays: ACCESS_LOG_DAYS }],
    });
    expect(logBucket.Properties!.LoggingConfiguration).toBeUndefined();
    expect(logBucket.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucketLogicalId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          // S3's log delivery writes through the bucket policy, for the photo bucket of this account only.
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:PutObject',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketLogicalId, 'Arn'] } } }),
          }),
        ]),
      },
    });
  });
});
