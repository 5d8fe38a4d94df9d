import { conflict } from '../kernel/domain-error';
import { isConditionalCheckFailed } from './transaction-errors';

export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * The optimistic lock of a write: the item is still at `expected` (0: it does not exist yet). `also` adds
 * further conditions, e.g. a status that must still hold. Of two writers who read the same version,
 * exactly one succeeds.
 */
export function expectVersion(expected: number, opts: { attribute?: string; also?: Condition } = {}): Condition {
  const base: Condition =
    expected === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#lockVersion = :lockVersion',
          ExpressionAttributeNames: { '#lockVersion': opts.attribute ?? 'version' },
          ExpressionAttributeValues: { ':lockVersion': expected },
        };
  const also = opts.also;
  if (!also) return base;
  return {
    ConditionExpression: `(${base.ConditionExpression}) AND (${also.ConditionExpression})`,
    ExpressionAttributeNames: { ...base.ExpressionAttributeNames, ...also.ExpressionAttributeNames },
    ExpressionAttributeValues: { ...base.ExpressionAttributeValues, ...also.ExpressionAttributeValues },
  };
}

/** The item must exist and still be at `expected`. */
export function expectExistingVersion(expected: number, attribute = 'version'): Condition {
  return {
    ConditionExpression: 'attribute_exists(pk) AND #lockVersion = :lockVersion',
    ExpressionAttributeNames: { '#lockVersion': attribute },
    ExpressionAttributeValues: { ':lockVersion': expected },
  };
}

/** Runs a conditional write; a failed condition becomes CONFLICT with the message people read. */
export async function orConflict<T>(write: () => Promise<T>, message: string, path?: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isConditionalCheckFailed(err)) throw conflict(message, path);
    throw err;
  }
}
