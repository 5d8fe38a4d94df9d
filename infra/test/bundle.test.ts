import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { API_FUNCTION_NAMES, apiFunctionId } from '../lib/api-functions';
import { createStacks } from '../lib/chuangxing-app';
import { readSettings } from '../lib/context';
import { cdkJsonContext } from './helpers';

// One real synth with bundling on: proves the local esbuild (no Docker) turns each handler into a
// minified CJS bundle with a source map, exactly as `npm run synth` does.
describe('Lambda bundles (local esbuild)', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cx-infra-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  // The feature flags of cdk.json, as `npm run synth` has them (S3 access logs rely on one of them).
  const app = new App({ outdir, context: { ...cdkJsonContext, region: 'cn-north-1', 'aws:cdk:bundling-stacks': ['**'] } });
  const { stateless } = createStacks(app, readSettings(app.node));
  app.synth();
  const template = JSON.parse(readFileSync(path.join(outdir, `${stateless.stackName}.template.json`), 'utf8'));
  /** The asset folder of the function whose logical id starts with `prefix`. */
  const assetOf = (prefix: string) => {
    const [fn] = Object.entries(template.Resources as Record<string, any>).filter(
      ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith(prefix),
    );
    return path.join(outdir, `asset.${String(fn[1].Properties.Code.S3Key).replace(/\.zip$/, '')}`);
  };

  // The API budget (docs/benchmarks.md, scripts/bench.ts): 250 KB per API function; the jobs stay under 400 KB.
  for (const [name, prefix, budgetKb] of [
    ...API_FUNCTION_NAMES.map((n) => [`${n}-api.handler.ts`, apiFunctionId(n), 250] as const),
    ['reminder.handler.ts', 'ReminderFunction', 400],
    ['ranking.handler.ts', 'RankingFunction', 400],
  ] as const) {
    it(`bundles ${name} into index.js + index.js.map (CJS, under ${budgetKb} KB)`, () => {
      const dir = assetOf(prefix);
      const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
      expect(existsSync(path.join(dir, 'index.js.map'))).toBe(true);
      expect(code).toContain('sourceMappingURL=index.js.map');
      expect(code).toContain('handler');
      // CJS output, not ESM.
      expect(code).toMatch(/module\.exports/);
      expect(code).not.toMatch(/^export /m);
      expect(statSync(path.join(dir, 'index.js')).size).toBeLessThan(budgetKb * 1024);
    });
  }

  const sdkOf = (prefix: string) => {
    const code = readFileSync(path.join(assetOf(prefix), 'index.js'), 'utf8');
    expect(code).not.toMatch(/require\("@aws-sdk\/s3-(presigned-post|request-presigner)"\)/);
    const required = new Set([...code.matchAll(/require\("(@aws-sdk\/[^"]+|@smithy\/[^"]+)"\)/g)].map((m) => m[1]));
    // signature-v4-crt only appears inside an error message text (SigV4a for multi-region access points, unused here).
    required.delete('@aws-sdk/signature-v4-crt');
    return [...required].sort();
  };

  /** SDK clients required only inside `Promise.resolve().then(…)`: loaded on first use, not at cold start. */
  const lazySdkOf = (prefix: string) => {
    const code = readFileSync(path.join(assetOf(prefix), 'index.js'), 'utf8');
    const lazy = new Set([...code.matchAll(/Promise\.resolve\(\)\.then\(\(\)=>\w+\(require\("(@aws-sdk\/[^"]+)"\)\)\)/g)].map((m) => m[1]));
    const eager = new Set([...code.matchAll(/(?<!\(\)=>\w{1,4}\()require\("(@aws-sdk\/[^"]+)"\)/g)].map((m) => m[1]));
    return { lazy: [...lazy].sort(), eager: [...eager].sort() };
  };

  it('loads at cold start only the DynamoDB clients; S3, KMS and Secrets Manager on first use', () => {
    for (const name of API_FUNCTION_NAMES) {
      const { eager, lazy } = lazySdkOf(apiFunctionId(name));
      expect(eager, name).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']);
      expect(lazy, name).toContain('@aws-sdk/client-secrets-manager');
    }
    expect(lazySdkOf('MailboxApiFunction').lazy).toEqual(['@aws-sdk/client-kms', '@aws-sdk/client-s3', '@aws-sdk/client-secrets-manager']);
  });

  it('leaves the SDK clients and the document client to the runtime, and needs no SDK presigner', () => {
    expect(sdkOf('MailboxApiFunction')).toEqual([
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-kms',
      '@aws-sdk/client-s3',
      '@aws-sdk/client-secrets-manager',
      '@aws-sdk/lib-dynamodb',
    ]);
  });

  it('gives each API function only the SDK clients it uses: only the mailbox seals (KMS), only photo features sign S3', () => {
    const base = ['@aws-sdk/client-dynamodb', '@aws-sdk/client-secrets-manager', '@aws-sdk/lib-dynamodb'];
    const withS3 = ['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3', '@aws-sdk/client-secrets-manager', '@aws-sdk/lib-dynamodb'];
    expect(sdkOf('CoreApiFunction')).toEqual(base);
    expect(sdkOf('RankingsApiFunction')).toEqual(base);
    expect(sdkOf('LearningApiFunction')).toEqual(withS3);
    expect(sdkOf('ReportsApiFunction')).toEqual(withS3);
    expect(sdkOf('WorkApiFunction')).toEqual(withS3);
  });
});
