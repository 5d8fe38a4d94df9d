import './zod-config';
import * as z from 'zod/mini';
import { ErrorBody } from './errors';
import type { RouteDef } from './route';
import { routes as allRoutes } from './routes';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodMiniType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

export interface OpenApiOptions {
  /** Include routes served only by the local stack (dev login). */
  includeLocalOnly: boolean;
  serverUrl?: string;
}

/** The OpenAPI 3.1 document, generated from the route table so it cannot drift from the code. */
export function buildOpenApiDocument(options: OpenApiOptions, routeTable: Record<string, RouteDef> = allRoutes): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routeTable)) {
    if (route.localOnly && !options.includeLocalOnly) continue;
    const responses: Record<string, unknown> = {};
    // Any operation may meet a database outage (UNAVAILABLE): the server answers 503 rather than a bug's 500.
    for (const [status, schema] of Object.entries({ ...route.responses, 503: ErrorBody })) {
      const retry = status === '429' || status === '503';
      responses[status] = {
        description: Number(status) < 400 ? 'OK' : retry ? 'Error: try again after Retry-After seconds' : 'Error',
        ...(retry ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } } } : {}),
        content: { 'application/json': { schema: schemaOf(schema, 'output') } },
      };
    }
    const op: Record<string, unknown> = {
      operationId: name,
      summary: route.summary,
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses,
      'x-roles': route.access.kind === 'public' ? 'public' : route.access.roles,
    };
    if (route.localOnly) op['x-local-only'] = true;
    if (route.access.kind !== 'public') op.security = [{ bearer: [] }];
    if (route.body) {
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
      };
    }
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: '创星 API', version: '1', description: '五星支部创建: daily reports, mailbox, plans and rankings.' },
    servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
