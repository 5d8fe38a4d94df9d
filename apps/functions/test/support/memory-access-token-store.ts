import type { AccessTokenStore, StoredAccessToken } from '../../src/platform/wechat/access-token';

/** The table's access_token item in memory, with the DynamoDB adapter's condition (fast unit tests). */
export class MemoryAccessTokenStore implements AccessTokenStore {
  readonly items = new Map<string, StoredAccessToken>();

  async read(appId: string) {
    return this.items.get(appId);
  }

  async offer(next: StoredAccessToken, replacing?: string) {
    const stored = this.items.get(next.appId);
    if (!stored || stored.expiresAt < next.expiresAt || (replacing !== undefined && stored.token === replacing)) {
      this.items.set(next.appId, next);
      return next;
    }
    return stored;
  }
}
