import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DEFAULT_ANNUAL_REVIEW_DATE, DEFAULT_PUBLICITY_WORKING_DAYS, type StarApplicationStatus } from '@chuangxing/shared';
import type { Item } from '../../platform/dynamodb/entity';
import { type Condition, expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import type { StoredHeldStar, StoredHeldStarEvent } from './held-star';
import { heldEventPut, heldStarPut } from './held-star-repository.dynamodb';
import type { StoredStarApplication, StoredStarEvent } from './star-application';
import type { StarApplicationRepository, StarRules, StoredStarTaskforces } from './star-application-repository';
import { starEntities as E } from './stars.entities';

/** The application's open-objection counter is still `n` (absent counts as 0). */
export function objectionsStill(n: number): Condition {
  return n === 0
    ? {
        ConditionExpression: 'attribute_not_exists(openObjections) OR openObjections = :zeroObjections',
        ExpressionAttributeValues: { ':zeroObjections': 0 },
      }
    : { ConditionExpression: 'openObjections = :openObjections', ExpressionAttributeValues: { ':openObjections': n } };
}

const DECIDED = '这份申报刚被他人处理过，请刷新后重试';

export class DynamoStarApplicationRepository implements StarApplicationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private insert(item: Item) {
    return { Put: { TableName: this.table, Item: item, ...expectVersion(0) } };
  }

  async create(app: StoredStarApplication, event: StoredStarEvent) {
    const claim = { branchId: app.branchId, star: app.star, applicationId: app.id, clientKey: app.clientKey };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.insert(E.claim.item({ branchId: app.branchId, star: app.star }, claim)),
            this.insert(E.application.item({ id: app.id }, app)),
            this.insert(E.event.item({ applicationId: app.id, version: event.version }, event)),
          ],
        }),
      );
      return { kind: 'created' as const, application: app };
    } catch (err) {
      if (!failedCondition(err, 0)) throw err;
      const res = await this.doc.send(
        new GetCommand({ TableName: this.table, Key: E.claim.key({ branchId: app.branchId, star: app.star }), ConsistentRead: true }),
      );
      const held = res.Item ? E.claim.parse(res.Item) : undefined;
      const existing = held && held.clientKey === app.clientKey ? await this.get(held.applicationId) : undefined;
      if (existing) return { kind: 'replayed' as const, application: existing.application };
      throw conflict('本支部已申报过这颗星，请在原申报上继续', 'body.star');
    }
  }

  async get(applicationId: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': E.application.key({ id: applicationId }).pk },
      ConsistentRead: true,
    });
    const app = items.find((i) => i.entity === E.application.name);
    if (!app) return undefined;
    return {
      application: E.application.parse(app),
      history: items
        .filter((i) => i.entity === E.event.name)
        .map((i) => E.event.parse(i))
        .sort((a, b) => a.version - b.version),
    };
  }

  async transition(
    next: StoredStarApplication,
    expectedVersion: number,
    event: StoredStarEvent,
    award?: { held: StoredHeldStar; event: StoredHeldStarEvent },
    notices: NoticeWrites = NO_NOTICES,
  ) {
    const awardWrites = award ? [heldStarPut(this.table, award.held), heldEventPut(this.table, award.held.branchId, award.event)] : [];
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: E.application.item({ id: next.id }, next),
                // The Put rewrites the objection counter as read: an objection filed meanwhile fails it (授星 must see it).
                ...expectVersion(expectedVersion, { also: objectionsStill(next.openObjections ?? 0) }),
              },
            },
            this.insert(E.event.item({ applicationId: next.id, version: event.version }, event)),
            ...awardWrites,
            ...notices.writes,
          ],
        }),
      );
    } catch (err) {
      if (award && failedCondition(err, 2)) throw conflict('该支部已持有这颗星，不能重复授星');
      // Two reviewers who saw the same version: the first transaction wins, the second fails its condition.
      if (cancellationReasons(err)) throw conflict(DECIDED);
      throw err;
    }
  }

  async listForBranch(branchId: string) {
    const claims = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': E.branchClaims.pk(branchId), ':p': E.branchClaims.prefix },
    });
    const ids = claims.map((c) => E.claim.parse(c).applicationId);
    if (!ids.length) return [];
    // A branch has at most one claim per star (≤ 5), well within one BatchGet of 100 keys.
    let keys: Record<string, unknown>[] | undefined = ids.map((id) => ({ ...E.application.key({ id }) }));
    const found: StoredStarApplication[] = [];
    while (keys?.length) {
      const res: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }));
      found.push(...(res.Responses?.[this.table] ?? []).map((i: Item) => E.application.parse(i)));
      keys = res.UnprocessedKeys?.[this.table]?.Keys;
    }
    return found.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }

  async listByStatus(districtId: string, status: StarApplicationStatus, townshipId?: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.districtIndex(districtId), townshipId ? `${status}#${townshipId}` : status);
    return items.map((i) => E.application.parse(i));
  }

  async getRules(districtId: string): Promise<StarRules> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: E.rules.key({ districtId }), ConsistentRead: true }));
    // Rules saved before the annual date existed read with its default.
    const defaults = { publicityWorkingDays: DEFAULT_PUBLICITY_WORKING_DAYS, annualReviewDate: DEFAULT_ANNUAL_REVIEW_DATE, version: 0 };
    return res.Item ? { ...defaults, ...E.rules.parse(res.Item) } : defaults;
  }

  async putRules(districtId: string, rules: StarRules, expectedVersion: number) {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({ TableName: this.table, Item: E.rules.item({ districtId }, rules), ...expectVersion(expectedVersion) }),
        ),
      '设置已被他人修改，请刷新后重试',
    );
  }

  async listInDistrict(districtId: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.districtIndex(districtId));
    return items.map((i) => E.application.parse(i));
  }

  async getTaskforces(districtId: string): Promise<StoredStarTaskforces> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: E.taskforces.key({ districtId }), ConsistentRead: true }));
    return res.Item ? E.taskforces.parse(res.Item) : { departments: [], version: 0 };
  }

  async putTaskforces(districtId: string, taskforces: StoredStarTaskforces, expectedVersion: number) {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: E.taskforces.item({ districtId }, taskforces),
            ...expectVersion(expectedVersion),
          }),
        ),
      '专班设置已被他人修改，请刷新后重试',
    );
  }
}
