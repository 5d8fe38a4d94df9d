import { formatShanghaiDate, type Me, type NewsSummary } from '@chuangxing/shared';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, type Failure, toFailure } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import '../../news.css';

const PAGE = 10;

const posts = (me: Me | undefined) =>
  Boolean(me?.bindings.some((b) => !b.revokedAt && (b.role === 'district_admin' || b.role === 'township_staff')));

/** 创星动态: newest first; the next page loads at the bottom (infinite scroll) or with 加载更多. */
export default function FeedPage() {
  const session = useSession();
  const [items, setItems] = useState<NewsSummary[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const busy = useRef(false);

  /** The newest page, or (`after` a cursor) the next one, added below what is shown. */
  const fetchPage = useCallback(async (after?: string) => {
    if (busy.current) return;
    busy.current = true;
    setLoading(true);
    setFailure(undefined);
    try {
      const page = expectStatus(await api.listNews({ query: { limit: PAGE, ...(after ? { cursor: after } : {}) } }), 200);
      setItems((prev) => (after ? [...prev, ...page.posts.filter((p) => !prev.some((x) => x.id === p.id))] : page.posts));
      setCursor(page.nextCursor);
      setDone(!page.nextCursor);
    } catch (err) {
      setFailure(toFailure(err));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, []);
  const load = async (reset: boolean) => {
    if (reset) return fetchPage();
    if (!done) return fetchPage(cursor);
  };
  useEffect(() => {
    if (session.token) void fetchPage();
  }, [session.token, fetchPage]);
  const shown = useRef(false);
  useDidShow(() => {
    // Back from posting or deleting: start again from the newest.
    if (shown.current && session.token) void load(true);
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void load(false);
  });

  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="news">
      {posts(session.me) ? (
        <Button className="cx-btn cx-btn--primary cx-news-new" onClick={() => openPage(PAGES.newsPost)}>
          发布动态
        </Button>
      ) : null}
      {items.map((p) => (
        <View
          key={p.id}
          className="cx-card news-item cx-news-item"
          data-id={p.id}
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => openPage(PAGES.newsDetail(p.id)) })}
        >
          <View className="news-item__main">
            <Text className="news-item__title cx-news-title">{p.title}</Text>
            <Text className="news-item__excerpt">{p.excerpt}</Text>
            <Text className="news-meta">
              {p.authorUnit} · {formatShanghaiDate(p.createdAt)}
              {p.photoCount ? ` · ${p.photoCount} 张图` : ''}
            </Text>
          </View>
          {p.coverUrl ? <Image className="news-cover" src={p.coverUrl} mode="aspectFill" lazyLoad /> : null}
        </View>
      ))}
      {loading ? <LoadingView /> : null}
      {failure ? <ErrorView failure={failure} onRetry={() => void load(items.length === 0)} /> : null}
      {!loading && !failure && items.length === 0 ? <EmptyView text="还没有动态。" /> : null}
      {!loading && !failure && items.length > 0 ? (
        done ? (
          <Text className="news-end">没有更多了</Text>
        ) : (
          <Button className="cx-btn cx-news-more" onClick={() => void load(false)}>
            加载更多
          </Button>
        )
      ) : null}
    </PageRoot>
  );
}
