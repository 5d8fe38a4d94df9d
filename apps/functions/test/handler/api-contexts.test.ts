import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeCoreDeps } from '../../src/handlers/compose-core';
import { composeLearningDeps } from '../../src/handlers/compose-learning';
import { composeRankingDeps } from '../../src/handlers/compose-rankings';
import { coreImplementations } from '../../src/handlers/core-routes';
import { learningImplementations } from '../../src/handlers/learning-routes';
import { rankingImplementations } from '../../src/handlers/rankings-routes';
import { API_CONTEXTS, type ApiContext } from '../../src/handlers/route-contexts';
import { parseConfig } from '../../src/platform/config/config';
import { createContextApp } from '../../src/platform/http/context-app';
import type { Deps } from '../../src/platform/kernel/deps';
import { silentLogger } from '../../src/platform/observability/logger';
import { apiEvent } from '../support/events';
import { createTestStack, DEMO, TEST_SIGNING_KEY, type TestStack } from '../support/test-stack';

const SRC = path.resolve(__dirname, '../../src');
const REPO = path.resolve(__dirname, '../../../..');
const composers = { core: composeCoreDeps, rankings: composeRankingDeps, learning: composeLearningDeps };
const entries: Record<ApiContext, string> = {
  core: 'api.handler.ts',
  rankings: 'rankings-api.handler.ts',
  learning: 'learning-api.handler.ts',
};

/** The sources esbuild keeps in a context function's bundle (relative to src → bytes), as CDK bundles it. */
async function bundledSources(context: ApiContext): Promise<Map<string, number>> {
  const out = await build({
    absWorkingDir: REPO,
    entryPoints: [path.join(SRC, 'handlers', entries[context])],
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
  });
  const output = Object.values(out.metafile.outputs).find((o) => o.entryPoint)!;
  return new Map(
    Object.entries(output.inputs)
      .filter(([file, { bytesInOutput }]) => bytesInOutput > 0 && path.resolve(REPO, file).startsWith(SRC))
      .map(([file, { bytesInOutput }]) => [path.relative(SRC, path.resolve(REPO, file)), bytesInOutput]),
  );
}

describe('each API function bundles only its own context', () => {
  const bundled = {} as Record<ApiContext, string[]>;
  const bytes = {} as Record<ApiContext, Map<string, number>>;
  beforeAll(async () => {
    for (const c of API_CONTEXTS) {
      bytes[c] = await bundledSources(c);
      bundled[c] = [...bytes[c].keys()];
    }
  }, 60_000);

  const RANKING = /ranking|scoring/;
  const LEARNING = /learning|questionnaire|news/;
  const CORE_ONLY = /letter|invitation|report-repository|catalogue|study-review|wechat-client|sealing|board|meeting|compliance/;

  it('rankings: no learning, news, letter or other core feature code', () => {
    // The ranking reads the letters' 三率 counters by their keys (scoring-inputs.dynamodb.ts → letterKeys):
    // tree-shaking keeps only the key layout of those two files, not the letter repository.
    const letterKeyLayout = ['features/mailbox/letter-repository.dynamodb.ts', 'features/mailbox/letter.ts'];
    for (const f of letterKeyLayout) expect(bytes.rankings.get(f) ?? 0, f).toBeLessThan(1024);
    expect(bundled.rankings.filter((f) => (LEARNING.test(f) || CORE_ONLY.test(f)) && !letterKeyLayout.includes(f))).toEqual([]);
    expect(bundled.rankings).toEqual(expect.arrayContaining(['features/rankings/rankings.ts', 'features/rankings/scoring-readers.ts']));
  });

  it('learning: no ranking or core feature code', () => {
    expect(bundled.learning.filter((f) => RANKING.test(f) || CORE_ONLY.test(f))).toEqual([]);
    expect(bundled.learning).toEqual(expect.arrayContaining(['features/learning/test-sessions.ts', 'features/news/news.ts']));
  });

  it('core: no ranking or learning code', () => {
    expect(bundled.core.filter((f) => RANKING.test(f) || LEARNING.test(f))).toEqual([]);
    expect(bundled.core).toEqual(expect.arrayContaining(['features/mailbox/write-letter.ts', 'features/plans/manage-plan.ts']));
  });

  it('wires every port the bundled code reaches for (deps.x or Pick<Deps, …>)', () => {
    const config = parseConfig({ CX_STAGE: 'test', CX_TABLE_NAME: 'unused', CX_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY });
    for (const c of API_CONTEXTS) {
      const wired = new Set(Object.keys(composers[c](config, { tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret: '' })));
      const used = new Set<string>();
      for (const file of bundled[c]) {
        const text = readFileSync(path.join(SRC, file), 'utf8');
        for (const m of text.matchAll(/\bdeps\.(\w+)/g)) used.add(m[1]);
        for (const m of text.matchAll(/Pick<Deps,([^>]+)>/g)) for (const k of m[1].matchAll(/'(\w+)'/g)) used.add(k[1]);
      }
      expect(used.size, c).toBeGreaterThan(3);
      expect(
        [...used].filter((k) => !wired.has(k)),
        c,
      ).toEqual([]);
    }
  });
});

describe('context apps on DynamoDB Local', () => {
  let stack: TestStack;
  let apps: Record<ApiContext, ReturnType<typeof createContextApp>>;
  let admin: string;
  beforeAll(async () => {
    stack = await createTestStack({ devLogin: false });
    const config = parseConfig({
      CX_STAGE: 'test',
      CX_TABLE_NAME: stack.tableName,
      CX_DYNAMODB_ENDPOINT: stack.endpoint,
      CX_DEV_LOGIN: 'off',
      CX_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY,
    });
    const secrets = { tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret: '' };
    apps = {
      core: createContextApp({
        deps: composeCoreDeps(config, secrets),
        corsOrigins: [],
        logger: silentLogger,
        implementations: coreImplementations,
      }),
      rankings: createContextApp({
        deps: composeRankingDeps(config, secrets),
        corsOrigins: [],
        logger: silentLogger,
        implementations: rankingImplementations,
      }),
      learning: createContextApp({
        deps: composeLearningDeps(config, secrets),
        corsOrigins: [],
        logger: silentLogger,
        implementations: learningImplementations,
      }),
    };
    admin = await stack.tokenFor(DEMO.district_admin);
  });
  const call = async (c: ApiContext, method: string, p: string, token?: string) => {
    const res = await apps[c].handle(apiEvent(method, p, { token }));
    return { status: res.statusCode!, body: res.body ? JSON.parse(res.body) : undefined };
  };

  it('each serves its own routes with only its own ports', async () => {
    expect((await call('core', 'GET', '/v1/me', admin)).status).toBe(200);
    expect((await call('core', 'GET', '/v1/letters/stats', admin)).status).toBe(200);
    expect((await call('rankings', 'GET', '/v1/scoring', admin)).status).toBe(200);
    expect((await call('rankings', 'GET', '/v1/rankings/2026-Q3/versions', admin)).status).toBe(200);
    expect((await call('learning', 'GET', '/v1/news', admin)).status).toBe(200);
    expect((await call('learning', 'GET', '/v1/learning/tests', admin)).status).toBe(200);
    expect((await call('learning', 'GET', '/v1/questionnaires', admin)).status).toBe(200);
  });

  it('answers 404 NOT_FOUND, before any auth, for a contract route of another context', async () => {
    for (const [c, p] of [
      ['core', '/v1/scoring'],
      ['core', '/v1/news'],
      ['rankings', '/v1/me'],
      ['rankings', '/v1/learning/tests'],
      ['learning', '/v1/rankings/2026-Q3/versions'],
      ['learning', '/health'],
    ] as const) {
      const res = await call(c, 'GET', p);
      expect([c, p, res.status, res.body.code]).toEqual([c, p, 404, 'NOT_FOUND']);
    }
    // Unknown paths stay ROUTE_NOT_FOUND everywhere.
    expect((await call('rankings', 'GET', '/v1/nope')).body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('a port of another context fails loudly instead of being undefined', () => {
    const deps: Deps = composeRankingDeps(
      parseConfig({ CX_STAGE: 'test', CX_TABLE_NAME: 'unused', CX_TOKEN_SIGNING_KEY: TEST_SIGNING_KEY }),
      { tokenSigningKey: TEST_SIGNING_KEY, wechatAppSecret: '' },
    );
    expect(() => deps.letters).toThrow(/port "letters" is not wired in the rankings API function/);
    expect(deps.rankings).toBeDefined();
  });
});
