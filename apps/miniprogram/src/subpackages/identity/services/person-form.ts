import { DEFAULT_DISPLAY_NAME, UpdateProfileBody } from '@chuangxing/shared';

export type PersonField = 'displayName' | 'workPhone';
export type PersonProblems = Partial<Record<PersonField | 'form', string>>;

/**
 * The name (and work phone) as the server will take them, checked with the contract's own schema; a resident's
 * empty name is 居民 again. Problems come keyed by field, like the server's details.
 */
export function personBody(
  values: { displayName: string; workPhone: string },
  options: { withPhone: boolean; emptyIsResident: boolean },
): { body?: UpdateProfileBody; problems: PersonProblems } {
  const displayName = values.displayName.trim() || (options.emptyIsResident ? DEFAULT_DISPLAY_NAME : '');
  const parsed = UpdateProfileBody.safeParse({ displayName, ...(options.withPhone ? { workPhone: values.workPhone.trim() } : {}) });
  if (parsed.success) return { body: parsed.data, problems: {} };
  const problems: PersonProblems = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as PersonField;
    if (!problems[field]) problems[field] = issue.message;
  }
  return { problems };
}
