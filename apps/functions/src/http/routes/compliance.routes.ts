import type { Routes } from '@chuangxing/shared';
import { getDistrictCompliance as districtUseCase } from '../../use-cases/district-compliance';
import { getTownshipCompliance as townshipUseCase } from '../../use-cases/township-compliance';
import type { RouteImpl } from '../route-context';

export const getTownshipCompliance: RouteImpl<Routes['getTownshipCompliance']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await townshipUseCase(deps, principal, allowed, params.townshipId, query.day),
});

export const getDistrictCompliance: RouteImpl<Routes['getDistrictCompliance']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: await districtUseCase(deps, principal, allowed, query.day),
});
