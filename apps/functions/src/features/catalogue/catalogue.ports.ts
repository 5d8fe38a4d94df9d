import type { CatalogueContent } from '@chuangxing/shared';
import type { Kernel } from '../../platform/kernel/kernel';
import type { VersionedDocumentStore } from '../../platform/versioning/versioned-document';
import type { CatalogueSummary } from './catalogue';

/** The district's standards: a versioned document (draft → publish), with task counts beside each version. */
export type CatalogueStore = VersionedDocumentStore<CatalogueContent, CatalogueSummary>;

/** What the catalogue's use cases take. */
export interface CataloguePorts extends Kernel {
  catalogue: CatalogueStore;
}
