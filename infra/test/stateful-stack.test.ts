import { tableDefinition } from '@chuangxing/functions/platform/dynamodb/table-definition';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { resourcesOf, synthApp } from './helpers';

const { statefulTemplate: template, stateful } = synthApp({ corsOrigins: 'https://h5.example.cn,http://localhost:10086' });
const [table] = resourcesOf(template, 'AWS::DynamoDB::GlobalTable');
const [bucket] = resourcesOf(template, 'AWS::S3::Bucket');
const bucketLogicalId = Object.keys(template.findResources('AWS::S3::Bucket'))[0];
const [key] = resourcesOf(template, 'AWS::KMS::Key');
const keyLogicalId = Object.keys(template.findResources('AWS::KMS::Key'))[0];

describe('stateful stack', () => {
  it('holds exactly one table, one customer-managed key and one photo bucket, and nothing else of substance', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.resourceCountIs('AWS::S3::BucketPolicy', 1);
    expect(
      Object.values(template.toJSON().Resources as Record<string, { Type: string }>)
        .map((r) => r.Type)
        .sort(),
    ).toEqual(['AWS::DynamoDB::GlobalTable', 'AWS::KMS::Key', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy']);
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
    const [plain] = resourcesOf(synthApp().statefulTemplate, 'AWS::S3::Bucket');
    expect(plain.Properties!.CorsConfiguration).toBeUndefined();
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
