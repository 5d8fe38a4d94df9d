import './zod-config';
import * as z from 'zod/mini';
import { ErrorBody } from './errors';
import { FILE_CONTENT_TYPES, type RouteDef } from './route';
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

/** What each status means, the same on every route that answers it. */
const STATUS_MEANING: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'The request breaks the contract or a rule: `details` names each field (`params.…`, `query.…`, `body.…`)',
  401: 'No valid token',
  403: 'The caller’s role or scope does not allow it',
  404: 'Not found: an id in the path or in the body names nothing the caller may see (a body id is named in `details`)',
  409: 'Conflict: a stale version, a duplicate, or a state that does not allow the action',
  410: 'Gone: the invitation has expired',
  429: 'Too many requests',
  502: 'WeChat did not answer as expected',
  503: 'A dependency (the database or WeChat) is down or slow',
};

function responseOf(route: RouteDef, status: string, schema: z.ZodMiniType) {
  const description = STATUS_MEANING[Number(status)] ?? (Number(status) < 400 ? 'OK' : 'Error');
  if (route.produces && status === '200') {
    return {
      description: `${description}: the file itself`,
      headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment with the file name (RFC 6266)' } },
      content: { [FILE_CONTENT_TYPES[route.produces]]: { schema: { type: 'string', format: 'binary' } } },
    };
  }
  return { description, content: { 'application/json': { schema: schemaOf(schema, 'output') } } };
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
      const response = responseOf(route, status, schema);
      const retry = status === '429' || status === '503';
      responses[status] = retry
        ? {
            ...response,
            description: `${response.description}: try again after Retry-After seconds`,
            headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
          }
        : response;
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
        // A body whose every field is optional may be left out: the server reads no body as `{}`.
        required: !route.body.safeParse({}).success,
        content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
      };
    }
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '创星 API',
      version: '1',
      description:
        '五星支部创建: daily reports, mailbox, plans and rankings. Every status a route can answer is listed with it. ' +
        'Unknown query parameters and body fields are refused (400). Text is trimmed and normalised to NFC; ' +
        'control characters other than newline and tab are refused. Days, months and quarters are of 2000–2099.',
    },
    servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
