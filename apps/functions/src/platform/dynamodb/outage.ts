import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DomainError } from '../kernel/domain-error';

/** What a client is told to wait before trying again after an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Node's codes for a connection that failed, was refused, reset or never resolved. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

type SdkFailure = Error & { code?: string; $metadata?: { httpStatusCode?: number } };

/**
 * Whether a DynamoDB call failed because the service is down, unreachable, too slow or throttling (worth
 * retrying later), rather than because of the request (a failed condition, a bad key: those are answers).
 */
export function isOutage(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as SdkFailure;
  return e.name === 'TimeoutError' || NETWORK_CODES.has(e.code ?? '') || THROTTLED.has(e.name) || (e.$metadata?.httpStatusCode ?? 0) >= 500;
}

/**
 * Turns an outage, once the bounded retries are spent, into UNAVAILABLE (503 with Retry-After at the edge),
 * so a client can tell "try again later" from a bug. Every other error passes through untouched.
 */
export function reportOutagesAsUnavailable(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (!isOutage(err)) throw err;
        throw new DomainError('UNAVAILABLE', '服务暂时不可用，请稍后再试', undefined, {
          retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
          cause: err,
        });
      }
    },
    { step: 'initialize', name: 'cxOutageAsUnavailable', priority: 'high' },
  );
}
