import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { BuildStatsPlugin } from './build-stats';
import devConfig from './dev';
import { h5Chunks, offlineShell, precompress } from './h5-delivery';
import prodConfig from './prod';
import type { WebpackChain } from './webpack-chain';

/**
 * `@chuangxing/shared` is TypeScript source reached through the npm-workspace symlink
 * node_modules/@chuangxing/shared -> packages/shared. Webpack resolves symlinks to the real
 * path, which lies outside `src/`, so Taro's script rule would skip it; list it explicitly.
 * require.resolve follows the symlink too: this is the real packages/shared/src folder.
 */
const sharedSourceDir = path.dirname(require.resolve('@chuangxing/shared'));
const compile = { include: [sharedSourceDir] };

/**
 * zod 4 ships ES2020+ syntax (`?.`, `??`, `??=`), which old WeChat clients (iOS < 13.4
 * JavaScriptCore) cannot parse. Running zod through the full babel-preset-taro defeats
 * webpack's tree shaking (the bundle grows from ~50 KB to ~530 KB), so zod gets its own rule
 * that only lowers that syntax and leaves the ES modules alone.
 * The plugins come with @babel/preset-env, a dependency of babel-preset-taro.
 */
const isZodModule = (file: string) => /[\\/]node_modules[\\/]zod[\\/].*\.m?js$/.test(file);
const requireFromPresetEnv = createRequire(createRequire(require.resolve('babel-preset-taro')).resolve('@babel/preset-env'));
const requireFromRunner = createRequire(require.resolve('@tarojs/webpack5-runner'));
const lowerModernSyntax = {
  babelrc: false,
  configFile: false,
  compact: false,
  plugins: [
    '@babel/plugin-transform-optional-chaining',
    '@babel/plugin-transform-nullish-coalescing-operator',
    '@babel/plugin-transform-logical-assignment-operators',
    '@babel/plugin-transform-numeric-separator',
    '@babel/plugin-transform-optional-catch-binding',
    '@babel/plugin-transform-class-static-block',
    '@babel/plugin-transform-class-properties',
  ].map((name) => requireFromPresetEnv.resolve(name)),
};
/** CX_BUILD_STATS=<file>: write every chunk's files and modules there (config/build-stats.ts). */
function buildStats(chain: WebpackChain): void {
  const file = process.env.CX_BUILD_STATS;
  if (file) chain.plugin('cx-build-stats').use(BuildStatsPlugin, [path.resolve(file)]);
}

/** H5: Taro's Textarea skips its pixel-by-pixel line count unless `autoHeight` asks for it (see the loader). */
function quietTextareas(chain: WebpackChain): void {
  chain.module
    .rule('cx-textarea-lines')
    .test(/@tarojs[\\/]components[\\/]dist[\\/].*textarea[^\\/]*\.js$/)
    .use('lines')
    .loader(path.resolve(__dirname, 'textarea-line-loader.cjs'));
}

function lowerZodSyntax(chain: WebpackChain): void {
  chain.module
    .rule('cx-zod-syntax')
    .test(isZodModule)
    .use('babel')
    .loader(requireFromRunner.resolve('babel-loader'))
    .options(lowerModernSyntax);
}

/**
 * npm nests @tarojs/plugin-framework-react under apps/miniprogram/node_modules (its optional
 * vite peer conflicts with the root's vite), so @tarojs/taro-h5, which lives at the root and
 * imports its runtime, cannot find it. Point webpack at the nested copy.
 */
const frameworkReactDir = path.dirname(require.resolve('@tarojs/plugin-framework-react'));

/**
 * The weapp bundle has no `window`, so the API base is a build-time constant.
 * Production needs an HTTPS, ICP-filed domain that is also configured as a
 * "request 合法域名" in the WeChat admin console; the default below never resolves.
 * The H5 build reads `window.CX_API_BASE` at run time instead (see src/config/runtime-config.ts).
 */
const apiBase = process.env.CX_API_BASE || 'https://api.example.invalid';
/** Dev login in weapp only when explicitly asked for (WeChat devtools against the local stack). */
const devLogin = process.env.CX_DEV_LOGIN === '1' || process.env.CX_DEV_LOGIN === 'true';
/**
 * The 订阅消息 template of the daily-report reminder (WeChat console → 订阅消息). When set, the report form
 * asks for the user's consent on 提交 (WeChat only lets a tap ask); empty: never asked.
 */
const reminderTemplateId = process.env.CX_REMINDER_TEMPLATE_ID || '';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'chuangxing',
    date: '2025-11-27',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      CX_BUILD_API_BASE: JSON.stringify(apiBase),
      CX_BUILD_DEV_LOGIN: JSON.stringify(devLogin),
      CX_BUILD_REMINDER_TEMPLATE_ID: JSON.stringify(reminderTemplateId),
    },
    copy: {
      // weapp only: the sitemap app.config names (every page disallowed); the H5 site has none.
      patterns: process.env.TARO_ENV === 'h5' ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false,
    },
    mini: {
      compile,
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        lowerZodSyntax(chain);
        buildStats(chain);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      webpackChain(chain) {
        lowerZodSyntax(chain);
        buildStats(chain);
        quietTextareas(chain);
        chain.resolve.alias.set('@tarojs/plugin-framework-react', frameworkReactDir);
        // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of what it shares
        // with others; one chunk per subpackage and shared chunks by library instead (config/h5-delivery.ts).
        h5Chunks(chain);
        if (process.env.NODE_ENV === 'production') {
          offlineShell(chain);
          precompress(chain);
        }
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    // Local development build: no minification.
    return merge({}, baseConfig, devConfig);
  }
  // Production build: minified.
  return merge({}, baseConfig, prodConfig);
});
