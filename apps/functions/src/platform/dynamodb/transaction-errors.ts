import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** The cancellation reason codes of a failed TransactWrite, by item index; undefined if it was another error. */
export function cancellationReasons(err: unknown): (string | undefined)[] | undefined {
  if (err instanceof TransactionCanceledException || (err as { name?: string })?.name === 'TransactionCanceledException') {
    return ((err as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? undefined);
  }
  return undefined;
}

export function failedCondition(err: unknown, index: number): boolean {
  return cancellationReasons(err)?.[index] === 'ConditionalCheckFailed';
}

export function isTransactionConflict(err: unknown): boolean {
  return cancellationReasons(err)?.some((r) => r === 'TransactionConflict') ?? false;
}

export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}
