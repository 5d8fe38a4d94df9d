import type { Routes } from '@chuangxing/shared';
import { presignPhoto as presignUseCase } from '../../use-cases/presign-photo';
import type { RouteImpl } from '../route-context';

export const presignPhoto: RouteImpl<Routes['presignPhoto']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await presignUseCase(deps, principal, allowed, body),
});
