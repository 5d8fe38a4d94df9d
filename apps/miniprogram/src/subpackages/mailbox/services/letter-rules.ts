import type { LetterRules } from '@chuangxing/shared';

/** The form's fields, named as in the request body, so the server's field errors land next to them. */
export const LETTER_RULE_FIELDS = ['acceptWorkingDays', 'replyWorkingDays', 'autoArchiveDays', 'perDayLimit'] as const;
export type LetterRuleField = (typeof LETTER_RULE_FIELDS)[number];
export type LetterRuleProblems = Partial<Record<LetterRuleField | 'form', string>>;

export interface LetterRuleSpec {
  field: LetterRuleField;
  label: string;
  /** What the number governs, one line under the label. */
  note: string;
  unit: string;
  /** The contract's range (`LetterRules`). */
  min: number;
  max: number;
  /** Common values as chips, so 1 → 30 is one tap rather than 29. */
  presets: readonly number[];
  /** The chosen value in a sentence. */
  meaning: (n: number) => string;
}

export const LETTER_RULE_SPECS: readonly LetterRuleSpec[] = [
  {
    field: 'acceptWorkingDays',
    label: '受理时限（工作日）',
    note: '来信送达后，社区要在这些工作日内受理、不予受理或转办，超过即为超期',
    unit: '个工作日',
    min: 1,
    max: 10,
    presets: [1, 2, 3, 5],
    meaning: (n) => `来信送达后 ${n} 个工作日内作出受理`,
  },
  {
    field: 'replyWorkingDays',
    label: '答复时限（工作日）',
    note: '受理后，要在这些工作日内答复来信人，超过即为超期',
    unit: '个工作日',
    min: 1,
    max: 60,
    presets: [5, 10, 15, 20, 30],
    meaning: (n) => `受理后 ${n} 个工作日内答复`,
  },
  {
    field: 'autoArchiveDays',
    label: '答复后自动归档（天）',
    note: '答复后来信人一直没有评价，过了这些天来信自动归档',
    unit: '天',
    min: 1,
    max: 30,
    presets: [3, 7, 15, 30],
    meaning: (n) => `答复 ${n} 天后仍未评价，自动归档`,
  },
  {
    field: 'perDayLimit',
    label: '每人每天最多来信（封）',
    note: '每位居民一天最多能寄出的来信数，防止重复刷信',
    unit: '封',
    min: 1,
    max: 50,
    presets: [3, 5, 10, 20],
    meaning: (n) => `每位居民每天最多寄出 ${n} 封`,
  },
];

/** Whole numbers within the contract's ranges (checked before asking the server; the server checks again). */
export function letterRulesProblems(rules: LetterRules): LetterRuleProblems {
  const problems: LetterRuleProblems = {};
  for (const spec of LETTER_RULE_SPECS) {
    const value = rules[spec.field];
    if (!Number.isInteger(value) || value < spec.min || value > spec.max)
      problems[spec.field] = `请选择 ${spec.min}–${spec.max} 之间的整数`;
  }
  return problems;
}

/** Working days: the district's working-day calendar (weekends and holidays off, 调休 make-up days worked; 免报管理). */
export const WORKING_DAYS_NOTE = '工作日按全区工作日历计算：不含周末和节假日，调休上班的周末算作工作日。';
