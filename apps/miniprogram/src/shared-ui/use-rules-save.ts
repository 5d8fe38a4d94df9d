import Taro from '@tarojs/taro';
import { useState } from 'react';
import { failureOf, fieldError, fieldErrorsOf, toFailure } from '../services/api-failure';

export type Problems<F extends string> = Partial<Record<F | 'form', string>>;

/** Field errors from the server next to their fields; the server's message when none of them matches. */
export function serverProblems<F extends string>(res: { status: number; body: unknown }, fields: readonly F[]): Problems<F> {
  const errors = fieldErrorsOf(res.body);
  const problems: Problems<F> = {};
  for (const field of fields) {
    const message = fieldError(errors, field);
    if (message) problems[field] = message;
  }
  if (Object.keys(problems).length === 0) problems.form = failureOf(res).message;
  return problems;
}

/**
 * Saving a district's rules form: check locally, send, show 已保存 or the server's problems next to their
 * fields. Shared by 日报规则 and 信箱规则.
 */
export function useRulesSave<T, F extends string>(opts: {
  fields: readonly F[];
  check: (body: T) => Problems<F>;
  send: (body: T) => Promise<{ status: number; body: unknown }>;
  onSaved: (saved: T) => void;
}) {
  const [problems, setProblems] = useState<Problems<F>>({});
  const [saving, setSaving] = useState(false);

  const clear = (field: F) => setProblems((p) => ({ ...p, [field]: undefined, form: undefined }));

  const save = async (body: T) => {
    if (saving) return;
    const local = opts.check(body);
    if (Object.keys(local).length > 0) {
      setProblems(local);
      return;
    }
    setSaving(true);
    setProblems({});
    try {
      const res = await opts.send(body);
      if (res.status === 200) {
        opts.onSaved({ ...(res.body as T) });
        Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
        return;
      }
      setProblems(serverProblems(res, opts.fields));
    } catch (err) {
      setProblems({ form: toFailure(err).message } as Problems<F>);
    } finally {
      setSaving(false);
    }
  };

  return { problems, saving, clear, save };
}
