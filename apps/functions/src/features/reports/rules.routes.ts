import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import {
  createExemption as createUseCase,
  deleteExemption as deleteUseCase,
  listExemptions as listUseCase,
  putLetterRules as putLetterUseCase,
  putDailyRules as putUseCase,
} from './daily-rules';

export const getDailyRules: RouteImpl<Routes['getDailyRules']> = async ({ deps }) => ({
  status: 200,
  body: await deps.rules.getDailyRules(deps.districtId),
});

export const putDailyRules: RouteImpl<Routes['putDailyRules']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await putUseCase(deps, principal, allowed, body),
});

export const listExemptions: RouteImpl<Routes['listExemptions']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: { exemptions: await listUseCase(deps, principal, allowed, query.month) },
});

export const createExemption: RouteImpl<Routes['createExemption']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await createUseCase(deps, principal, allowed, body),
});

export const deleteExemption: RouteImpl<Routes['deleteExemption']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await deleteUseCase(deps, principal, allowed, params.exemptionId),
});

export const getLetterRules: RouteImpl<Routes['getLetterRules']> = async ({ deps }) => ({
  status: 200,
  body: await deps.rules.getLetterRules(deps.districtId),
});

export const putLetterRules: RouteImpl<Routes['putLetterRules']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await putLetterUseCase(deps, principal, allowed, body),
});
