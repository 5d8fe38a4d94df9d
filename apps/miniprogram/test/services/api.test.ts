import { describe, expect, it } from 'vitest';
import { api, taroTransport } from '../../src/services/api';
import { NETWORK_ERROR_MESSAGE } from '../../src/services/api-failure';
import { sessionStore } from '../../src/services/session-store';
import { taroMock } from '../mocks/taro';
import { makeMe, makeOrgTree, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

describe('taroTransport', () => {
  it('turns a Taro.request answer of any status into {status, body}', async () => {
    taroMock.request.mockResolvedValue({
      statusCode: 500,
      data: '{"code":"INTERNAL","message":"服务器开小差了"}',
      header: {},
      errMsg: 'request:ok',
    });

    const res = await taroTransport({
      method: 'POST',
      url: 'https://api.test.invalid/v1/invitations/redeem',
      headers: { 'content-type': 'application/json' },
      body: '{"code":"ABCDEFGH"}',
    });

    expect(res).toEqual({ status: 500, body: { code: 'INTERNAL', message: '服务器开小差了' } });
    expect(taroMock.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'https://api.test.invalid/v1/invitations/redeem',
        method: 'POST',
        header: { 'content-type': 'application/json' },
        data: '{"code":"ABCDEFGH"}',
        dataType: 'text',
      }),
    );
  });

  it('passes a non-JSON body through as text and an empty one as undefined', async () => {
    taroMock.request.mockResolvedValueOnce({ statusCode: 502, data: '<html>Bad Gateway</html>', header: {}, errMsg: 'request:ok' });
    taroMock.request.mockResolvedValueOnce({ statusCode: 204, data: '', header: {}, errMsg: 'request:ok' });

    await expect(taroTransport({ method: 'GET', url: 'https://x.invalid/a', headers: {} })).resolves.toEqual({
      status: 502,
      body: '<html>Bad Gateway</html>',
    });
    await expect(taroTransport({ method: 'GET', url: 'https://x.invalid/b', headers: {} })).resolves.toEqual({
      status: 204,
      body: undefined,
    });
  });

  it('rejects with a Chinese message when the request never got an answer', async () => {
    taroMock.request.mockRejectedValue({ errMsg: 'request:fail timeout' });

    await expect(taroTransport({ method: 'GET', url: 'https://x.invalid/a', headers: {} })).rejects.toMatchObject({
      message: NETWORK_ERROR_MESSAGE,
    });
  });
});

describe('api client', () => {
  it('sends the stored token and returns errors as data', async () => {
    sessionStore.setSession(makeSession({ token: 'tok-A' }));
    const server = fakeApi({ 'GET /v1/org/tree': errorReply(403, 'FORBIDDEN_ROLE', '您没有权限') });

    const res = await api.getOrgTree({});

    expect(res).toEqual({ status: 403, body: { code: 'FORBIDDEN_ROLE', message: '您没有权限' } });
    expect(server.sent[0].url).toBe('https://api.test.invalid/v1/org/tree');
    expect(server.sent[0].headers.authorization).toBe('Bearer tok-A');
  });

  it('weapp: on a 401 logs in with WeChat once and retries with the new token', async () => {
    sessionStore.setSession(makeSession({ token: 'expired' }));
    const tree = makeOrgTree();
    const server = fakeApi({
      'GET /v1/org/tree': (req) =>
        req.headers.authorization === 'Bearer fresh' ? { status: 200, body: tree } : errorReply(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /v1/auth/wechat': { status: 200, body: makeSession({ token: 'fresh', me: makeMe() }) },
    });

    const res = await api.getOrgTree({});

    expect(res).toEqual({ status: 200, body: tree });
    expect(taroMock.login).toHaveBeenCalledTimes(1);
    expect(server.calls('POST /v1/auth/wechat')[0].body).toEqual({ code: 'wx-code-1' });
    expect(server.calls('GET /v1/org/tree')).toHaveLength(2);
    expect(sessionStore.token()).toBe('fresh');
  });

  it('weapp: a second 401 after re-login is returned, not retried again', async () => {
    sessionStore.setSession(makeSession({ token: 'expired' }));
    const server = fakeApi({
      'GET /v1/org/tree': errorReply(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /v1/auth/wechat': { status: 200, body: makeSession({ token: 'fresh' }) },
    });

    const res = await api.getOrgTree({});

    expect(res.status).toBe(401);
    expect(server.calls('GET /v1/org/tree')).toHaveLength(2);
    expect(taroMock.login).toHaveBeenCalledTimes(1);
  });

  it('weapp: concurrent 401s share one WeChat login', async () => {
    sessionStore.setSession(makeSession({ token: 'expired' }));
    fakeApi({
      'GET /v1/org/tree': (req) =>
        req.headers.authorization === 'Bearer fresh'
          ? { status: 200, body: makeOrgTree() }
          : errorReply(401, 'UNAUTHENTICATED', '请先登录'),
      'GET /v1/me': (req) =>
        req.headers.authorization === 'Bearer fresh' ? { status: 200, body: makeMe() } : errorReply(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /v1/auth/wechat': { status: 200, body: makeSession({ token: 'fresh' }) },
    });

    const [a, b] = await Promise.all([api.getOrgTree({}), api.getMe({})]);

    expect([a.status, b.status]).toEqual([200, 200]);
    expect(taroMock.login).toHaveBeenCalledTimes(1);
  });

  it('weapp: a failed re-login ends the session and returns the 401', async () => {
    sessionStore.setSession(makeSession({ token: 'expired' }));
    fakeApi({
      'GET /v1/org/tree': errorReply(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /v1/auth/wechat': errorReply(502, 'WECHAT_LOGIN_FAILED', '微信登录服务暂时不可用'),
    });

    const res = await api.getOrgTree({});

    expect(res.status).toBe(401);
    expect(sessionStore.token()).toBeUndefined();
  });

  it('H5: a 401 drops the session without a WeChat login (the user picks a demo user again)', async () => {
    process.env.TARO_ENV = 'h5';
    sessionStore.setSession(makeSession({ token: 'expired' }));
    const server = fakeApi({ 'GET /v1/org/tree': errorReply(401, 'UNAUTHENTICATED', '请先登录') });

    const res = await api.getOrgTree({});

    expect(res.status).toBe(401);
    expect(taroMock.login).not.toHaveBeenCalled();
    expect(server.sent).toHaveLength(1);
    expect(sessionStore.token()).toBeUndefined();
  });

  it('public routes never trigger a re-login', async () => {
    fakeApi({ 'POST /v1/auth/dev-login': errorReply(401, 'UNAUTHENTICATED', '请先登录') });

    const res = await api.devLogin({ body: { userId: 'demo-staff' } });

    expect(res.status).toBe(401);
    expect(taroMock.login).not.toHaveBeenCalled();
  });
});

describe('sessionStore', () => {
  it('persists the session in Taro storage and restores it', () => {
    sessionStore.setSession(makeSession({ token: 'tok-keep' }));
    sessionStore.reload();
    expect(sessionStore.token()).toBe('tok-keep');
    expect(sessionStore.get().me?.user.displayName).toBe('王芳');
  });

  it('ignores an expired saved session', () => {
    sessionStore.setSession(makeSession({ token: 'tok-old', expiresAt: '2000-01-01T00:00:00+08:00' }));
    sessionStore.reload();
    expect(sessionStore.token()).toBeUndefined();
  });

  it('notifies subscribers and forgets the token on clear', () => {
    const seen: (string | undefined)[] = [];
    const unsubscribe = sessionStore.subscribe(() => seen.push(sessionStore.token()));
    sessionStore.setSession(makeSession({ token: 'tok-1' }));
    sessionStore.clear({ signedOut: true });
    unsubscribe();
    expect(seen).toEqual(['tok-1', undefined]);
    expect(sessionStore.get().signedOut).toBe(true);
    sessionStore.reload();
    expect(sessionStore.token()).toBeUndefined();
  });
});
