/**
 * `npm run gen:route-index`: writes, from the contract, packages/shared/src/route-index.ts (every route's method,
 * path and feature) and packages/shared/src/client-routes.ts (every route's method, path and whether it takes the
 * token, by name), both without schemas. An API function carries the first instead of the whole contract, so it
 * can answer a route that another function serves with a clean 404 (and 405 with `Allow`); the typed client is
 * built from the second, so the mini-program's pages do not carry every schema.
 * It also writes apps/functions/src/features/meta/openapi-document.ts: the OpenAPI document, compressed, so the
 * core function serves it without carrying every feature's schemas.
 * apps/functions/test/unit/route-index.test.ts fails when any of them is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOpenApiDocument } from '../apps/functions/src/local/render-openapi-document';
import { renderClientRoutes, renderRouteIndex } from '../packages/shared/src/route-index-source';

for (const [file, text] of [
  ['route-index.ts', renderRouteIndex()],
  ['client-routes.ts', renderClientRoutes()],
] as const) {
  const target = join(__dirname, '../packages/shared/src', file);
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}

const documentFile = join(__dirname, '../apps/functions/src/features/meta/openapi-document.ts');
writeFileSync(documentFile, renderOpenApiDocument());
console.log(`wrote ${documentFile}`);
