import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { presignPhoto as presignUseCase } from './presign-photo';

export const presignPhoto: RouteImpl<Routes['presignPhoto']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await presignUseCase(deps, principal, allowed, body),
});
