import { type LetterCategory, type LetterChannel, RecordLetterBody } from '@chuangxing/shared';

export interface RecordDraft {
  branchId?: string;
  channel?: LetterChannel;
  category?: LetterCategory;
  text: string;
  residentName: string;
  residentPhone: string;
}

export type RecordField = 'branchId' | 'channel' | 'category' | 'text' | 'residentName' | 'residentPhone' | 'photos' | 'form';
export type RecordProblems = Partial<Record<RecordField, string>>;

const FIELDS: readonly RecordField[] = ['branchId', 'channel', 'category', 'text', 'residentName', 'residentPhone', 'photos'];
export const recordFieldOf = (path: string): RecordField | undefined => FIELDS.find((f) => path === f || path.startsWith(`${f}.`));

/** The body as the contract wants it (checked with its own schema), or the problems to show. Photos are added once up. */
export function recordBodyOf(draft: RecordDraft, idempotencyKey: string): { body?: RecordLetterBody; problems: RecordProblems } {
  const problems: RecordProblems = {};
  if (!draft.branchId) problems.branchId = '请选择社区';
  if (!draft.channel) problems.channel = '请选择来信方式';
  if (!draft.category) problems.category = '请选择来信类别';
  const name = draft.residentName.trim();
  const phone = draft.residentPhone.trim();
  const parsed = RecordLetterBody.safeParse({
    branchId: draft.branchId ?? '',
    channel: draft.channel ?? 'phone',
    category: draft.category ?? 'help',
    text: draft.text.trim(),
    ...(name ? { residentName: name } : {}),
    ...(phone ? { residentPhone: phone } : {}),
    idempotencyKey,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = recordFieldOf(issue.path.join('.'));
      if (field && !problems[field]) problems[field] = issue.message;
    }
  }
  if (Object.keys(problems).length || !parsed.success) return { problems };
  return { body: parsed.data, problems };
}
