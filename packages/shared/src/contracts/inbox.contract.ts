import '../zod-config';
import * as z from 'zod/mini';
import { ROLES } from '../enums';
import { NoticeKind } from '../notice-kinds';
import { defineRoute, rolesAccess } from '../route';
import { ClientKey, IsoDateTime } from './common.contract';

/**
 * 消息中心: every notice the product sends lands in its recipient's inbox (in the same transaction as the
 * event that caused it) and, where the recipient gave WeChat consent for its kind, also goes out as a
 * subscribe message (订阅消息) on that kind's own template.
 */

/** `{13-digit epoch ms}-{id}`: sorts by time, and names the notice without another lookup. */
export const NoticeId = z.string().check(z.regex(/^\d{13}-[A-Za-z0-9_-]{1,50}$/, '消息编号格式不正确'));

export const Notice = z.object({
  id: NoticeId,
  kind: NoticeKind,
  title: z.string(),
  body: z.string(),
  /** The mini-program page the notice is about (no leading slash), e.g. `subpackages/mailbox/pages/mine/index`. */
  page: z.string(),
  createdAt: IsoDateTime,
  readAt: z.optional(IsoDateTime),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeListQuery = z.strictObject({
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, '分页参数无效'))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50)), 20),
});
export const NoticePage = z.object({ notices: z.array(Notice), unread: z.int(), nextCursor: z.optional(z.string()) });
export type NoticePage = z.infer<typeof NoticePage>;
export const UnreadCount = z.object({ unread: z.int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
export const NoticePath = z.strictObject({ noticeId: NoticeId });
export const MarkedRead = z.object({ marked: z.int(), unread: z.int() });
export type MarkedRead = z.infer<typeof MarkedRead>;

/* ---------- WeChat subscribe-message consent ---------- */

/** once: each accept allows one message; long_term: one accept allows messages until the user turns it off. */
export const SUBSCRIBE_MODES = ['once', 'long_term'] as const;
export const SubscribeMode = z.enum(SUBSCRIBE_MODES);
export type SubscribeMode = z.infer<typeof SubscribeMode>;

export const Subscription = z.object({
  kind: NoticeKind,
  label: z.string(),
  /** The template to pass to wx.requestSubscribeMessage; absent: the kind has no template here (inbox only). */
  templateId: z.optional(z.string()),
  mode: SubscribeMode,
  /** once: messages the caller has consented to and not yet received. */
  remaining: z.int(),
  /** long_term: the caller keeps receiving them. */
  active: z.boolean(),
});
export type Subscription = z.infer<typeof Subscription>;
export const Subscriptions = z.object({ subscriptions: z.array(Subscription) });
export type Subscriptions = z.infer<typeof Subscriptions>;

/** What wx.requestSubscribeMessage answered for each template id. */
export const CONSENT_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
const TemplateId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号格式不正确'));
export const RecordConsentBody = z.strictObject({
  /** Made once per answer: a retried request changes nothing twice. */
  key: ClientKey,
  /** WeChat asks for at most a few templates at once (one-time and long-term ones never together). */
  answers: z
    .record(TemplateId, z.enum(CONSENT_ANSWERS))
    .check(z.refine((a) => Object.keys(a).length >= 1 && Object.keys(a).length <= 5, '一次最多记录 5 个模板的订阅结果')),
});
export type RecordConsentBody = z.infer<typeof RecordConsentBody>;

/* ---------- routes ---------- */

export const inboxRoutes = {
  listNotices: defineRoute({
    method: 'GET',
    path: '/v1/notices',
    summary: '消息中心: the caller’s notices, newest first, cursor-paginated, with the unread count',
    access: rolesAccess(...ROLES),
    query: NoticeListQuery,
    responses: { 200: NoticePage },
  }),
  countUnreadNotices: defineRoute({
    method: 'GET',
    path: '/v1/notices/unread',
    summary: 'How many of the caller’s notices are unread (the tab bar badge)',
    access: rolesAccess(...ROLES),
    responses: { 200: UnreadCount },
  }),
  markNoticeRead: defineRoute({
    method: 'POST',
    path: '/v1/notices/{noticeId}/read',
    summary: 'Mark one of the caller’s notices read (idempotent)',
    access: rolesAccess(...ROLES),
    params: NoticePath,
    responses: { 200: MarkedRead },
  }),
  markAllNoticesRead: defineRoute({
    method: 'POST',
    path: '/v1/notices/read-all',
    summary: 'Mark every unread notice of the caller read',
    access: rolesAccess(...ROLES),
    responses: { 200: MarkedRead },
  }),
  listSubscriptions: defineRoute({
    method: 'GET',
    path: '/v1/notices/subscriptions',
    summary: 'Each notice kind’s template in this environment and the caller’s remaining WeChat consents',
    access: rolesAccess(...ROLES),
    responses: { 200: Subscriptions },
  }),
  recordConsent: defineRoute({
    method: 'POST',
    path: '/v1/notices/subscriptions',
    summary: 'Record what wx.requestSubscribeMessage answered: each accept of a one-time template allows one more message',
    access: rolesAccess(...ROLES),
    body: RecordConsentBody,
    responses: { 200: Subscriptions },
  }),
} as const;
