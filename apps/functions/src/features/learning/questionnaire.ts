import type { AudienceRole, FieldError, QnAnswer, QnQuestion, QnQuestionBody } from '@chuangxing/shared';

/** 调查问卷: a township's questionnaire to the cadres of its branches. */
export interface StoredQuestionnaire {
  id: string;
  districtId: string;
  townshipId: string;
  townshipName: string;
  title: string;
  intro: string;
  roles: AudienceRole[];
  questions: QnQuestion[];
  closesAt: string;
  closedAt?: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  /** First responses, counted in the same transaction as each (absent until the first one). */
  responseCount?: number;
}

export interface StoredResponse {
  questionnaireId: string;
  userId: string;
  name: string;
  branchId: string;
  branchName: string;
  answers: QnAnswer[];
  submittedAt: string;
  updatedAt: string;
  version: number;
}

export function questionnaireOpen(now: Date, q: Pick<StoredQuestionnaire, 'closesAt' | 'closedAt'>): boolean {
  return !q.closedAt && now.getTime() < Date.parse(q.closesAt);
}

/** Choice questions need 2–8 distinct options; free-text questions carry none. Ids are q1, q2, … in order. */
export function buildQnQuestions(bodies: QnQuestionBody[]): { questions: QnQuestion[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const questions = bodies.map((b, i): QnQuestion => {
    if (b.kind !== 'text') {
      if (b.options.length < 2)
        errors.push({ path: `body.questions.${i}.options`, code: 'too_few_options', message: '选择题至少需要 2 个选项' });
      else if (new Set(b.options).size !== b.options.length)
        errors.push({ path: `body.questions.${i}.options`, code: 'duplicate_option', message: '选项不能重复' });
    }
    return { id: `q${i + 1}`, kind: b.kind, text: b.text, options: b.kind === 'text' ? [] : b.options, required: b.required };
  });
  return { questions, errors };
}

/** A response names each question at most once, chooses among its options, and answers every required one. */
export function checkResponse(questions: QnQuestion[], answers: QnAnswer[]): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, QnAnswer>();
  for (const [i, a] of answers.entries()) {
    const q = byId.get(a.questionId);
    if (!q) {
      errors.push({ path: `body.answers.${i}.questionId`, code: 'unknown_question', message: '问卷中没有这个问题' });
      continue;
    }
    if (given.has(a.questionId)) {
      errors.push({ path: `body.answers.${i}.questionId`, code: 'duplicate', message: '同一个问题只能回答一次' });
      continue;
    }
    given.set(a.questionId, a);
    if (q.kind === 'text') {
      if (a.choice.length) errors.push({ path: `body.answers.${i}.choice`, code: 'no_choice', message: '填空题不需要选择' });
    } else {
      if (a.text) errors.push({ path: `body.answers.${i}.text`, code: 'no_text', message: '选择题不需要填写文字' });
      if (a.choice.some((c) => c >= q.options.length))
        errors.push({ path: `body.answers.${i}.choice`, code: 'out_of_range', message: '所选不是该问题的选项' });
      else if (new Set(a.choice).size !== a.choice.length)
        errors.push({ path: `body.answers.${i}.choice`, code: 'duplicate', message: '选项不能重复' });
      else if (q.kind === 'single' && a.choice.length > 1)
        errors.push({ path: `body.answers.${i}.choice`, code: 'one_choice', message: '单选题只能选一项' });
    }
  }
  questions.forEach((q, n) => {
    if (!q.required) return;
    const a = given.get(q.id);
    const empty = !a || (q.kind === 'text' ? !a.text : a.choice.length === 0);
    if (empty) errors.push({ path: 'body.answers', code: 'required', message: `第 ${n + 1} 题为必答题，请作答` });
  });
  return errors;
}

export function aggregateResponses(questions: QnQuestion[], responses: Pick<StoredResponse, 'answers' | 'branchName' | 'updatedAt'>[]) {
  return questions.map((q) => {
    const answers = responses.flatMap((r) => r.answers.filter((a) => a.questionId === q.id).map((a) => ({ a, r })));
    const options = q.options.map((label, i) => ({ label, count: answers.filter(({ a }) => a.choice.includes(i)).length }));
    const texts =
      q.kind === 'text' ? answers.filter(({ a }) => a.text).map(({ a, r }) => ({ text: a.text, branchName: r.branchName })) : [];
    const answered = answers.filter(({ a }) => (q.kind === 'text' ? Boolean(a.text) : a.choice.length > 0)).length;
    return { questionId: q.id, kind: q.kind, text: q.text, answered, options, texts };
  });
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per response: who, branch, when, then one column per question (choices joined with ；). Starts with
 * a byte order mark, so that the UTF-8 bytes open in Excel with the Chinese intact.
 */
export function responsesCsv(
  q: Pick<StoredQuestionnaire, 'questions'>,
  responses: StoredResponse[],
  formatTime: (iso: string) => string,
): string {
  const header = ['填写人', '支部', '提交时间', ...q.questions.map((x, i) => `${i + 1}. ${x.text}`)];
  const rows = responses.map((r) => {
    const by = new Map(r.answers.map((a) => [a.questionId, a]));
    return [
      r.name,
      r.branchName,
      formatTime(r.updatedAt),
      ...q.questions.map((x) => {
        const a = by.get(x.id);
        if (!a) return '';
        return x.kind === 'text' ? a.text : a.choice.map((c) => x.options[c]).join('；');
      }),
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
