/**
 * One API function per bounded context (docs/benchmarks.md): each function bundles only its own routes,
 * use cases and adapters. A route belongs to a context by its path; everything that is not rankings or
 * learning is core (auth, org, reports, letters, plans, inspections, … and the local-only dev routes).
 * infra/lib/stateless-stack.ts wires every HTTP API route to the function of its context with this map.
 */
export const API_CONTEXTS = ['core', 'rankings', 'learning'] as const;
export type ApiContext = (typeof API_CONTEXTS)[number];

/** Path prefixes (a whole segment: `/v1/news` and `/v1/news/…`, never `/v1/newsletter`) per non-core context. */
export const CONTEXT_PREFIXES: Readonly<Record<Exclude<ApiContext, 'core'>, readonly string[]>> = {
  rankings: ['/v1/rankings', '/v1/scoring'],
  learning: ['/v1/learning', '/v1/questionnaires', '/v1/news', '/v1/uploads/news'],
};

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The context that serves a contract path (`/v1/rankings/{quarter}` → rankings). */
export function contextOfPath(path: string): ApiContext {
  for (const context of ['rankings', 'learning'] as const) {
    if (CONTEXT_PREFIXES[context].some((prefix) => under(path, prefix))) return context;
  }
  return 'core';
}
