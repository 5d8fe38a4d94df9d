import { ROLES, type Role } from '@chuangxing/shared';
import fc from 'fast-check';
import { maybeMutated } from './mutations';
import type { Operation } from './operations';
import { arbitraryOf, type Pools, type Schema } from './schema-arbitrary';

export type Caller = Role | 'none' | 'forged';

/** One generated request. `body` undefined: none sent; `rawBody`: bytes that are not JSON. */
export interface FuzzRequest {
  caller: Caller;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  rawBody?: string;
}

/** Path segments a client may send that no encoding of a value produces. */
export const RAW_SEGMENTS = ['%', '%ZZ', '%E0%A4%A', '%C0%AF', '%00', '..', '.', '%2F', '%25', 'a%20b', '%F0%9F%98%80'];

function caller(op: Operation): fc.Arbitrary<Caller> {
  const anyone = fc.constantFrom<Caller>('none', 'forged', ...ROLES);
  if (op.roles === 'public') return anyone;
  // Mostly a role the route allows, so requests get past the role check and reach the validation and the rules.
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom<Caller>(...op.roles) }, { weight: 1, arbitrary: anyone });
}

function part(params: { name: string; schema: Schema; required?: boolean }[], pools: Pools) {
  const entries = params.map((p) =>
    (p.required === false ? fc.option(arbitraryOf(p.schema, pools, p.name), { nil: undefined }) : arbitraryOf(p.schema, pools, p.name)).map(
      (v) => [p.name, v] as const,
    ),
  );
  return fc.tuple(...entries).map((kv) => Object.fromEntries(kv.filter(([, v]) => v !== undefined)));
}

function partSchema(params: { name: string; schema: Schema; required?: boolean }[]): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required !== false).map((p) => p.name),
  };
}

/** Requests for one operation: valid or broken in one place (params, query or body), from any caller. */
export function requestsFor(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const params = part(op.pathParams, pools);
  const query = part(op.queryParams, pools);
  const body = op.body ? arbitraryOf(op.body.schema, pools) : fc.constant(undefined);
  const broken = fc.oneof(
    fc.record({ params: maybeMutated(params, partSchema(op.pathParams)), query, body }),
    fc.record({ params, query: maybeMutated(query, partSchema(op.queryParams)), body }),
    fc.record({ params, query, body: op.body ? maybeMutated(body, op.body.schema) : body }),
  );
  return fc.record({ caller: caller(op), req: broken }).map(({ caller, req }) => ({
    caller,
    params: (req.params ?? {}) as Record<string, unknown>,
    query: (req.query ?? {}) as Record<string, unknown>,
    body: req.body,
  }));
}

/** A parameter as a path segment: text as JavaScript prints it (`null`, `1.5`), absent as an empty segment. */
export function segmentOf(value: unknown): string {
  return value === undefined ? '' : String(value);
}

/** Percent-encoded UTF-8; half a surrogate pair, which UTF-8 cannot carry, as the bytes a lax client would send. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ue000')).replace(/%EE%80%80/g, '%ED%A0%80');
  }
}

/** The path with each parameter written in. */
export function pathOf(op: Operation, params: Record<string, unknown>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(segmentOf(params[name])));
}

/** The query as API Gateway passes it: text values only. */
export function queryOf(query: Record<string, unknown>): Record<string, string> | undefined {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined);
  return entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, String(v)])) : undefined;
}
