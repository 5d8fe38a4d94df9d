// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // No react-refresh in dev H5 builds (see config/dev.ts).
        hot: false,
      },
    ],
  ],
};
