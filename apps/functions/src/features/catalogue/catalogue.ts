import type { BranchType, CatalogueContent } from '@chuangxing/shared';
import { SAMPLE_CATALOGUE } from './sample-catalogue';

export interface StoredCatalogue {
  version: number;
  content: CatalogueContent;
  publishedAt: string;
  publishedBy: string;
  note: string;
}

export interface StoredCatalogueDraft {
  revision: number;
  basedOnVersion: number;
  content: CatalogueContent;
  updatedAt: string;
  updatedBy: string;
}

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
