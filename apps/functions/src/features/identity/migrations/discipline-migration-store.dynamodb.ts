import { type DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../../platform/dynamodb/entity';
import { expectVersion } from '../../../platform/dynamodb/optimistic';
import { isConditionalCheckFailed } from '../../../platform/dynamodb/transaction-errors';
import type { Binding } from '../../../platform/kernel/principal';
import { identityEntities } from '../identity.entities';
import { DynamoUserRepository } from '../user-repository.dynamodb';
import type { DisciplineMigrationStore } from './grant-discipline-to-inspectors';

const { binding: bindingEntity } = identityEntities;

/**
 * The migration's reads and writes on the single table. Finding every inspector binding of every district is
 * a Scan: a one-off operator command, never a request path.
 */
export class DynamoDisciplineMigrationStore implements DisciplineMigrationStore {
  private readonly users: DynamoUserRepository;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.users = new DynamoUserRepository(doc, table);
  }

  async listInspectorBindings(): Promise<Binding[]> {
    const out: Binding[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: '#entity = :entity AND #role = :role',
          ExpressionAttributeNames: { '#entity': 'entity', '#role': 'role' },
          ExpressionAttributeValues: { ':entity': bindingEntity.name, ':role': 'inspector' },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      out.push(...(page.Items ?? []).map((i) => bindingEntity.parse(i as Item)));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return out;
  }

  async bindingsOf(userId: string): Promise<Binding[]> {
    return (await this.users.getUser(userId))?.bindings ?? [];
  }

  async putIfAbsent(binding: Binding): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: bindingEntity.item({ userId: binding.userId, bindingId: binding.bindingId }, binding),
          ...expectVersion(0),
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }
}
