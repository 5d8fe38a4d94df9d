import type { BranchType, Catalogue, CatalogueContent } from '@chuangxing/shared';
import type { DocumentDraft, PublishedVersion } from '../../platform/versioning/versioned-document';
import { SAMPLE_CATALOGUE } from './sample-catalogue';

/** A published version of the standards (immutable; plans refer to it by number). */
export type StoredCatalogue = PublishedVersion<CatalogueContent>;
export type StoredCatalogueDraft = DocumentDraft<CatalogueContent>;

/** Kept beside each version, so the version list shows the task counts without reading every content. */
export type CatalogueSummary = {
  counts: { rural: number; community: number };
};

export const SAMPLE_NOTE = '示例标准（可配置）';

export function countsOf(content: CatalogueContent): { rural: number; community: number } {
  const n = (type: BranchType) => content[type].reduce((sum, s) => sum + s.tasks.length, 0);
  return { rural: n('rural'), community: n('community') };
}

/** The sample catalogue as contract content; the two shared stars carry the same ids in both sets. */
export function sampleContent(): CatalogueContent {
  const build = (type: BranchType) =>
    SAMPLE_CATALOGUE[type].map((s) => ({
      star: s.star,
      tasks: s.tasks.map((title, i) => ({ id: `${s.star}-t${i + 1}`, title })),
      vetoes: s.vetoes.map((text, i) => ({ id: `${s.star}-v${i + 1}`, text })),
    }));
  return { rural: build('rural'), community: build('community') };
}

/** Until a district publishes its own, the sample standards apply (version 0, never stored). */
export function sampleCatalogue(): StoredCatalogue {
  return { version: 0, content: sampleContent(), publishedAt: '2026-01-01T00:00:00.000Z', publishedBy: 'system', note: SAMPLE_NOTE };
}

/** The contract's view of a version: its content with the task counts. */
export const presentCatalogue = (c: StoredCatalogue): Catalogue => ({
  version: c.version,
  content: c.content,
  counts: countsOf(c.content),
  publishedAt: c.publishedAt,
  note: c.note,
});
