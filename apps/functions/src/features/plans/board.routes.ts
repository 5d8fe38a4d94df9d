import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { getBranchBoard as branchUseCase, getDistrictBoard as districtUseCase, getTownshipBoard as townshipUseCase } from './boards';

export const getDistrictBoard: RouteImpl<Routes['getDistrictBoard']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await districtUseCase(deps, principal, allowed, params.year),
});

export const getTownshipBoard: RouteImpl<Routes['getTownshipBoard']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await townshipUseCase(deps, principal, allowed, params.townshipId, params.year),
});

export const getBranchBoard: RouteImpl<Routes['getBranchBoard']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await branchUseCase(deps, principal, allowed, params.branchId, params.year),
});
