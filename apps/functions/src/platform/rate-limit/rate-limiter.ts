/** Counts attempts per client in fixed windows. */
export interface RateLimiter {
  /** Counts one attempt by `client`; past the limit it throws RATE_LIMITED with the seconds left in the window. */
  take(client: string): Promise<void>;
}

export interface RateLimit {
  /** Names the counter (several limits may share a client). */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}
