import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, run } from './processes';

/**
 * The floor of the weapp main package: a bare Taro 4 + React app (one page with a View and a Text, no API, no
 * contract), built with the same Taro, React and build options as the mini-program, in the same bench run.
 * It is written under apps/miniprogram/.artifacts (git-ignored) so that it resolves the mini-program's
 * node_modules (the React framework plugin is installed there).
 */
export const FLOOR_DIR = join(ROOT, 'apps/miniprogram/.artifacts/taro-floor');

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'taro-floor', private: true, version: '0.0.0' }, null, 2),
  'project.config.json': JSON.stringify({ miniprogramRoot: './dist', appid: 'touristappid', compileType: 'miniprogram' }, null, 2),
  'babel.config.js': `module.exports = { presets: [['taro', { framework: 'react', ts: false, compiler: 'webpack5', hot: false }]] };\n`,
  'config/index.js': `module.exports = function () {
  return {
    projectName: 'taro-floor',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: 'dist',
    plugins: [],
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      optimizeMainPackage: { enable: true },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  };
};
`,
  'src/app.js': `import { useLaunch } from '@tarojs/taro';

export default function App({ children }) {
  useLaunch(() => undefined);
  return children;
}
`,
  'src/app.config.js': `export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'floor' } });\n`,
  'src/pages/index/index.config.js': `export default definePageConfig({ navigationBarTitleText: 'floor' });\n`,
  'src/pages/index/index.jsx': `import { Text, View } from '@tarojs/components';
import { useState } from 'react';

export default function Index() {
  const [n, setN] = useState(0);
  return (
    <View onClick={() => setN(n + 1)}>
      <Text>{n}</Text>
    </View>
  );
}
`,
};

/** Writes the floor app and builds it for weapp; resolves with its dist folder. */
export async function buildTaroFloor(): Promise<{ dist: string; ms: number }> {
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    const path = join(FLOOR_DIR, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const taro = join(ROOT, 'node_modules/@tarojs/cli/bin/taro');
  const res = await run(process.execPath, [taro, 'build', '--type', 'weapp'], {
    cwd: FLOOR_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    timeoutMs: 300_000,
  });
  if (res.code !== 0) throw new Error(`the Taro floor app failed to build (${res.code}):\n${res.out.slice(-3000)}`);
  return { dist: join(FLOOR_DIR, 'dist'), ms: res.ms };
}
