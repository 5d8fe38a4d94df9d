import { type LetterCategory, WriteLetterBody } from '@chuangxing/shared';

export interface Community {
  id: string;
  /** Unknown for a `?branchId=` outside the static list when the caller cannot read the branch. */
  name?: string;
}

export interface Draft {
  community?: Community;
  category?: LetterCategory;
  text: string;
  /** No default: the writer chooses 匿名 or 署名 deliberately. */
  anonymous?: boolean;
  allowPublication: boolean;
  callback: boolean;
  phone: string;
}

export type Field = 'community' | 'category' | 'text' | 'photos' | 'anonymous' | 'phone' | 'form';
export type Problems = Partial<Record<Field, string>>;

/** Request-body paths → the form's fields. */
const FIELD_OF: Record<string, Field> = {
  branchId: 'community',
  category: 'category',
  text: 'text',
  photos: 'photos',
  anonymous: 'anonymous',
  callbackPhone: 'phone',
};

export const fieldOfPath = (path: string): Field | undefined => FIELD_OF[path.split('.')[0]];

function problemsOfPaths(paths: Record<string, string>): Problems {
  const problems: Problems = {};
  for (const [path, message] of Object.entries(paths)) {
    const field = fieldOfPath(path);
    if (field && !problems[field]) problems[field] = message;
  }
  return problems;
}

/**
 * The body as the contract wants it, or the problems to show first (checked with the contract's own schema).
 * Photo keys are added once the photos are up (寄出 uploads what is left first).
 */
export function bodyOf(draft: Draft, idempotencyKey: string): { body?: WriteLetterBody; problems: Problems } {
  const problems: Problems = {};
  if (!draft.community) problems.community = '请选择要写信的社区';
  if (!draft.category) problems.category = '请选择来信类别';
  if (draft.anonymous === undefined) problems.anonymous = '请选择匿名或署名';
  if (draft.callback && !draft.phone.trim()) problems.phone = '请填写 11 位手机号';
  const candidate = {
    branchId: draft.community?.id ?? '',
    category: draft.category ?? 'complaint',
    text: draft.text.trim(),
    anonymous: draft.anonymous ?? true,
    allowPublication: draft.allowPublication,
    ...(draft.callback ? { callbackPhone: draft.phone.trim() } : {}),
    idempotencyKey,
  };
  const parsed = WriteLetterBody.safeParse(candidate);
  if (!parsed.success) {
    const paths: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!(path in paths)) paths[path] = issue.message;
    }
    for (const [field, message] of Object.entries(problemsOfPaths(paths))) {
      if (!problems[field as Field]) problems[field as Field] = message;
    }
  }
  if (Object.keys(problems).length || !parsed.success) return { problems };
  return { body: parsed.data, problems };
}
