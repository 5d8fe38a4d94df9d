import type * as z from 'zod/mini';
import type { Role } from './enums';
import { ErrorBody } from './errors';

/** No PATCH: WeChat's wx.request cannot send it. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Schema = z.ZodMiniType;

/** Who may call a route. `roles` always lists every allowed role explicitly. */
export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export interface RouteDef {
  method: HttpMethod;
  /** OpenAPI-style path with `{param}` placeholders. */
  path: string;
  summary: string;
  access: Access;
  /** Served only by the local stack; never registered in the deployed API. */
  localOnly?: boolean;
  /** Never log who called: a resident writing or following a letter may be anonymous. */
  unloggedCaller?: true;
  /**
   * A download: the implementation's 200 body is `{filename, contentType, base64}` and the edge sends those
   * bytes with this content type (which the OpenAPI document states), not JSON.
   */
  produces?: FileKind;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Every status the route answers. defineRoute adds `commonErrors` to a role-protected route's own list. */
  responses: Record<number, Schema>;
}

/** The files export routes send. */
export const FILE_CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  /** UTF-8 with a BOM, so Excel shows the Chinese. */
  csv: 'text/csv; charset=utf-8',
} as const;
export type FileKind = keyof typeof FILE_CONTENT_TYPES;

/** Error responses every authenticated route can return. */
export const commonErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
} as const;
export type CommonErrors = typeof commonErrors;

/** `B`'s entries over `A`'s, as one object type. */
type Merge<A, B> = { [K in keyof A | keyof B]: K extends keyof B ? B[K] : K extends keyof A ? A[K] : never };

/** A route as defineRoute returns it: a role-protected route also answers the common errors. */
export type DefinedRoute<R extends RouteDef> = R['access'] extends { kind: 'roles' }
  ? { [K in keyof R]: K extends 'responses' ? Merge<CommonErrors, R['responses']> : R[K] }
  : R;

/**
 * Declares a route. A role-protected route lists only its success responses and any errors beyond
 * `commonErrors` (409, 429, …): the common ones are added here, so the server, the typed client and
 * the OpenAPI document all see them. A public route answers exactly the responses it lists.
 */
export function defineRoute<const R extends RouteDef>(route: R): DefinedRoute<R> {
  if (route.access.kind === 'public') return route as DefinedRoute<R>;
  return { ...route, responses: { ...commonErrors, ...route.responses } } as DefinedRoute<R>;
}

export const publicAccess = { kind: 'public' } as const;
export function rolesAccess<const T extends readonly Role[]>(...roles: T) {
  return { kind: 'roles', roles } as const;
}

type InferOr<S, D> = S extends Schema ? z.infer<S> : D;
type InputOf<S> = S extends Schema ? z.input<S> : never;

export type RouteParams<R extends RouteDef> = InferOr<R['params'], undefined>;
export type RouteQuery<R extends RouteDef> = InferOr<R['query'], undefined>;
export type RouteBody<R extends RouteDef> = InferOr<R['body'], undefined>;

/** What a client must send: only the parts the route declares. */
export type RouteInput<R extends RouteDef> = (R['params'] extends Schema ? { params: InputOf<R['params']> } : { params?: undefined }) &
  (R['query'] extends Schema ? { query?: InputOf<R['query']> } : { query?: undefined }) &
  (R['body'] extends Schema ? { body: InputOf<R['body']> } : { body?: undefined });

/** A response as a discriminated union on status, typed by the contract. */
export type RouteResponse<R extends RouteDef> = {
  [S in keyof R['responses'] & number]: { status: S; body: z.infer<R['responses'][S]> };
}[keyof R['responses'] & number];

/** The subset a route implementation may return (anything but errors, which are thrown). */
export type RouteSuccess<R extends RouteDef> = Extract<RouteResponse<R>, { status: 200 | 201 | 202 | 204 }>;
