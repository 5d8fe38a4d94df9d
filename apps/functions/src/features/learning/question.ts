import { type FieldError, JUDGE_OPTIONS, type QuestionBody, type QuestionKind } from '@chuangxing/shared';
import { manages, type Reach } from './audience';

/** A question of the district's bank (应知应会 题库): district-wide, or a township's own. */
export interface StoredQuestion {
  id: string;
  districtId: string;
  topic: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  /** Indices of the correct options (sorted). The answer key: never sent to a taker. */
  answer: number[];
  /** Set for a township's own questions; absent for district-wide ones. */
  townshipId?: string;
  ownerLabel: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

/**
 * The options and answer key as stored: 判断题 always get 正确 / 错误; answers are de-duplicated and sorted.
 * Returns field errors for a key that does not fit the options.
 */
export function normalizeQuestion(body: QuestionBody): { options: string[]; answer: number[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const options = body.kind === 'judge' ? [...JUDGE_OPTIONS] : body.options;
  const answer = [...new Set(body.answer)].sort((a, b) => a - b);
  if (body.kind !== 'judge' && options.length < 2)
    errors.push({ path: 'body.options', code: 'too_few_options', message: '至少需要 2 个选项' });
  if (new Set(options).size !== options.length) errors.push({ path: 'body.options', code: 'duplicate_option', message: '选项不能重复' });
  if (answer.some((i) => i >= options.length))
    errors.push({ path: 'body.answer', code: 'answer_out_of_range', message: '正确答案必须是已有的选项' });
  else if (body.kind !== 'multiple' && answer.length !== 1)
    errors.push({ path: 'body.answer', code: 'one_answer', message: '单选题和判断题只能有一个正确答案' });
  return { options, answer, errors };
}

/** District-wide questions, plus township questions of the townships the caller manages. */
export const visibleQuestion = (reach: Reach, q: StoredQuestion) => !q.townshipId || manages(reach, q.townshipId);
