import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {
    // Fast refresh would need react-refresh and @pmmmwh/react-refresh-webpack-plugin,
    // which the workspace does not install; `dev:h5` rebuilds and reloads instead.
    devServer: { hot: false },
  },
} satisfies UserConfigExport<'webpack5'>;
