/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own environment variable; decides minification of the build. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** The mini-program appid of this build (see Taro env-mode config). */
    TARO_APP_ID: string;
  }
}

/** Build-time API base for weapp (defineConstants in config/index.ts). */
declare const CX_BUILD_API_BASE: string;
/** Build-time switch: offer the local demo-user login in weapp. */
declare const CX_BUILD_DEV_LOGIN: boolean;
/** Build-time 订阅消息 template id of the daily-report reminder (env CX_REMINDER_TEMPLATE_ID); '' when none. */
declare const CX_BUILD_REMINDER_TEMPLATE_ID: string;

interface Window {
  /** Injected by the local static server into index.html: the API base URL for H5. */
  CX_API_BASE?: string;
  /** Injected by the local static server: the API offers demo-user login. */
  CX_DEV_LOGIN?: boolean;
}
