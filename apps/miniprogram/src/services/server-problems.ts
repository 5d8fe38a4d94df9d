import { fieldErrorsOf } from './api-failure';

export type Problems<F extends string = string> = Partial<Record<F | 'form', string>>;

/**
 * The error body's field details as a form's problems, the first message per field. `fields` lists the form's
 * fields (a detail belongs to a field when its path is the field or below it: "scope" takes "scope.townshipIds"),
 * or maps a detail's path to a field (undefined: not one of this form's). Paths come without the "body." prefix.
 * When no detail lands on a field, the server's message (`fallback`) goes under `form`.
 */
export function serverProblems<F extends string>(body: unknown, fields: readonly F[], fallback: string): Problems<F>;
export function serverProblems(body: unknown, fields: (path: string) => string | undefined, fallback: string): Record<string, string>;
export function serverProblems(
  body: unknown,
  fields: readonly string[] | ((path: string) => string | undefined),
  fallback: string,
): Record<string, string> {
  const fieldOf = typeof fields === 'function' ? fields : (path: string) => fields.find((f) => path === f || path.startsWith(`${f}.`));
  const problems: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(body))) {
    const field = fieldOf(path);
    if (field !== undefined && problems[field] === undefined) problems[field] = message;
  }
  if (Object.keys(problems).length === 0) problems.form = fallback;
  return problems;
}
