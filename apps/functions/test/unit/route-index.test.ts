import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTE_INDEX, routes, routesByFeature } from '@chuangxing/shared';
import { renderRouteIndex } from '@chuangxing/shared/route-index-source';
import { describe, expect, it } from 'vitest';

describe('route index', () => {
  it('is the generated text of the current contract (run `npm run gen:route-index` after a contract change)', () => {
    expect(readFileSync(join(__dirname, '../../../../packages/shared/src/route-index.ts'), 'utf8')).toBe(renderRouteIndex());
  });

  it('names every route once, with its feature', () => {
    expect(ROUTE_INDEX).toHaveLength(Object.keys(routes).length);
    for (const [feature, featureRoutes] of Object.entries(routesByFeature)) {
      for (const r of Object.values(featureRoutes)) expect(ROUTE_INDEX).toContainEqual([r.method, r.path, feature]);
    }
    expect(new Set(ROUTE_INDEX.map(([m, p]) => `${m} ${p}`)).size).toBe(ROUTE_INDEX.length);
  });
});
