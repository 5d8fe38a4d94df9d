import '../zod-config';
import * as z from 'zod/mini';

/**
 * Everything a person types goes through `userText`: refused when it holds a control character (other
 * than newline and tab in multi-line text), half of a surrogate pair or an unassigned code point; then
 * trimmed and normalised to NFC before it is stored. Lengths count code points, as JSON Schema does, so the
 * OpenAPI document states exactly what the server accepts: `maxLength` and the character pattern hold for
 * the text as sent, and a required text must hold a non-space character.
 */
const ALLOWED = '[^\\p{Cc}\\p{Cs}\\p{Cn}]';
export const LINE_TEXT_PATTERN = `^${ALLOWED}*$`;
export const MULTILINE_TEXT_PATTERN = `^(?:[\\t\\n]|${ALLOWED})*$`;

/** Engines without Unicode property escapes (old WeChat clients) fall back to refusing control characters only. */
function textRegex(pattern: string, allowed: (code: number) => boolean): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    const scan = (s: string) => [...s].every((c) => allowed(c.charCodeAt(0)));
    return Object.assign(/(?:)/, { test: scan });
  }
}
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const LINE_TEXT = textRegex(LINE_TEXT_PATTERN, (code) => !isControl(code));
const MULTILINE_TEXT = textRegex(MULTILINE_TEXT_PATTERN, (code) => code === 0x09 || code === 0x0a || !isControl(code));

const codePoints = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export interface UserTextOptions {
  /** Most code points, counted on the text as sent and again once trimmed and normalised. */
  max: number;
  /** Fewest code points once trimmed; 0 (the default) lets the text be empty. */
  min?: number;
  /** The message for an empty (or too short) text. */
  empty?: string;
  /** Newlines and tabs allowed (letters, minutes, notes); single-line text (names, titles) refuses them. */
  multiline?: boolean;
}

export function userText({ max, min = 0, empty = '不能为空', multiline = false }: UserTextOptions) {
  const tooLong = `不能超过 ${max} 个字`;
  const longer = (ctx: z.core.ParsePayload<string>) => {
    if (codePoints(ctx.value) > max)
      ctx.issues.push({
        code: 'too_big',
        origin: 'string',
        maximum: max,
        inclusive: true,
        input: ctx.value,
        message: tooLong,
        continue: false,
      });
  };
  const checks: z.core.$ZodCheck<string>[] = [
    z.check(longer),
    z.regex(multiline ? MULTILINE_TEXT : LINE_TEXT, {
      message: multiline ? '不能含有控制字符或无效字符' : '不能换行或含有控制字符、无效字符',
      abort: true,
    }),
  ];
  if (min > 0) checks.push(z.regex(/\S/, { message: empty, abort: true }));
  checks.push(z.trim(), z.normalize('NFC'));
  if (min > 1)
    checks.push(
      z.check((ctx) => {
        if (codePoints(ctx.value) < min)
          ctx.issues.push({
            code: 'too_small',
            origin: 'string',
            minimum: min,
            inclusive: true,
            input: ctx.value,
            message: empty,
            continue: false,
          });
      }),
    );
  // NFC may lengthen a few scripts' letters; what is stored stays within the limit.
  checks.push(z.check(longer));
  return z
    .string()
    .check(...checks)
    .register(z.globalRegistry, { maxLength: max, ...(min > 0 ? { minLength: min } : {}) });
}
