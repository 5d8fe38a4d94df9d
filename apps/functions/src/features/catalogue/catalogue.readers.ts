import type { Catalogue } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { presentCatalogue, sampleCatalogue } from './catalogue';
import type { CatalogueStore } from './catalogue.ports';

/** What other features read of the catalogue: the version in force and any published version. */
export type CatalogueReader = Pick<CatalogueStore, 'latest' | 'version'>;

export async function catalogueInForce(reader: CatalogueReader, districtId: string): Promise<Catalogue> {
  return presentCatalogue((await reader.latest(districtId)) ?? sampleCatalogue());
}

export async function catalogueVersion(reader: CatalogueReader, districtId: string, version: number): Promise<Catalogue> {
  const c = await reader.version(districtId, version);
  if (!c) throw notFound('标准版本');
  return presentCatalogue(c);
}
