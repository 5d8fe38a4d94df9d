import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import {
  actOnReviewItem as actUseCase,
  addReviewItem as addUseCase,
  getReviewBoard as boardUseCase,
  getTownshipReviewSummary as summaryUseCase,
} from './review-items';

export const getReviewBoard: RouteImpl<Routes['getReviewBoard']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await boardUseCase(deps, principal, allowed, params.branchId, params.month),
});

export const addReviewItem: RouteImpl<Routes['addReviewItem']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: await addUseCase(deps, principal, allowed, params.branchId, params.month, body),
});

export const actOnReviewItem: RouteImpl<Routes['actOnReviewItem']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await actUseCase(deps, principal, allowed, params.branchId, params.itemId, body),
});

export const getTownshipReviewSummary: RouteImpl<Routes['getTownshipReviewSummary']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await summaryUseCase(deps, principal, allowed, params.townshipId, params.month),
});
