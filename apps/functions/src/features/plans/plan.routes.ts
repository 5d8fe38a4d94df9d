import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import {
  actOnPlan as actUseCase,
  addTaskUpdate as addTaskUpdateUseCase,
  getTaskProgress as getTaskProgressUseCase,
  getPlan as getUseCase,
  presignEvidence as presignEvidenceUseCase,
  proposeSchedule,
  savePlan as saveUseCase,
} from './plans';

export const getPlan: RouteImpl<Routes['getPlan']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await getUseCase(deps, principal, allowed, params.branchId, params.year),
});

export const savePlan: RouteImpl<Routes['savePlan']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await saveUseCase(deps, principal, allowed, params.branchId, params.year, body.content, body.version),
});

export const actOnPlan: RouteImpl<Routes['actOnPlan']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await actUseCase(deps, principal, allowed, params.branchId, params.year, body),
});

export const scheduleBackwards: RouteImpl<Routes['scheduleBackwards']> = async ({ deps, body }) => ({
  status: 200,
  body: { dates: await proposeSchedule(deps, body.evaluationDate, body.milestones, body.bufferWorkingDays) },
});

export const getTaskProgress: RouteImpl<Routes['getTaskProgress']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await getTaskProgressUseCase(deps, principal, allowed, params.branchId, params.year, params.taskId),
});

export const addTaskUpdate: RouteImpl<Routes['addTaskUpdate']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: await addTaskUpdateUseCase(deps, principal, allowed, params.branchId, params.year, params.taskId, body),
});

export const presignEvidence: RouteImpl<Routes['presignEvidence']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await presignEvidenceUseCase(deps, principal, allowed, body),
});
