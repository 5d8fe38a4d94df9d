import type { inboxRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { InboxPorts } from './inbox.ports';
import { countUnreadNotices, listNotices, markAllNoticesRead, markNoticeRead } from './read-inbox';
import { listSubscriptions, recordConsent } from './subscriptions';

export const inboxImplementations: RouteImpls<typeof inboxRoutes, InboxPorts> = {
  listNotices: async ({ deps, principal, query }) => ({ status: 200, body: await listNotices(deps, principal, query.limit, query.cursor) }),
  countUnreadNotices: async ({ deps, principal }) => ({ status: 200, body: await countUnreadNotices(deps, principal) }),
  markNoticeRead: async ({ deps, principal, params }) => ({ status: 200, body: await markNoticeRead(deps, principal, params.noticeId) }),
  markAllNoticesRead: async ({ deps, principal }) => ({ status: 200, body: await markAllNoticesRead(deps, principal) }),
  listSubscriptions: async ({ deps, principal }) => ({ status: 200, body: await listSubscriptions(deps, principal) }),
  recordConsent: async ({ deps, principal, body }) => ({ status: 200, body: await recordConsent(deps, principal, body) }),
};
