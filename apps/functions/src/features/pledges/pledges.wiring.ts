import type { Wiring } from '../../platform/wiring';
import { appraisalStandingsReader } from '../appraisals/appraisals.wiring';
import { orgReader } from '../org/org.wiring';
import { DynamoPledgeRepository } from './pledge-repository.dynamodb';
import type { PledgesPorts } from './pledges.ports';

export const pledgesPorts = (w: Wiring): PledgesPorts => ({
  ...w.kernel,
  pledges: new DynamoPledgeRepository(w.doc, w.table),
  org: orgReader(w),
  appraisals: appraisalStandingsReader(w),
});
