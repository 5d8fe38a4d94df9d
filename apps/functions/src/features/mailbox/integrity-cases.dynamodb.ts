import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mailboxEntities as E } from './mailbox.entities';
import type { IntegrityCase, IntegrityCasesReader } from './mailbox.readers';

/** One consistent read of the letter item; only the fields a 撤星 needs leave this file. */
export class DynamoIntegrityCases implements IntegrityCasesReader {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getIntegrityCase(letterId: string): Promise<IntegrityCase | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: E.letter.key({ id: letterId }), ConsistentRead: true }));
    if (!res.Item) return undefined;
    const l = E.letter.parse(res.Item);
    if (l.category !== 'integrity') return undefined;
    return {
      id: l.id,
      districtId: l.districtId,
      townshipId: l.townshipId,
      branchId: l.branchId,
      upheld: l.integrityConclusion?.outcome === 'upheld',
    };
  }
}
