import type { Routes } from '@chuangxing/shared';
import { buildOpenApiDocument } from '@chuangxing/shared/openapi';
import type { RouteImpl } from '../http/route-context';

export const health: RouteImpl<Routes['health']> = async ({ deps }) => ({
  status: 200,
  body: { status: 'ok', time: deps.clock.now().toISOString() },
});

let cachedDoc: { local: boolean; doc: Record<string, unknown> } | undefined;

export const getOpenApi: RouteImpl<Routes['getOpenApi']> = async ({ deps }) => {
  if (cachedDoc?.local !== deps.devLogin)
    cachedDoc = { local: deps.devLogin, doc: buildOpenApiDocument({ includeLocalOnly: deps.devLogin }) };
  return { status: 200, body: cachedDoc.doc };
};
