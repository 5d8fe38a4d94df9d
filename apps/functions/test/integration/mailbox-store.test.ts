import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_LETTER_RULES } from '@chuangxing/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoLetterCounters } from '../../src/features/mailbox/letter-counters.dynamodb';
import { DynamoLetterRulesRepository } from '../../src/features/mailbox/letter-rules-repository.dynamodb';
import { mailboxEntities } from '../../src/features/mailbox/mailbox.entities';
import { scoringReaders } from '../../src/features/rankings/rankings.wiring';
import { TownshipInputs } from '../../src/features/rankings/township-inputs';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

describe('the mailbox’s stores on DynamoDB Local', () => {
  let stack: TestStack;
  const now = new Date('2026-11-27T02:00:00.000Z');
  const put = (Item: Record<string, unknown>) => stack.doc.send(new PutCommand({ TableName: stack.tableName, Item }));
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => now } });
  });

  describe('letter rules', () => {
    it('are the defaults until saved, then exactly what was saved, in the item they always were', async () => {
      const store = new DynamoLetterRulesRepository(stack.doc, stack.tableName);
      expect(await store.get('rules-a')).toEqual(DEFAULT_LETTER_RULES);
      const rules = { acceptWorkingDays: 3, replyWorkingDays: 10, autoArchiveDays: 5, perDayLimit: 2 };
      await store.put('rules-a', rules, 'admin-1', '2026-11-27T02:00:00.000Z');
      expect(await store.get('rules-a')).toEqual(rules);
      const { Item } = await stack.doc.send(
        new GetCommand({ TableName: stack.tableName, Key: { pk: 'DIST#rules-a', sk: 'RULES#LETTERS' } }),
      );
      expect(Item).toEqual({
        pk: 'DIST#rules-a',
        sk: 'RULES#LETTERS',
        ...rules,
        updatedBy: 'admin-1',
        updatedAt: '2026-11-27T02:00:00.000Z',
      });
      // Existing data: an item as the reports store wrote it (no entity attribute) is read back as it was.
      await put({ pk: 'DIST#rules-b', sk: 'RULES#LETTERS', ...rules, perDayLimit: 9, updatedBy: 'admin-2', updatedAt: 'at' });
      expect(await store.get('rules-b')).toEqual({ ...rules, perDayLimit: 9 });
    });

    it('a rule missing from the stored item takes its default', async () => {
      await put({ pk: 'DIST#rules-c', sk: 'RULES#LETTERS', acceptWorkingDays: 4, updatedBy: 'u', updatedAt: 'at' });
      const store = new DynamoLetterRulesRepository(stack.doc, stack.tableName);
      expect(await store.get('rules-c')).toEqual({ ...DEFAULT_LETTER_RULES, acceptWorkingDays: 4 });
    });

    it('the API reads and writes them through the mailbox', async () => {
      const admin = await stack.tokenFor(DEMO.district_admin);
      const rules = { acceptWorkingDays: 2, replyWorkingDays: 12, autoArchiveDays: 7, perDayLimit: 5 };
      expect((await stack.call('PUT', '/v1/letter-rules', { token: admin, body: rules })).status).toBe(200);
      expect(await new DynamoLetterRulesRepository(stack.doc, stack.tableName).get('erqi')).toEqual(rules);
      expect((await stack.call('GET', '/v1/letter-rules', { token: admin })).body).toEqual(rules);
    });
  });

  describe('the 三率 counters reader', () => {
    const counters = (townshipId: string, month: string, branchId: string, c: Record<string, number>) =>
      put(mailboxEntities.counters.item({ townshipId, month, branchId }, { branchId, ...c }));

    it('sums a township’s communities over the months, as the ranking’s inputs read them', async () => {
      await counters('counted', '2026-10', 'jianxinnanjie', { received: 3, respondedInTime: 2, accepted: 2, replied: 1 });
      await counters('counted', '2026-11', 'jianxinnanjie', { received: 4, respondedInTime: 4, accepted: 3, rated: 2, satisfied: 1 });
      await counters('counted', '2026-12', 'counted-b02', { received: 1 });
      await counters('counted', '2026-09', 'jianxinnanjie', { received: 50 }); // another quarter
      await counters('other-town', '2026-11', 'elsewhere', { received: 7 }); // another township
      // A community whose letters moved no counter yet (the branch id alone).
      await put({ ...mailboxEntities.counters.key({ townshipId: 'counted', month: '2026-12', branchId: 'quiet' }), branchId: 'quiet' });

      const months = ['2026-10', '2026-11', '2026-12'];
      const read = await new DynamoLetterCounters(stack.doc, stack.tableName).countersForMonths('counted', months);
      expect(read).toEqual({
        jianxinnanjie: { received: 7, respondedInTime: 6, accepted: 5, replied: 1, rated: 2, satisfied: 1 },
        'counted-b02': { received: 1 },
        quiet: {},
      });

      // The ranking's shard reads exactly these, through the mailbox's reader, for the quarter's three months.
      const inputs = new TownshipInputs(scoringReaders(stack.wiring));
      const shard = await inputs.loadTownship('erqi', { id: 'counted', name: '计数街道' }, '2026-Q4');
      expect(shard.letterCounters).toEqual(read);
      expect(await new DynamoLetterCounters(stack.doc, stack.tableName).countersForMonths('nowhere', months)).toEqual({});
    });
  });

  it('a letter is stored in the items and attributes it always was', async () => {
    const resident = await stack.tokenFor(DEMO.resident);
    const w = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: { branchId: 'jianxinnanjie', category: 'help', text: '楼道灯不亮', anonymous: true, idempotencyKey: 'store-key-1-0123456789' },
    });
    expect(w.status).toBe(201);
    const { id, queryCode } = w.body.letter;
    const items = await stack.snapshot();
    const letter = items.find((i) => i.pk === `LETTER#${id}` && i.sk === 'LETTER')!;
    const at = letter.createdAt as string;
    const writerKey = letter.writerKey as string;
    expect(Object.keys(letter).sort()).toEqual(
      [
        'pk',
        'sk',
        'gsi1pk',
        'gsi1sk',
        'entity',
        'id',
        'queryCode',
        'districtId',
        'townshipId',
        'branchId',
        'branchName',
        'category',
        'text',
        'anonymous',
        'allowPublication',
        'writerName',
        'sealedWriter',
        'writerKey',
        'status',
        'reviewed',
        'createdAt',
        'acceptBy',
        'version',
      ].sort(),
    );
    expect(letter).toMatchObject({ entity: 'letter', gsi1pk: 'LCASES#T#wulibao', gsi1sk: `open#jianxinnanjie#${at}#${id}` });
    const mine = items.filter((i) => i.pk === `LETTER#${id}` || i.pk === `LCODE#${queryCode}` || i.pk === `WRITER#${writerKey}`);
    expect(mine.filter((i) => i !== letter)).toEqual(
      expect.arrayContaining([
        { pk: `LETTER#${id}`, sk: `TL#${at}#0001#0`, entity: 'letter-timeline', at, kind: 'submitted', actor: '居民', internal: false },
        {
          pk: `LETTER#${id}`,
          sk: `AUDIT#${at}#0001`,
          entity: 'letter-audit',
          at,
          actor: 'writer',
          action: 'submit',
          from: '',
          to: 'submitted',
        },
        { pk: `LCODE#${queryCode}`, sk: 'LCODE', letterId: id },
        { pk: `WRITER#${writerKey}`, sk: `LTR#${at}#${id}`, letterId: id },
        { pk: `WRITER#${writerKey}`, sk: 'DAY#2026-11-27', n: 1 },
        { pk: `WRITER#${writerKey}`, sk: 'IDEM#store-key-1-0123456789', letterId: id },
      ]),
    );
    expect(mine).toHaveLength(7);
    expect(items.find((i) => i.pk === 'TWN#wulibao#LSTAT#2026-11' && i.sk === 'BR#jianxinnanjie')).toEqual({
      pk: 'TWN#wulibao#LSTAT#2026-11',
      sk: 'BR#jianxinnanjie',
      branchId: 'jianxinnanjie',
      received: 1,
    });
  });
});
