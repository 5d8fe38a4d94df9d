import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../kernel/domain-error';
import type { DocumentDraft, PublishedVersion, VersionedDocumentStore, VersionSummary } from '../versioning/versioned-document';
import { defineEntity, type Item, pad, pick } from './entity';
import { expectVersion, orConflict } from './optimistic';
import { queryAll } from './query-all';
import { cancellationReasons } from './transaction-errors';

const VERSION_FIELDS = ['version', 'content', 'publishedAt', 'publishedBy', 'note'] as const;
const SUMMARY_FIELDS = ['version', 'publishedAt', 'publishedBy', 'note'] as const;

/**
 * The entities of a versioned document, all in one partition per district:
 * `DIST#{d}#{NAME}` / V#{0001} (published, immutable) | LATEST (pointer) | DRAFT.
 */
export function versionedDocumentEntities<C>(name: string, entityPrefix: string) {
  const pk = (d: string) => `DIST#${d}#${name}`;
  return {
    pk,
    version: defineEntity<PublishedVersion<C>, { districtId: string; version: number }>({
      name: `${entityPrefix}-version`,
      key: ({ districtId, version }) => ({ pk: pk(districtId), sk: `V#${pad(version)}` }),
      fields: VERSION_FIELDS,
    }),
    latest: defineEntity<{ version: number }, { districtId: string }>({
      name: `${entityPrefix}-latest`,
      key: ({ districtId }) => ({ pk: pk(districtId), sk: 'LATEST' }),
      fields: ['version'],
    }),
    draft: defineEntity<DocumentDraft<C>, { districtId: string }>({
      name: `${entityPrefix}-draft`,
      key: ({ districtId }) => ({ pk: pk(districtId), sk: 'DRAFT' }),
      fields: ['revision', 'basedOnVersion', 'content', 'updatedAt', 'updatedBy'],
    }),
  };
}

export type VersionedDocumentEntities<C> = ReturnType<typeof versionedDocumentEntities<C>>;

/** The draft → publish store of one document kind; `summary` is kept beside each version for the version list. */
export class DynamoVersionedDocumentStore<C, S extends Item = Record<never, never>> implements VersionedDocumentStore<C, S> {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly entities: VersionedDocumentEntities<C>,
    private readonly opts: { summary?: { fields: readonly (keyof S & string)[]; of: (content: C) => S }; publishConflict: string },
  ) {}

  private async get(key: { pk: string; sk: string }, consistent: boolean) {
    return (await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: consistent }))).Item;
  }

  async latest(districtId: string) {
    const ptr = await this.get(this.entities.latest.key({ districtId }), true);
    return ptr ? this.version(districtId, this.entities.latest.parse(ptr).version) : undefined;
  }

  async version(districtId: string, version: number) {
    const item = await this.get(this.entities.version.key({ districtId, version }), false);
    return item ? this.entities.version.parse(item) : undefined;
  }

  async versions(districtId: string) {
    const summaryFields = this.opts.summary?.fields ?? [];
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': this.entities.pk(districtId), ':v': 'V#' },
      ProjectionExpression: [...SUMMARY_FIELDS, ...summaryFields].join(', '),
      ScanIndexForward: false,
    });
    return items.map((i) => pick<VersionSummary<S>>(i, [...SUMMARY_FIELDS, ...summaryFields]));
  }

  async draft(districtId: string) {
    const item = await this.get(this.entities.draft.key({ districtId }), true);
    return item ? this.entities.draft.parse(item) : undefined;
  }

  async saveDraft(districtId: string, draft: DocumentDraft<C>, expectedRevision: number) {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: this.entities.draft.item({ districtId }, draft),
            ...expectVersion(expectedRevision, { attribute: 'revision' }),
          }),
        ),
      '草稿已被他人修改，请刷新后重试',
    );
  }

  async publish(districtId: string, published: PublishedVersion<C>, previousVersion: number, draftRevision: number) {
    const { version, latest, draft } = this.entities;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: version.item({ districtId, version: published.version }, published, this.opts.summary?.of(published.content)),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: latest.item({ districtId }, { version: published.version }),
                ...expectVersion(previousVersion),
              },
            },
            {
              Delete: { TableName: this.table, Key: draft.key({ districtId }), ...expectVersion(draftRevision, { attribute: 'revision' }) },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict(this.opts.publishConflict);
      throw err;
    }
  }
}
