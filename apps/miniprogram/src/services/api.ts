import { type ApiClient, createApiClient, type Me, type Session, type Transport } from '@chuangxing/shared';
import Taro from '@tarojs/taro';
import { apiBaseUrl, isH5 } from '../config/runtime-config';
import { expectStatus, failureError, failureOf, NETWORK_ERROR_MESSAGE } from './api-failure';
import { sessionStore } from './session-store';
import { wechatPlatform } from './wechat-platform';

/** wx.request allows 60 s; village networks are slow, but a minute of spinner helps no one. */
const REQUEST_TIMEOUT_MS = 20_000;

type TaroMethod = NonNullable<Taro.request.Option['method']>;

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data === '') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    // A proxy's HTML error page: pass the text through; pages fall back to a generic message.
    return data;
  }
}

/**
 * Transport over Taro.request. Every HTTP status is data ({status, body}); only a request
 * that never got an answer (offline, DNS, timeout, blocked domain) rejects.
 * The body is fetched as text and parsed here, so weapp and H5 behave the same.
 */
export const taroTransport: Transport = async ({ method, url, headers, body }) => {
  let res: Taro.request.SuccessCallbackResult<string>;
  try {
    res = await Taro.request<string>({
      url,
      method: method as TaroMethod,
      header: headers,
      data: body,
      dataType: 'text',
      responseType: 'text',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch {
    throw failureError({ message: NETWORK_ERROR_MESSAGE });
  }
  return { status: res.statusCode, body: parseBody(res.data) };
};

let reauthInFlight: Promise<boolean> | undefined;

/**
 * Called by the client once on a 401. weapp: a silent WeChat login. H5 has no silent login
 * (the user picks a demo user again), so the stale session is dropped.
 * Concurrent 401s share one login.
 */
export function reauthenticate(): Promise<boolean> {
  if (isH5()) {
    sessionStore.clear();
    return Promise.resolve(false);
  }
  if (!reauthInFlight) {
    reauthInFlight = loginWithWechat()
      .then(
        () => true,
        () => {
          sessionStore.clear();
          return false;
        },
      )
      .finally(() => {
        reauthInFlight = undefined;
      });
  }
  return reauthInFlight;
}

/** THE typed API client of the mini-program. */
export const api: ApiClient = createApiClient({
  // Read once at start-up; in H5 the injected <script> in index.html has run by then.
  baseUrl: apiBaseUrl(),
  transport: taroTransport,
  getToken: () => sessionStore.token(),
  reauthenticate,
});

/** wx.login (through the platform adapter) → POST /v1/auth/wechat → stored session. Rejects with a Failure. */
export async function loginWithWechat(): Promise<Session> {
  const platform = wechatPlatform();
  let code: string;
  try {
    code = await platform.loginCode();
  } catch (err) {
    // A browser says why it cannot (pick a demo user); in WeChat a failed wx.login is worth retrying.
    throw platform.signsInWithWechat ? failureError({ message: '微信登录失败，请稍后重试' }) : err;
  }
  const session = expectStatus(await api.loginWithWechat({ body: { code } }), 200);
  sessionStore.setSession(session);
  return session;
}

/**
 * Refresh the caller's profile and bindings. A 401 that survived re-login ends the session
 * (resolves undefined); any other failure rejects with a Failure.
 */
export async function refreshMe(): Promise<Me | undefined> {
  const res = await api.getMe({});
  if (res.status === 200) {
    sessionStore.setMe(res.body);
    return res.body;
  }
  if (res.status === 401) {
    sessionStore.clear();
    return undefined;
  }
  throw failureError(failureOf(res));
}
