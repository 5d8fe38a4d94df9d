/** How long a DynamoDB call may take, so an API request ends within its time budget (api-budget.ts). */
export interface DynamoLimits {
  /** TCP connect. */
  connectTimeoutMs: number;
  /** One attempt: from asking for a socket to the response (and no longer idle than this while reading it). */
  attemptTimeoutMs: number;
  maxAttempts: number;
  /** No retry starts that could end later than this after the call began. */
  callBudgetMs: number;
}

/**
 * In AWS a DynamoDB call answers in milliseconds, so 3 s per attempt only fires in an outage. A stalled table
 * costs two attempts, a refused connection three quick ones: at most 6.5 s per call either way.
 */
export const DYNAMO_LIMITS: DynamoLimits = { connectTimeoutMs: 1_000, attemptTimeoutMs: 3_000, maxAttempts: 3, callBudgetMs: 6_500 };

/**
 * DynamoDB Local shares a laptop or CI runner with everything else: under the test suite on a busy two-core
 * machine single calls took from 1.6 s to over 3 s. These limits only make sure a frozen one still answers.
 */
export const LOCAL_DYNAMO_LIMITS: DynamoLimits = {
  connectTimeoutMs: 2_000,
  attemptTimeoutMs: 10_000,
  maxAttempts: 3,
  callBudgetMs: 25_000,
};

/** The SDK's view of a failed attempt (RetryErrorInfo in @smithy/types). */
interface FailedAttempt {
  errorType: string;
}

class Token {
  constructor(
    readonly startedAt: number,
    private readonly count: number,
    private readonly delay: number,
  ) {}
  getRetryCount() {
    return this.count;
  }
  getRetryDelay() {
    return this.delay;
  }
}

const NO_RETRY = new Error('no retry: the attempt failed for good, or the call is out of attempts or time');

/**
 * The SDK's retry strategy (RetryStrategyV2), bounded by time as well as attempts: a transient or throttled
 * attempt is retried after a short jittered wait, unless the next attempt could overrun the call's budget.
 * The SDK then throws the last attempt's error.
 */
export class BoundedRetryStrategy {
  constructor(
    private readonly limits: DynamoLimits,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  async acquireInitialRetryToken(_scope: string): Promise<Token> {
    return new Token(this.now(), 0, 0);
  }

  async refreshRetryTokenForRetry(token: Token, failed: FailedAttempt): Promise<Token> {
    const retryable = failed.errorType === 'TRANSIENT' || failed.errorType === 'THROTTLING';
    const count = token.getRetryCount() + 1;
    if (!retryable || count >= this.limits.maxAttempts) throw NO_RETRY;
    const base = failed.errorType === 'THROTTLING' ? 500 : 50;
    const delay = Math.floor(this.random() * base * 2 ** count);
    const elapsed = this.now() - token.startedAt;
    if (elapsed + delay + this.limits.attemptTimeoutMs > this.limits.callBudgetMs) throw NO_RETRY;
    return new Token(token.startedAt, count, delay);
  }

  recordSuccess(_token: Token): void {}
}
