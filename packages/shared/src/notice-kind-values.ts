/**
 * The kinds of notice the product sends (消息中心). Kept apart from the inbox contract: every feature that
 * sends notices names its kinds, without carrying the inbox's routes. No zod here: the 消息 tab in the mini-program's
 * main package shows the labels without schema code (notice-kinds.ts builds the schema).
 */
/** Every kind of notice. Each kind has its own WeChat template (configured per environment). */
export const NOTICE_KINDS = [
  'daily_reminder',
  'letter_overdue',
  'letter_accepted',
  'letter_replied',
  'letter_transferred',
  'finding_assigned',
  'finding_fix_submitted',
  'finding_returned',
  'finding_closed',
  'plan_returned',
  'plan_approved',
  'observation_open',
  'test_scheduled',
  'ranking_published',
  'star_application_decided',
  'star_withdrawn',
  'star_annual_review',
] as const;
type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  daily_reminder: '日报提醒',
  letter_overdue: '来信督办',
  letter_accepted: '来信受理',
  letter_replied: '来信答复',
  letter_transferred: '来信转办',
  finding_assigned: '督导问题',
  finding_fix_submitted: '整改待销号',
  finding_returned: '整改退回',
  finding_closed: '整改销号',
  plan_returned: '计划退回',
  plan_approved: '计划批准',
  observation_open: '观摩评分',
  test_scheduled: '应知应会测试',
  ranking_published: '评比发布',
  star_application_decided: '评星审核',
  star_withdrawn: '撤星',
  star_annual_review: '年度评星',
};

/**
 * The recurring kinds: where the mini-program's category allows 长期订阅消息 (e.g. 政务民生) and the switch is
 * on, they use a long-term subscription and stop counting one-time consents.
 */
export const RECURRING_NOTICE_KINDS: readonly NoticeKind[] = ['daily_reminder', 'letter_overdue'];
