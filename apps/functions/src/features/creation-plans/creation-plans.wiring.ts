import type { Wiring } from '../../platform/wiring';
import { orgReader } from '../org/org.wiring';
import { heldStarsReader } from '../stars/held-stars.wiring';
import { DynamoCreationPlanRepository } from './creation-plan-repository.dynamodb';
import type { CreationPlansPorts } from './creation-plans.ports';

export const creationPlansPorts = (w: Wiring): CreationPlansPorts => ({
  ...w.kernel,
  plans: new DynamoCreationPlanRepository(w.doc, w.table, w.kernel.districtId),
  org: orgReader(w),
  heldStars: heldStarsReader(w),
});
