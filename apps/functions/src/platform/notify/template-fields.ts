import { shanghaiDay, shanghaiTime } from '../kernel/shanghai-time';

/**
 * WeChat subscribe-message keywords. A keyword's name is its type followed by a number (`thing1`,
 * `character_string2`), and each type takes only certain values (订阅消息参数值内容限制说明). A value WeChat
 * refuses fails the send with 47003, so values are checked here before a consent is spent.
 */
export const FIELD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** `character_string12` → `character_string`; undefined for a name no template could have. */
export function fieldTypeOf(key: string): FieldType | undefined {
  const m = /^([a-z_]+?)(\d+)$/.exec(key);
  return m && (FIELD_TYPES as readonly string[]).includes(m[1]) ? (m[1] as FieldType) : undefined;
}

const chars = (s: string) => Array.from(s);
const HAN = /^\p{Script=Han}+$/u;
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d';
const CN_DATE = '\\d{4}年\\d{1,2}月\\d{1,2}日';
const ISO_DATE = '\\d{4}-\\d{2}-\\d{2}';
const range = (one: string) => new RegExp(`^${one}(?:~${one})?$`);
/** 24-hour time, optionally after a date; a period is two of them joined by `~`. */
const TIME = range(`(?:(?:${CN_DATE}|${ISO_DATE})\\s?)?${CLOCK}`);
/** A date, optionally followed by a 24-hour time; a period is two of them joined by `~`. */
const DATE = range(`(?:${CN_DATE}|${ISO_DATE})(?:\\s?${CLOCK})?`);

/** Why WeChat would refuse `value` for a keyword of `type`, or undefined when it takes it. */
export function fieldProblem(type: FieldType, value: string): string | undefined {
  if (value.length === 0) return '不能为空';
  switch (type) {
    case 'thing':
      return chars(value).length <= 20 ? undefined : '最多 20 个字符';
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.length <= 32 ? undefined : '只能是 32 位以内的数字';
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? undefined : '只能是 32 位以内的字母';
    case 'symbol':
      return /^[^\p{L}\p{N}\s]{1,5}$/u.test(value) ? undefined : '只能是 5 位以内的符号';
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? undefined : '只能是 32 位以内的数字、字母或符号';
    case 'time':
      return TIME.test(value) ? undefined : '应为 24 小时制时间，可带年月日';
    case 'date':
      return DATE.test(value) ? undefined : '应为年月日，可带 24 小时制时间';
    case 'amount':
      return /^[¥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? undefined : '应为币种符号加 10 位以内的数字';
    case 'phone_number':
      return /^[\d+\-()]{1,17}$/.test(value) ? undefined : '只能是 17 位以内的数字或符号';
    case 'car_number':
      return chars(value).length <= 8 && /^[\p{Script=Han}A-Z0-9][A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u.test(value)
        ? undefined
        : '应为 8 位以内的车牌号';
    case 'name': {
      const n = chars(value).length;
      if (/\p{Script=Han}/u.test(value)) return n <= 10 ? undefined : '中文姓名最多 10 个字';
      return n <= 20 && /^[\p{L}\p{P}\p{S} ]+$/u.test(value) ? undefined : '姓名最多 20 个字母';
    }
    case 'phrase':
      return HAN.test(value) && chars(value).length <= 5 ? undefined : '只能是 5 个以内的汉字';
  }
}

/** Every keyword WeChat would refuse, with the reason; empty when the data can be sent. */
export function templateDataProblems(data: Record<string, string>): { key: string; problem: string }[] {
  const problems: { key: string; problem: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    const type = fieldTypeOf(key);
    const problem = type ? fieldProblem(type, value) : '不是微信模板的关键词';
    if (problem) problems.push({ key, problem });
  }
  return problems;
}

/** Whitespace collapsed, then at most `max` characters (the last one an ellipsis when cut). */
export function clipText(text: string, max = 20): string {
  const c = chars(text.replace(/\s+/g, ' ').trim());
  return c.length <= max ? c.join('') : `${c.slice(0, max - 1).join('')}…`;
}

/** `2026年11月27日 20:00`, Asia/Shanghai. */
export function wechatDateTime(iso: string): string {
  return `${wechatDate(iso)} ${shanghaiTime(new Date(iso))}`;
}

/** `2026年11月27日` from a Shanghai day (`2026-11-27`) or an instant. */
export function wechatDate(dayOrIso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(dayOrIso) ? dayOrIso : shanghaiDay(new Date(dayOrIso));
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** A value shaped for its keyword type: times and dates written WeChat's way, things clipped to 20. */
export function shapeValue(type: FieldType, value: string): string {
  switch (type) {
    case 'thing':
      return clipText(value);
    case 'time':
      return Number.isNaN(Date.parse(value)) || !value.includes('T') ? value : wechatDateTime(value);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) ? wechatDate(value) : value;
    case 'character_string':
      return value.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
    default:
      return value.trim();
  }
}
