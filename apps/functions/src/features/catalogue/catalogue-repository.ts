import type { StoredCatalogue, StoredCatalogueDraft } from './catalogue';

export interface CatalogueRepository {
  latest(districtId: string): Promise<StoredCatalogue | undefined>;
  version(districtId: string, version: number): Promise<StoredCatalogue | undefined>;
  /** Newest first, without their content. */
  versions(districtId: string): Promise<(Omit<StoredCatalogue, 'content'> & { counts: { rural: number; community: number } })[]>;
  draft(districtId: string): Promise<StoredCatalogueDraft | undefined>;
  /** Conditional on the revision the editor saw (0: no draft saved yet) → CONFLICT otherwise. */
  saveDraft(districtId: string, draft: StoredCatalogueDraft, expectedRevision: number): Promise<void>;
  /**
   * One transaction: the new version is written (never overwritten), the pointer moves from the version the
   * draft was based on, and the draft is consumed if still at `draftRevision`; otherwise CONFLICT.
   */
  publish(districtId: string, published: StoredCatalogue, previousVersion: number, draftRevision: number): Promise<void>;
}
