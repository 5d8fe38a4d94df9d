import type { Catalogue } from '@chuangxing/shared';
import { catalogueInForce, catalogueVersion } from '../catalogue/catalogue.readers';
import type { PlansPorts } from './plans.ports';

type CataloguePorts = Pick<PlansPorts, 'catalogue' | 'districtId'>;

/** The standards in force: a new plan is made under them. */
export function catalogueNow(deps: CataloguePorts): Promise<Catalogue> {
  return catalogueInForce(deps.catalogue, deps.districtId);
}

/** The standards a plan was made under; those in force when that version cannot be read (the sample, version 0). */
export function catalogueOfPlan(deps: CataloguePorts, version: number): Promise<Catalogue> {
  return catalogueVersion(deps.catalogue, deps.districtId, version).catch(() => catalogueNow(deps));
}

/** Catalogue versions read once per request: plans of one township may refer to different versions. */
export function catalogueCache(deps: CataloguePorts): (version: number) => Promise<Catalogue> {
  const seen = new Map<number, Promise<Catalogue>>();
  return (version) => {
    let catalogue = seen.get(version);
    if (!catalogue) {
      catalogue = catalogueOfPlan(deps, version);
      seen.set(version, catalogue);
    }
    return catalogue;
  };
}
