import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_LETTER_RULES, type LetterRules } from '@chuangxing/shared';
import type { LetterRulesRepository } from './letter-rules-repository';
import { mailboxEntities } from './mailbox.entities';

export class DynamoLetterRulesRepository implements LetterRulesRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(districtId: string): Promise<LetterRules> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: mailboxEntities.letterRules.key({ districtId }) }));
    if (!res.Item) return DEFAULT_LETTER_RULES;
    // A rule saved before it existed takes its default.
    const stored = { ...DEFAULT_LETTER_RULES, ...mailboxEntities.letterRules.parse(res.Item) };
    const { acceptWorkingDays, replyWorkingDays, autoArchiveDays, perDayLimit } = stored;
    return { acceptWorkingDays, replyWorkingDays, autoArchiveDays, perDayLimit };
  }

  async put(districtId: string, rules: LetterRules, by: string, at: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: mailboxEntities.letterRules.item({ districtId }, { ...rules, updatedBy: by, updatedAt: at }),
      }),
    );
  }
}
