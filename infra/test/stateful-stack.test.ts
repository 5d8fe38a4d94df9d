import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { tableDefinition } from '@chuangxing/functions/table-definition';
import { resourcesOf, synthApp } from './helpers';

const { statefulTemplate: template } = synthApp();
const [table] = resourcesOf(template, 'AWS::DynamoDB::GlobalTable');
const [key] = resourcesOf(template, 'AWS::KMS::Key');
const keyLogicalId = Object.keys(template.findResources('AWS::KMS::Key'))[0];

describe('stateful stack', () => {
  it('holds exactly one table and one customer-managed key, and nothing else of substance', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
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
