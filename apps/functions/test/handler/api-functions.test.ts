import * as path from 'node:path';
import { type FeatureName, ROUTE_INDEX } from '@chuangxing/shared';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_FEATURES } from '../../src/handlers/all-features';
import { createApiApp } from '../../src/handlers/api-app';
import { API_FUNCTION_NAMES, API_FUNCTIONS, type ApiFunctionName, functionOfFeature } from '../../src/handlers/api-functions';
import { parseConfig } from '../../src/platform/config/config';
import type { FeatureModule } from '../../src/platform/http/feature';
import { silentLogger } from '../../src/platform/observability/logger';
import { createWiring } from '../../src/platform/wiring';
import { apiEvent } from '../support/events';
import { createTestStack, DEMO, TEST_SIGNING_KEY, type TestStack } from '../support/test-stack';

const SRC = path.resolve(__dirname, '../../src');
const REPO = path.resolve(__dirname, '../../../..');

const CONTRACTS = path.resolve(REPO, 'packages/shared/src/contracts');

/**
 * The sources esbuild keeps in an API function's bundle, as CDK bundles it: the functions' own (relative to
 * src → bytes) and the contract files of packages/shared (file names).
 */
async function bundledSources(name: ApiFunctionName): Promise<{ sources: Map<string, number>; contracts: string[] }> {
  const out = await build({
    absWorkingDir: REPO,
    entryPoints: [path.join(SRC, 'handlers', `${name}-api.handler.ts`)],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    outfile: 'index.js',
    external: ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'],
    supported: { 'dynamic-import': false },
  });
  const output = Object.values(out.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error(`no bundle for ${name}`);
  const kept = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0);
  return {
    sources: new Map(
      kept
        .filter(([file]) => path.resolve(REPO, file).startsWith(SRC))
        .map(([file, { bytesInOutput }]) => [path.relative(SRC, path.resolve(REPO, file)), bytesInOutput]),
    ),
    contracts: kept.filter(([file]) => path.resolve(REPO, file).startsWith(CONTRACTS)).map(([file]) => path.basename(file)),
  };
}

const featureOf = (file: string) => /^features\/([^/]+)\//.exec(file)?.[1];
/** What a function may carry of a feature it does not serve: how to read it (readers, wiring, entities, adapters, its domain types). */
const READ_SIDE = /\.(readers|wiring|entities|dynamodb)\.ts$|-repository\.ts$|^features\/[^/]+\/cached-[a-z-]+\.ts$/;
/** Domain every function may need: authenticating the caller, the standards in force, an org or letter type's helpers. */
/**
 * Contract types a function reads through another feature's reader: the ranking takes the daily deadline from the
 * reports; the export reads a ranking version (its readers and quarter path) from the rankings; planning reads
 * applications through the stars' application repository, whose rules default from the stars contract.
 */
const READ_CONTRACTS: Partial<Record<ApiFunctionName, string[]>> = {
  rankings: ['reports.schemas.ts'],
  reports: ['rankings.schemas.ts'],
  planning: ['stars.contract.ts', 'stars.schemas.ts'],
};
const SHARED_DOMAIN = new Set([
  'features/identity/load-principal.ts',
  'features/catalogue/catalogue.ts',
  'features/catalogue/sample-catalogue.ts',
  'features/mailbox/letter.ts',
  'features/org/org.ts',
]);

describe('each API function bundles only the features api-functions.ts gives it', () => {
  const bundled = {} as Record<ApiFunctionName, Map<string, number>>;
  const contracts = {} as Record<ApiFunctionName, string[]>;
  beforeAll(async () => {
    for (const f of API_FUNCTION_NAMES) ({ sources: bundled[f], contracts: contracts[f] } = await bundledSources(f));
  }, 120_000);

  it('every feature is served by exactly one function', () => {
    const listed = API_FUNCTION_NAMES.flatMap((f) => [...API_FUNCTIONS[f]]);
    expect([...listed].sort()).toEqual(ALL_FEATURES.map((f) => f.name).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('a function carries the routes and use cases of its own features only', () => {
    for (const f of API_FUNCTION_NAMES) {
      const own = new Set<string>(API_FUNCTIONS[f]);
      const files = [...bundled[f].keys()];
      for (const feature of own) {
        if (feature === 'meta') continue;
        expect(files, `${f} serves ${feature}`).toEqual(expect.arrayContaining([`features/${feature}/${feature}.routes.ts`]));
      }
      const foreign = files.filter((file) => {
        const feature = featureOf(file);
        return feature !== undefined && !own.has(feature) && !READ_SIDE.test(file) && !SHARED_DOMAIN.has(file);
      });
      // Of another feature only how to read it comes along: never its routes or use cases.
      expect(foreign, f).toEqual([]);
    }
  });

  it('carries only the contract of its own features (ROUTE_INDEX knows the other paths); core serves the OpenAPI document generated with the contract', () => {
    const schemaFiles = (feature: string) => [`${feature}.contract.ts`, `${feature}.schemas.ts`];
    for (const f of API_FUNCTION_NAMES) {
      const allowed = new Set([
        'common.contract.ts',
        'user-text.ts',
        ...(API_FUNCTIONS[f] as readonly string[]).flatMap(schemaFiles),
        ...(READ_CONTRACTS[f] ?? []),
      ]);
      expect(
        contracts[f].filter((file) => !allowed.has(file)),
        f,
      ).toEqual([]);
      for (const feature of API_FUNCTIONS[f]) expect(contracts[f], f).toContain(`${feature}.contract.ts`);
    }
    // The document is embedded compressed (features/meta/openapi-document.ts), not built from every schema.
    expect(contracts.core).not.toContain('mailbox.contract.ts');
    expect(contracts.core).not.toContain('rankings.contract.ts');
    expect(ROUTE_INDEX.length).toBeGreaterThan(100);
  });
});

describe('API functions on DynamoDB Local', () => {
  let stack: TestStack;
  let admin: string;
  const apps = {} as Record<ApiFunctionName, ReturnType<typeof createApiApp>>;
  const served = {} as Record<ApiFunctionName, FeatureModule[]>;
  beforeAll(async () => {
    stack = await createTestStack({ devLogin: false });
    const config = parseConfig({
      CX_STAGE: 'test',
      CX_TABLE_NAME: stack.tableName,
      CX_DYNAMODB_ENDPOINT: stack.endpoint,
      CX_DEV_LOGIN: 'off',
      CX_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY,
    });
    for (const f of API_FUNCTION_NAMES) {
      const names = API_FUNCTIONS[f] as readonly FeatureName[];
      served[f] = ALL_FEATURES.filter((m) => names.includes(m.name));
      // Each function wires only its own features, from a wiring of its own, as in Lambda.
      const w = createWiring(config, { tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret: '' }, undefined, {
        objectStorage: stack.storage,
      });
      apps[f] = createApiApp(w, { logger: silentLogger, features: served[f] });
    }
    admin = await stack.tokenFor(DEMO.district_admin);
  });
  const call = async (f: ApiFunctionName, method: string, p: string, token?: string) => {
    const res = await apps[f].handle(apiEvent(method, p, { token }));
    return { status: res.statusCode ?? 0, body: res.body ? JSON.parse(res.body) : undefined };
  };

  it('each serves its own routes', async () => {
    expect((await call('core', 'GET', '/v1/me', admin)).status).toBe(200);
    expect((await call('core', 'GET', '/v1/catalogue', admin)).status).toBe(200);
    expect((await call('mailbox', 'GET', '/v1/letters/stats', admin)).status).toBe(200);
    expect((await call('reports', 'GET', '/v1/daily-rules', admin)).status).toBe(200);
    expect((await call('work', 'GET', '/v1/board/2026', admin)).status).toBe(200);
    expect((await call('rankings', 'GET', '/v1/scoring', admin)).status).toBe(200);
    expect((await call('rankings', 'GET', '/v1/rankings/2026-Q3/versions', admin)).status).toBe(200);
    expect((await call('learning', 'GET', '/v1/news', admin)).status).toBe(200);
    expect((await call('learning', 'GET', '/v1/learning/tests', admin)).status).toBe(200);
    expect((await call('learning', 'GET', '/v1/questionnaires', admin)).status).toBe(200);
    expect((await call('stars', 'GET', '/v1/star-rules', admin)).status).toBe(200);
  });

  it('answers 404 NOT_FOUND, before any auth, for a contract route another function serves', async () => {
    for (const [f, p] of [
      ['core', '/v1/scoring'],
      ['core', '/v1/news'],
      ['rankings', '/v1/me'],
      ['rankings', '/v1/learning/tests'],
      ['learning', '/v1/rankings/2026-Q3/versions'],
      ['learning', '/health'],
      ['mailbox', '/v1/board/2026'],
      ['work', '/v1/letters/stats'],
      ['work', '/v1/inspections'],
      ['field', '/v1/board/2026'],
      ['work', '/v1/star-applications'],
      ['stars', '/v1/board/2026'],
    ] as const) {
      const res = await call(f, 'GET', p);
      expect([f, p, res.status, res.body.code]).toEqual([f, p, 404, 'NOT_FOUND']);
    }
    // Unknown paths stay ROUTE_NOT_FOUND everywhere.
    expect((await call('rankings', 'GET', '/v1/nope')).body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('binds each feature to exactly its own ports: another feature’s repository is not there, and none is missing', () => {
    const config = parseConfig({ CX_STAGE: 'test', CX_TABLE_NAME: 'unused', CX_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY });
    const w = createWiring(config, { tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret: '' }, undefined, { objectStorage: stack.storage });
    const rankings = served.rankings[0].bind(w).deps as Record<string, unknown>;
    expect(rankings.rankings).toBeDefined();
    expect('letters' in rankings).toBe(false);
    for (const f of API_FUNCTION_NAMES) {
      for (const feature of served[f]) {
        const deps = feature.bind(w).deps as Record<string, unknown>;
        expect(
          Object.entries(deps).filter(([, v]) => v === undefined),
          `${f}/${feature.name}`,
        ).toEqual([]);
      }
    }
  });

  it('maps every feature to the function that serves it', () => {
    expect(functionOfFeature('mailbox')).toBe('mailbox');
    expect(functionOfFeature('study-review')).toBe('work');
    expect(functionOfFeature('inspections')).toBe('field');
    expect(functionOfFeature('observations')).toBe('field');
    expect(functionOfFeature('meta')).toBe('core');
    expect(functionOfFeature('stars')).toBe('stars');
    expect(functionOfFeature('liaison')).toBe('planning');
    expect(functionOfFeature('creation-plans')).toBe('planning');
  });
});
