import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { createStacks } from '../lib/chuangxing-app';
import { readSettings } from '../lib/context';

// One real synth with bundling on: proves the local esbuild (no Docker) turns the handler into a
// minified CJS bundle with a source map, exactly as `npm run synth` does.
describe('API bundle (local esbuild)', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cx-infra-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('bundles api.handler.ts into index.js + index.js.map', () => {
    const app = new App({ outdir, context: { region: 'cn-north-1', 'aws:cdk:bundling-stacks': ['**'] } });
    createStacks(app, readSettings(app.node));
    app.synth();

    const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
    const bundles = assets.filter((d) => existsSync(path.join(outdir, d, 'index.js')));
    expect(bundles).toHaveLength(1);
    const dir = path.join(outdir, bundles[0]);
    const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(existsSync(path.join(dir, 'index.js.map'))).toBe(true);
    expect(code).toContain('sourceMappingURL=index.js.map');
    expect(code).toContain('handler');
    // CJS output, not ESM.
    expect(code).toMatch(/module\.exports/);
    expect(code).not.toMatch(/^export /m);
  });
});
