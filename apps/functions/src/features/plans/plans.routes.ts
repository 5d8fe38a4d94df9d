import type { plansRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { actOnPlan, getPlan, savePlan } from './manage-plan';
import type { PlansPorts } from './plans.ports';
import { proposeSchedule } from './propose-schedule';
import { getBranchBoard, getDistrictBoard, getTownshipBoard } from './read-board';
import { addTaskUpdate, getTaskProgress, presignEvidence } from './track-task-progress';

export const plansImplementations: RouteImpls<typeof plansRoutes, PlansPorts> = {
  getPlan: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getPlan(deps, principal, allowed, params.branchId, params.year),
  }),
  savePlan: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await savePlan(deps, principal, allowed, params.branchId, params.year, body.content, body.version),
  }),
  actOnPlan: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await actOnPlan(deps, principal, allowed, params.branchId, params.year, body),
  }),
  getTaskProgress: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getTaskProgress(deps, principal, allowed, params.branchId, params.year, params.taskId),
  }),
  addTaskUpdate: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await addTaskUpdate(deps, principal, allowed, params.branchId, params.year, params.taskId, body),
  }),
  presignEvidence: async ({ deps, principal, allowed, body }) => ({
    status: 200,
    body: await presignEvidence(deps, principal, allowed, body),
  }),
  scheduleBackwards: async ({ deps, body }) => ({
    status: 200,
    body: { dates: await proposeSchedule(deps, body.evaluationDate, body.milestones, body.bufferWorkingDays) },
  }),
  getDistrictBoard: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getDistrictBoard(deps, principal, allowed, params.year),
  }),
  getTownshipBoard: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getTownshipBoard(deps, principal, allowed, params.townshipId, params.year),
  }),
  getBranchBoard: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getBranchBoard(deps, principal, allowed, params.branchId, params.year),
  }),
};
