import type { Role } from '@chuangxing/shared';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Schema } from './schema-arbitrary';

/** One operation of the OpenAPI document, as the fuzz test needs it. */
export interface Operation {
  id: string;
  method: string;
  path: string;
  roles: 'public' | Role[];
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema; required: boolean }[];
  body?: { schema: Schema; required: boolean };
  /** Status → the media type it is sent as, and the JSON schema of a JSON body. */
  responses: Map<number, { contentType: string; schema?: Schema }>;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}
interface OpenApiOperation {
  operationId: string;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content: Record<string, { schema: Schema }> }>;
  'x-roles': 'public' | Role[];
}

export function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const responses = new Map<number, { contentType: string; schema?: Schema }>();
      for (const [status, r] of Object.entries(op.responses)) {
        const [contentType, media] = Object.entries(r.content)[0];
        responses.set(Number(status), { contentType, schema: contentType === 'application/json' ? media.schema : undefined });
      }
      const body = op.requestBody && { schema: op.requestBody.content['application/json'].schema, required: op.requestBody.required };
      return {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        roles: op['x-roles'],
        pathParams: op.parameters.filter((p) => p.in === 'path').map(({ name, schema }) => ({ name, schema })),
        queryParams: op.parameters.filter((p) => p.in === 'query').map(({ name, schema, required }) => ({ name, schema, required })),
        body,
        responses,
      };
    }),
  );
}

/** Path and query values are text; an integer parameter is written in decimal digits and nothing else. */
export function fromText(value: string, schema: Schema): unknown {
  return (schema.type === 'integer' || schema.type === 'number') && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}

/** JSON Schema validation with the document's own schemas, compiled once each. */
export function createValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv as never);
  const cache = new WeakMap<Schema, ValidateFunction>();
  const compiled = (schema: Schema) => {
    let v = cache.get(schema);
    if (!v) {
      v = ajv.compile(schema);
      cache.set(schema, v);
    }
    return v;
  };
  return {
    /** Undefined when the value conforms; otherwise the first problem, for the failure message. */
    problem(schema: Schema, value: unknown): string | undefined {
      const v = compiled(schema);
      if (v(value)) return undefined;
      const e = v.errors?.[0];
      return e ? `${e.instancePath || '/'} ${e.message}` : 'invalid';
    },
    /** The path or query parameters as one object: every declared one, nothing else. */
    paramsSchema(params: { name: string; schema: Schema; required?: boolean }[]): Schema {
      return {
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
        required: params.filter((p) => p.required !== false).map((p) => p.name),
        additionalProperties: false,
      };
    },
  };
}

export type Validator = ReturnType<typeof createValidator>;
