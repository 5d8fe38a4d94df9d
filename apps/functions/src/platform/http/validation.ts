import type { FieldError } from '@chuangxing/shared';
import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { DomainError } from '../kernel/domain-error';

// Field messages go to people: Chinese, from zod's own locale (imported alone: all locales weigh 250 KB).
z.config(zhCN());

type Issue = z.core.$ZodIssue;

export function toFieldErrors(issues: readonly Issue[], prefix: string): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), code: 'unrecognized_key', message: `不允许的字段：${key}` }));
    }
    return [{ path: base.join('.'), code: issue.code, message: issue.message }];
  });
}

/** The query of a route that declares none: any parameter is refused, as the contract says. */
export const NO_QUERY = z.strictObject({});

/** Parses one part of a request (params, query or body) or throws VALIDATION_FAILED with field errors. */
export function parsePart<T>(schema: z.ZodMiniType<T> | undefined, value: unknown, part: 'params' | 'query' | 'body'): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError('VALIDATION_FAILED', '提交的内容有误，请检查标出的项目', toFieldErrors(result.error.issues, part));
}
