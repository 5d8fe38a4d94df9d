import type { MarkedRead, Notice, NoticePage } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import type { StoredNotice } from '../../platform/notify/notice';
import type { InboxPorts } from './inbox.ports';

const present = (n: StoredNotice): Notice => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  page: n.page,
  createdAt: n.createdAt,
  ...(n.readAt ? { readAt: n.readAt } : {}),
});

/** The caller's own notices only: the inbox is addressed by the caller's id, never by a parameter. */
export async function listNotices(deps: InboxPorts, principal: Principal, limit: number, cursor?: string): Promise<NoticePage> {
  const userId = principal.user.id;
  const [page, unread] = await Promise.all([deps.inbox.page(userId, limit, cursor), deps.inbox.unreadCount(userId)]);
  return { notices: page.notices.map(present), unread, ...(page.next ? { nextCursor: page.next } : {}) };
}

export async function countUnreadNotices(deps: InboxPorts, principal: Principal) {
  return { unread: await deps.inbox.unreadCount(principal.user.id) };
}

/** Idempotent: a notice already read stays as it was (marked 0). Another user's notice does not exist here. */
export async function markNoticeRead(deps: InboxPorts, principal: Principal, noticeId: string): Promise<MarkedRead> {
  const userId = principal.user.id;
  const outcome = await deps.inbox.markRead(userId, noticeId, deps.clock.now().toISOString());
  if (outcome === 'missing') throw notFound('消息');
  return { marked: outcome === 'marked' ? 1 : 0, unread: await deps.inbox.unreadCount(userId) };
}

export async function markAllNoticesRead(deps: InboxPorts, principal: Principal): Promise<MarkedRead> {
  const userId = principal.user.id;
  const marked = await deps.inbox.markAllRead(userId, deps.clock.now().toISOString());
  return { marked, unread: await deps.inbox.unreadCount(userId) };
}
