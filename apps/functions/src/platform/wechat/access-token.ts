/**
 * WeChat's server-side access_token (接口调用凭据), one per mini-program, shared by every function through
 * the table. `get` answers the token in use; `replace` is called when WeChat refused `stale` (40001, 42001)
 * and answers its successor.
 */
export interface AccessTokens {
  get(): Promise<string>;
  replace(stale: string): Promise<string>;
}

/** A token as stored: when WeChat says it expires, and when to ask WeChat again (epoch milliseconds). */
export interface StoredAccessToken {
  appId: string;
  token: string;
  expiresAt: number;
  refreshAt: number;
  fetchedAt: string;
}

/** Where every function finds the token in use (DynamoDB; in memory in unit tests). */
export interface AccessTokenStore {
  read(appId: string): Promise<StoredAccessToken | undefined>;
  /**
   * A conditional write: `next` is stored only when no token is, when the stored one expires earlier, or when
   * the stored one is `replacing` (the token WeChat refused). Answers the token stored after the attempt:
   * `next`, or the one another function stored first.
   */
  offer(next: StoredAccessToken, replacing?: string): Promise<StoredAccessToken>;
}

/** WeChat refused to issue a token, or could not be reached. */
export class AccessTokenError extends Error {}
