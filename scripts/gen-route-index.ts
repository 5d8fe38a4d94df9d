/**
 * `npm run gen:route-index`: writes packages/shared/src/route-index.ts, every contract route's method, path
 * and feature without its schemas. An API function carries this small table instead of the whole contract,
 * so it can answer a route that another function serves with a clean 404 (and 405 with `Allow`).
 * packages/shared/test/route-index.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRouteIndex } from '../packages/shared/src/route-index-source';

const target = join(__dirname, '../packages/shared/src/route-index.ts');
writeFileSync(target, renderRouteIndex());
console.log(`wrote ${target}`);
