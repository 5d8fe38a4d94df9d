import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss, { type AcceptedPlugin } from 'postcss';
import { describe, expect, it } from 'vitest';

// postcss-pxtransform (Taro's, untyped) runs the `#ifdef` / `#ifndef` platform blocks in the real builds.
const pxtransform = createRequire(import.meta.url)('postcss-pxtransform') as (options: object) => AcceptedPlugin;

// happy-dom replaces URL, so the path is built from the file's own path.
const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

/** Every selector of the stylesheet as Taro builds it for `platform`. */
function selectorsFor(file: string, platform: 'weapp' | 'h5'): string[] {
  const plugin = pxtransform({ platform, designWidth: 750, deviceRatio: { 640: 1.17, 750: 1, 375: 2, 828: 0.905 } });
  const root = postcss([plugin]).process(readFileSync(file, 'utf8'), { from: file }).root;
  const selectors: string[] = [];
  root.walkRules((rule) => {
    selectors.push(...rule.selectors);
  });
  return selectors;
}

/**
 * WeChat's WXSS compiler refuses the universal selector (`unexpected token "*"`), and attribute selectors are not
 * part of WXSS; either fails the whole app.wxss, so every page would lose the shared styles and 大字.
 */
describe('the weapp stylesheets', () => {
  it('have no universal or attribute selector once Taro has dropped the H5-only blocks', () => {
    const offending = cssFiles(SRC).flatMap((file) =>
      selectorsFor(file, 'weapp')
        .filter((s) => /\*|\[/.test(s))
        .map((s) => `${relative(SRC, file)}: ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('keep 大字 in the weapp by naming the components, while H5 keeps its universal rule', () => {
    const a11y = join(SRC, 'a11y.css');
    expect(selectorsFor(a11y, 'weapp')).toEqual(expect.arrayContaining(['.cx-page.cx-large view', '.cx-page.cx-large text']));
    expect(selectorsFor(a11y, 'h5')).toEqual(expect.arrayContaining(['.cx-large .cx-page *']));
    expect(selectorsFor(a11y, 'h5')).not.toContain('.cx-page.cx-large view');
  });
});
