import type { NoticeKind } from '@chuangxing/shared';
import { type FieldType, fieldTypeOf, shapeValue } from './template-fields';

/**
 * What each kind's WeChat template shows: its slots in order, each with the keyword type it needs. The
 * default keyword of a slot is its type and position (`thing1`, `time2`, …); an environment whose template
 * numbers its keywords otherwise maps slots to its own keywords (subscribe-settings.ts). The README lists,
 * per kind, the template to pick in the WeChat console.
 */
export const NOTICE_TEMPLATES = {
  /** 日报提醒: 提醒事项 · 截止时间 · 备注 */
  daily_reminder: [
    ['subject', 'thing'],
    ['deadline', 'time'],
    ['note', 'thing'],
  ],
  /** 来信督办: 督办事项 · 超时件数 · 提醒时间 */
  letter_overdue: [
    ['subject', 'thing'],
    ['count', 'number'],
    ['at', 'time'],
  ],
  /** 来信受理: 查询码 · 受理单位 · 受理时间 */
  letter_accepted: [
    ['code', 'character_string'],
    ['unit', 'thing'],
    ['at', 'time'],
  ],
  /** 来信答复: 查询码 · 答复说明 · 答复时间 */
  letter_replied: [
    ['code', 'character_string'],
    ['summary', 'thing'],
    ['at', 'time'],
  ],
  /** 来信转办: 查询码 · 转办说明 · 转办时间 */
  letter_transferred: [
    ['code', 'character_string'],
    ['summary', 'thing'],
    ['at', 'time'],
  ],
  /** 督导问题: 被督导单位 · 问题数量 · 整改时限 */
  finding_assigned: [
    ['branch', 'thing'],
    ['count', 'number'],
    ['deadline', 'date'],
  ],
  /** 整改待销号: 整改单位 · 问题 · 状态 */
  finding_fix_submitted: [
    ['branch', 'thing'],
    ['item', 'thing'],
    ['status', 'phrase'],
  ],
  /** 整改退回: 问题 · 退回原因 · 状态 */
  finding_returned: [
    ['item', 'thing'],
    ['reason', 'thing'],
    ['status', 'phrase'],
  ],
  /** 整改销号: 问题 · 状态 · 销号时间 */
  finding_closed: [
    ['item', 'thing'],
    ['status', 'phrase'],
    ['at', 'time'],
  ],
  /** 计划审批: 计划名称 · 审批结果 · 审批意见 */
  plan_returned: [
    ['plan', 'thing'],
    ['status', 'phrase'],
    ['note', 'thing'],
  ],
  plan_approved: [
    ['plan', 'thing'],
    ['status', 'phrase'],
    ['note', 'thing'],
  ],
  /** 观摩评分: 观摩名称 · 组织单位 · 发起时间 */
  observation_open: [
    ['title', 'thing'],
    ['organiser', 'thing'],
    ['at', 'time'],
  ],
  /** 考试提醒: 考试名称 · 截止时间 · 备注 */
  test_scheduled: [
    ['title', 'thing'],
    ['closes', 'time'],
    ['note', 'thing'],
  ],
  /** 评比结果: 评比名称 · 发布时间 · 备注 */
  ranking_published: [
    ['title', 'thing'],
    ['at', 'time'],
    ['note', 'thing'],
  ],
  /** 评星审核: 申报星级 · 审核结果 · 审核意见 */
  star_application_decided: [
    ['star', 'thing'],
    ['status', 'phrase'],
    ['note', 'thing'],
  ],
  /** 撤星: 支部 · 星级 · 撤星原因 */
  star_withdrawn: [
    ['branch', 'thing'],
    ['star', 'thing'],
    ['reason', 'thing'],
  ],
  /** 年度评星: 支部 · 评定结果 · 评定意见 */
  star_annual_review: [
    ['branch', 'thing'],
    ['status', 'phrase'],
    ['note', 'thing'],
  ],
} as const satisfies Record<NoticeKind, readonly (readonly [string, FieldType])[]>;

type Templates = typeof NOTICE_TEMPLATES;
/** The slots of a kind, e.g. `'code' | 'summary' | 'at'` for letter_replied. */
export type SlotOf<K extends NoticeKind> = Templates[K][number][0];
/** A notice's template values by slot: times as ISO instants, dates as days, the rest as text. */
export type NoticeFields<K extends NoticeKind> = { [S in SlotOf<K>]: string };

/** slot → keyword, e.g. `{ code: 'character_string1', summary: 'thing2', at: 'time3' }`. */
export type KeywordMap = Record<string, string>;

export function defaultKeywords(kind: NoticeKind): KeywordMap {
  return Object.fromEntries(NOTICE_TEMPLATES[kind].map(([slot, type], i) => [slot, `${type}${i + 1}`]));
}

/**
 * Why an environment's keyword map cannot serve `kind`: a slot it names that the kind lacks, or a keyword
 * whose type is not the slot's. Empty when it can.
 */
export function keywordMapProblems(kind: NoticeKind, keywords: KeywordMap): string[] {
  const slots = new Map<string, FieldType>(NOTICE_TEMPLATES[kind].map(([slot, type]) => [slot, type]));
  const problems: string[] = [];
  for (const [slot, key] of Object.entries(keywords)) {
    const type = slots.get(slot);
    if (!type) problems.push(`${kind}: no slot "${slot}" (slots: ${[...slots.keys()].join(', ')})`);
    else if (fieldTypeOf(key) !== type) problems.push(`${kind}.${slot}: keyword "${key}" is not a ${type} keyword`);
  }
  if (new Set(Object.values({ ...defaultKeywords(kind), ...keywords })).size !== slots.size)
    problems.push(`${kind}: two slots share one keyword`);
  return problems;
}

/** The `data` of a subscribe message: each slot's value shaped for its keyword type, under its keyword. */
export function templateData(kind: NoticeKind, fields: Record<string, string>, keywords: KeywordMap): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [slot, type] of NOTICE_TEMPLATES[kind]) data[keywords[slot]] = shapeValue(type, fields[slot] ?? '');
  return data;
}
