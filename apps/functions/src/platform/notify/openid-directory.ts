/** Finds the WeChat openid a subscribe message is addressed to. */
export interface OpenidDirectory {
  /** userId → openid, for the users that have one (demo users and users never logged in through WeChat don't). */
  openidsOf(userIds: readonly string[]): Promise<Map<string, string>>;
}
