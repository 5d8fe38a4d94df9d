import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2, type GlobalSecondaryIndexPropsV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { tableDefinition } from '@chuangxing/functions/table-definition';

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

/**
 * Long-lived state: the customer-managed key and the single table. Everything here is retained on
 * stack deletion; the stateless stack can be torn down and redeployed freely.
 */
export class StatefulStack extends Stack {
  public readonly key: Key;
  public readonly table: TableV2;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

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
  }
}
