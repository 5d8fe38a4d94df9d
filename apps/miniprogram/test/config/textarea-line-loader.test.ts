import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const loader = require('../../config/textarea-line-loader.cjs') as (this: { resourcePath: string }, source: string) => string;
const taroTextarea = require.resolve('@tarojs/components/dist/components/taro-textarea-core.js');

describe('H5 build: Taro Textarea line counting (config/textarea-line-loader.cjs)', () => {
  const run = (source: string) => loader.call({ resourcePath: taroTextarea }, source);

  it('makes the installed Taro Textarea count lines only with autoHeight', () => {
    const out = run(readFileSync(taroTextarea, 'utf8'));
    expect(out).toContain(
      'this.handleLineChange = () => {\n      if (!this.autoHeight) return;\n      const line = this.getNumberOfLines();',
    );
    // The rest of the component is untouched.
    expect(out.replace('      if (!this.autoHeight) return;\n', '')).toBe(readFileSync(taroTextarea, 'utf8'));
  });

  it('fails the build when Taro changes that code, so an upgrade is looked at', () => {
    expect(() => run('export const x = 1;')).toThrow(/no longer measures lines as expected/);
  });
});
