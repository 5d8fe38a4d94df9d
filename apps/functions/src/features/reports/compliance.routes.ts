import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { getDistrictCompliance as districtUseCase } from './district-compliance';
import { getTownshipCompliance as townshipUseCase } from './township-compliance';

export const getTownshipCompliance: RouteImpl<Routes['getTownshipCompliance']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await townshipUseCase(deps, principal, allowed, params.townshipId, query.day),
});

export const getDistrictCompliance: RouteImpl<Routes['getDistrictCompliance']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: await districtUseCase(deps, principal, allowed, query.day),
});
