import { DomainError } from '../kernel/domain-error';

/**
 * A document the district admin edits as a draft and publishes as immutable, numbered versions (the star
 * catalogue, the scoring model). Whatever refers to a version (a plan, a ranking) keeps meaning the same.
 */
export interface PublishedVersion<C> {
  version: number;
  content: C;
  publishedAt: string;
  publishedBy: string;
  note: string;
}

export interface DocumentDraft<C> {
  revision: number;
  basedOnVersion: number;
  content: C;
  updatedAt: string;
  updatedBy: string;
}

/** A published version without its content, with the summary the store keeps beside it. */
export type VersionSummary<S> = Omit<PublishedVersion<never>, 'content'> & S;

/** The port: one district's document. */
export interface VersionedDocumentStore<C, S = Record<never, never>> {
  latest(districtId: string): Promise<PublishedVersion<C> | undefined>;
  version(districtId: string, version: number): Promise<PublishedVersion<C> | undefined>;
  /** Newest first, without their content. */
  versions(districtId: string): Promise<VersionSummary<S>[]>;
  draft(districtId: string): Promise<DocumentDraft<C> | undefined>;
  /** Conditional on the revision the editor saw (0: no draft saved yet) → CONFLICT otherwise. */
  saveDraft(districtId: string, draft: DocumentDraft<C>, expectedRevision: number): Promise<void>;
  /**
   * One transaction: the new version is written (never overwritten), the pointer moves from the version the
   * draft was based on, and the draft is consumed if still at `draftRevision`; otherwise CONFLICT.
   */
  publish(districtId: string, published: PublishedVersion<C>, previousVersion: number, draftRevision: number): Promise<void>;
}

/**
 * The use cases of such a document: the version in force (or the built-in default, version 0, never
 * stored), the draft to edit, saving it and publishing it as the next version.
 */
export function versionedDocument<C, S>(
  store: VersionedDocumentStore<C, S>,
  opts: { districtId: string; now: () => Date; fallback: () => PublishedVersion<C> },
) {
  const { districtId } = opts;
  const inForce = async () => (await store.latest(districtId)) ?? opts.fallback();
  return {
    inForce,
    version: (v: number) => store.version(districtId, v),
    versions: () => store.versions(districtId),
    /** The saved draft, or a fresh one (revision 0) from the version in force. */
    async editable(): Promise<Omit<DocumentDraft<C>, 'updatedAt' | 'updatedBy'> & { updatedAt?: string }> {
      const draft = await store.draft(districtId);
      if (draft)
        return { revision: draft.revision, basedOnVersion: draft.basedOnVersion, content: draft.content, updatedAt: draft.updatedAt };
      const base = await inForce();
      return { revision: 0, basedOnVersion: base.version, content: base.content };
    },
    async saveDraft(by: string, content: C, revision: number): Promise<DocumentDraft<C>> {
      const current = await store.draft(districtId);
      const basedOnVersion = current?.basedOnVersion ?? (await store.latest(districtId))?.version ?? 0;
      const draft = { revision: revision + 1, basedOnVersion, content, updatedAt: opts.now().toISOString(), updatedBy: by };
      await store.saveDraft(districtId, draft, revision);
      return draft;
    },
    async publish(by: string, revision: number, note: string): Promise<PublishedVersion<C>> {
      const draft = await store.draft(districtId);
      if (!draft) throw new DomainError('CONFLICT', '没有待发布的草稿，请先保存修改');
      if (draft.revision !== revision) throw new DomainError('CONFLICT', '草稿已被他人修改，请刷新后重试');
      const published = {
        version: draft.basedOnVersion + 1,
        content: draft.content,
        publishedAt: opts.now().toISOString(),
        publishedBy: by,
        note,
      };
      await store.publish(districtId, published, draft.basedOnVersion, revision);
      return published;
    },
  };
}
