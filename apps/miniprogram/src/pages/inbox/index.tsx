import { formatShanghaiDateTime, NOTICE_KIND_LABELS, type Notice } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { accessibleControl } from '../../components/accessible-control';
import { PageRoot } from '../../components/page-root';
import { SignInNeeded } from '../../components/sign-in-needed';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useSession } from '../../hooks/use-session';
import { api } from '../../services/api';
import { expectStatus, type Failure, toFailure } from '../../services/api-failure';
import { openPage } from '../../services/navigation';
import { sessionStore } from '../../services/session-store';
import { refreshUnreadBadge } from '../../services/unread-badge';
import { markedRead, mergePage, noticeTarget } from './inbox-list';
import { WechatReminders } from './wechat-reminders';
import './index.css';

const PAGE = 20;
const ignore = () => undefined;

function NoticeRow({ notice, onOpen }: { notice: Notice; onOpen: (n: Notice) => void }) {
  const unread = !notice.readAt;
  return (
    <View
      className={`cx-card inbox-item cx-inbox-item${unread ? ' is-unread' : ''}`}
      data-kind={notice.kind}
      data-read={unread ? 'no' : 'yes'}
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => onOpen(notice) })}
    >
      <View className="inbox-item__head">
        {unread ? <View className="inbox-item__dot" /> : null}
        <Text className="inbox-item__title cx-inbox-title">{notice.title}</Text>
        <Text className="cx-tag cx-tag--muted inbox-item__kind">{NOTICE_KIND_LABELS[notice.kind]}</Text>
      </View>
      <Text className="inbox-item__body cx-inbox-body">{notice.body}</Text>
      <Text className="inbox-item__when">{formatShanghaiDateTime(notice.createdAt)}</Text>
    </View>
  );
}

/**
 * 消息 (a tab): every notice the product sent the caller, newest first, a page at a time. Tapping one marks
 * it read and opens the page it is about; 全部已读 marks them all. The tab's badge follows the unread count.
 */
export default function InboxPage() {
  const session = useSession();
  const [items, setItems] = useState<Notice[]>([]);
  const [unread, setUnread] = useState(0);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const busy = useRef(false);

  const fetchPage = useCallback(async (after?: string) => {
    if (busy.current) return;
    busy.current = true;
    setLoading(true);
    setFailure(undefined);
    try {
      const page = expectStatus(await api.listNotices({ query: { limit: PAGE, ...(after ? { cursor: after } : {}) } }), 200);
      setItems((shown) => mergePage(shown, page.notices, Boolean(after)));
      setUnread(page.unread);
      setCursor(page.nextCursor);
      setLoaded(true);
      void refreshUnreadBadge(page.unread);
    } catch (err) {
      setFailure(toFailure(err));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, []);

  useDidShow(() => {
    if (sessionStore.token()) void fetchPage();
    else void refreshUnreadBadge();
  });
  usePullDownRefresh(() => {
    void fetchPage().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (cursor) void fetchPage(cursor);
  });

  const open = (n: Notice) => {
    if (!n.readAt) {
      setItems((shown) => markedRead(shown, n.id, new Date().toISOString()));
      void api
        .markNoticeRead({ params: { noticeId: n.id } })
        .then((res) => {
          if (res.status !== 200) return;
          setUnread(res.body.unread);
          void refreshUnreadBadge(res.body.unread);
        })
        .catch(ignore);
    }
    openPage(noticeTarget(n.page));
  };
  const readAll = async () => {
    const res = await api.markAllNoticesRead({}).catch(() => undefined);
    if (res?.status !== 200) {
      Taro.showToast({ title: '操作失败，请稍后重试', icon: 'none' }).catch(ignore);
      return;
    }
    const at = new Date().toISOString();
    setItems((shown) => shown.map((n) => (n.readAt ? n : { ...n, readAt: at })));
    setUnread(res.body.unread);
    void refreshUnreadBadge(res.body.unread);
  };

  if (!session.token)
    return (
      <PageRoot className="inbox">
        <SignInNeeded text="登录后查看消息" />
      </PageRoot>
    );
  return (
    <PageRoot className="inbox">
      <View className="inbox-head">
        <Text className="inbox-head__count cx-inbox-unread">{unread ? `${unread} 条未读` : '没有未读消息'}</Text>
        {unread ? (
          <Button className="cx-btn cx-btn--compact cx-inbox-read-all" onClick={() => void readAll()}>
            全部已读
          </Button>
        ) : null}
      </View>
      {items.map((n) => (
        <NoticeRow key={n.id} notice={n} onOpen={open} />
      ))}
      {loading ? <LoadingView /> : null}
      {failure ? <ErrorView failure={failure} onRetry={() => void fetchPage(items.length ? cursor : undefined)} /> : null}
      {loaded && !loading && !failure && items.length === 0 ? <EmptyView text="还没有消息。" /> : null}
      {!loading && !failure && items.length > 0 ? (
        cursor ? (
          <Button className="cx-btn cx-inbox-more" onClick={() => void fetchPage(cursor)}>
            加载更多
          </Button>
        ) : (
          <Text className="inbox-end">没有更多了</Text>
        )
      ) : null}
      <WechatReminders />
    </PageRoot>
  );
}
