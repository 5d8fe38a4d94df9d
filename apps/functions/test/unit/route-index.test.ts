import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_ROUTES, ROUTE_INDEX, routes, routesByFeature } from '@chuangxing/shared';
import { renderClientRoutes, renderRouteIndex } from '@chuangxing/shared/route-index-source';
import { describe, expect, it } from 'vitest';
import { embeddedOpenApiDocument } from '../../src/features/meta/embedded-openapi';
import { deployedOpenApiDocument } from '../../src/local/render-openapi-document';

describe('route index', () => {
  it('is the generated text of the current contract (run `npm run gen:route-index` after a contract change)', () => {
    expect(readFileSync(join(__dirname, '../../../../packages/shared/src/route-index.ts'), 'utf8')).toBe(renderRouteIndex());
  });

  it('the core function’s embedded OpenAPI document is the current contract’s, without local-only routes', () => {
    const embedded = embeddedOpenApiDocument();
    expect(embedded).toEqual(deployedOpenApiDocument());
    const paths = Object.keys(embedded.paths as Record<string, unknown>);
    expect(paths).toContain('/v1/letters');
    expect(paths).not.toContain('/v1/auth/dev-login');
  });

  it('names every route once, with its feature', () => {
    expect(ROUTE_INDEX).toHaveLength(Object.keys(routes).length);
    for (const [feature, featureRoutes] of Object.entries(routesByFeature)) {
      for (const r of Object.values(featureRoutes)) expect(ROUTE_INDEX).toContainEqual([r.method, r.path, feature]);
    }
    expect(new Set(ROUTE_INDEX.map(([m, p]) => `${m} ${p}`)).size).toBe(ROUTE_INDEX.length);
  });

  it('client-routes.ts is the generated text of the current contract too', () => {
    expect(readFileSync(join(__dirname, '../../../../packages/shared/src/client-routes.ts'), 'utf8')).toBe(renderClientRoutes());
  });

  it('gives the client every route by name, with its method, path and whether it takes the token', () => {
    expect(Object.keys(CLIENT_ROUTES).sort()).toEqual(Object.keys(routes).sort());
    for (const [name, r] of Object.entries(routes)) {
      expect(CLIENT_ROUTES[name as keyof typeof routes]).toEqual([r.method, r.path, r.access.kind === 'roles']);
    }
    // Both kinds occur, so a flipped flag would fail above.
    expect(CLIENT_ROUTES.getMe[2]).toBe(true);
    expect(CLIENT_ROUTES.devLogin[2]).toBe(false);
  });
});
