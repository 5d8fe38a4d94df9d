import type { CatalogueContent } from '@chuangxing/shared';
import { DynamoVersionedDocumentStore } from '../../platform/dynamodb/versioned-document.dynamodb';
import type { Wiring } from '../../platform/wiring';
import { type CatalogueSummary, countsOf } from './catalogue';
import { catalogueEntities } from './catalogue.entities';
import type { CataloguePorts, CatalogueStore } from './catalogue.ports';
import type { CatalogueReader } from './catalogue.readers';

export function catalogueStore(w: Pick<Wiring, 'doc' | 'table' | 'once'>): CatalogueStore {
  return w.once(
    'catalogue',
    () =>
      new DynamoVersionedDocumentStore<CatalogueContent, CatalogueSummary>(w.doc, w.table, catalogueEntities, {
        summary: { fields: ['counts'], of: (content) => ({ counts: countsOf(content) }) },
        publishConflict: '标准已有更新的版本或草稿已变更，请刷新后重试',
      }),
  );
}

export const cataloguePorts = (w: Wiring): CataloguePorts => ({ ...w.kernel, catalogue: catalogueStore(w) });

/** For the features that check items against the standards (reports, plans, inspections). */
export const catalogueReader = (w: Wiring): CatalogueReader => catalogueStore(w);
