import type { Clock } from '../kernel/clock';
import type { AccessTokenStore, AccessTokens, StoredAccessToken } from './access-token';

/** WeChat hands out the successor in a token's last 5 minutes (old and new both valid meanwhile). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The one access_token of the mini-program, shared by every function: read from the table, kept in memory
 * until its refresh time, and refreshed from `stable_token` by whichever function first finds it due. The
 * refresh is stored by a conditional write (the longer-lived token wins, or the successor of a refused one),
 * so functions refreshing at once agree on one token and none overwrites a newer one; and as `stable_token`
 * never invalidates a token in its normal mode, no function's refresh breaks another's sends.
 */
export class SharedAccessTokens implements AccessTokens {
  private cached?: StoredAccessToken;
  private inflight?: Promise<string>;

  constructor(
    private readonly opts: {
      appId: string;
      store: AccessTokenStore;
      fetch: () => Promise<{ token: string; expiresInSeconds: number }>;
      clock: Clock;
    },
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return this.cached.token;
    return this.shared(() => this.refresh());
  }

  async replace(stale: string): Promise<string> {
    if (this.cached?.token === stale) this.cached = undefined;
    return this.shared(() => this.refresh(stale));
  }

  /** Concurrent callers in one function share one refresh. */
  private shared(run: () => Promise<string>): Promise<string> {
    this.inflight ??= run().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async refresh(stale?: string): Promise<string> {
    const stored = await this.opts.store.read(this.opts.appId);
    // Another function may have refreshed already: its token serves until its own refresh time.
    if (stored && stored.token !== stale && this.now() < stored.refreshAt) {
      this.cached = stored;
      return stored.token;
    }
    const fetched = await this.opts.fetch();
    const now = this.now();
    const lifetimeMs = fetched.expiresInSeconds * 1000;
    // A short-lived token (under 10 minutes) is used for half its life rather than not at all.
    const usable = lifetimeMs > 2 * REFRESH_MARGIN_MS ? lifetimeMs - REFRESH_MARGIN_MS : lifetimeMs / 2;
    const next: StoredAccessToken = {
      appId: this.opts.appId,
      token: fetched.token,
      expiresAt: now + lifetimeMs,
      refreshAt: now + usable,
      fetchedAt: new Date(now).toISOString(),
    };
    this.cached = await this.opts.store.offer(next, stale ?? stored?.token);
    return this.cached.token;
  }

  private now() {
    return this.opts.clock.now().getTime();
  }
}
