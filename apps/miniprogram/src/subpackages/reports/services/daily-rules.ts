import { DailyRules } from '@chuangxing/shared';

/** The form's fields, named as in the request body, so the server's field errors land next to them. */
export const RULE_FIELDS = ['deadline', 'maxBackfillDays', 'reminderTime'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleProblems = Partial<Record<RuleField | 'form', string>>;

/** The common choices; any other HH:MM goes into the field below the chips. */
export const DEADLINE_CHOICES: readonly string[] = ['20:00', '21:00', '22:00', '23:00'];
export const REMINDER_CHOICES: readonly string[] = ['18:00', '19:00', '20:00', '21:00'];
export const MAX_BACKFILL_DAYS = 7;

/**
 * What was typed, as HH:MM where that is obvious: a full-width colon (Chinese keyboards), a one-digit hour
 * ("9:30") or four digits ("2130", the number keyboard has no colon). Anything else is left for the check.
 */
export function normalizeTime(text: string): string {
  const t = text.trim().replace(/：/g, ':');
  if (/^\d:[0-5]\d$/.test(t)) return `0${t}`;
  if (/^\d{4}$/.test(t)) return `${t.slice(0, 2)}:${t.slice(2)}`;
  return t;
}

/** Checked with the contract's own schema and messages before asking the server; the server checks again. */
export function rulesProblems(rules: DailyRules): RuleProblems {
  const parsed = DailyRules.safeParse(rules);
  const problems: RuleProblems = {};
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const field = RULE_FIELDS.find((f) => f === issue.path[0]);
    const key = field ?? 'form';
    if (!problems[key]) problems[key] = issue.message;
  }
  return problems;
}

/** "当天和前一天" for 1: how far back a report may still be filed. */
export function backfillText(days: number): string {
  if (days <= 0) return '只能填写当天的日报';
  if (days === 1) return '可补报当天和前一天';
  return `可补报当天和前 ${days} 天`;
}
