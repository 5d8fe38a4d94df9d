/** WeChat's code2session, behind a port. session_key stays inside the adapter and is never returned. */
export interface WechatClient {
  codeToSession(code: string): Promise<{ openid: string; unionid?: string }>;
}
