import type { IProjectConfig } from '@tarojs/taro/types/compile';

/** The webpack-chain object Taro hands to `webpackChain`. */
export type WebpackChain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['mini']>['webpackChain']>>[0];
