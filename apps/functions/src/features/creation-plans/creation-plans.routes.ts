import type { creationPlansRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { CreationPlansPorts } from './creation-plans.ports';
import { getDistrictPlan, saveDistrictPlan } from './district-plan';
import { getCreationProgress } from './read-creation-progress';
import { getTownshipPlan, saveTownshipPlan } from './township-plan';

export const creationPlansImplementations: RouteImpls<typeof creationPlansRoutes, CreationPlansPorts> = {
  getDistrictCreationPlan: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getDistrictPlan(deps, principal, allowed, params.year),
  }),
  saveDistrictCreationPlan: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await saveDistrictPlan(deps, principal, allowed, params.year, body),
  }),
  getTownshipCreationPlan: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getTownshipPlan(deps, principal, allowed, params.year, params.townshipId),
  }),
  saveTownshipCreationPlan: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await saveTownshipPlan(deps, principal, allowed, params.year, params.townshipId, body),
  }),
  getCreationProgress: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getCreationProgress(deps, principal, allowed, params.year),
  }),
};
