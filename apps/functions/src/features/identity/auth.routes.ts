import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { devLogin as devLoginUseCase, listDevUsers as listDevUsersUseCase } from './dev-login';
import { getMe as getMeUseCase } from './get-me';
import { loginWithWechat as loginUseCase } from './login-with-wechat';

export const loginWithWechat: RouteImpl<Routes['loginWithWechat']> = async ({ deps, body }) => ({
  status: 200,
  body: await loginUseCase(deps, body.code),
});

export const listDevUsers: RouteImpl<Routes['listDevUsers']> = async ({ deps }) => ({
  status: 200,
  body: { users: await listDevUsersUseCase(deps) },
});

export const devLogin: RouteImpl<Routes['devLogin']> = async ({ deps, body }) => ({
  status: 200,
  body: await devLoginUseCase(deps, body.userId),
});

export const getMe: RouteImpl<Routes['getMe']> = async ({ principal }) => ({ status: 200, body: getMeUseCase(principal) });
