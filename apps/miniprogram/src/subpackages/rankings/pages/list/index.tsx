import { BRANCH_TYPE_LABELS, type BranchType, type DistrictRanking, formatShanghaiDate, type RankingRow } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { ConsentSheet } from '../../../../components/consent-sheet';
import { FieldProblem } from '../../../../components/field-problem';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { toFailure } from '../../../../services/api-failure';
import { askConsent, prefetchConsent } from '../../../../services/subscribe-consent';
import { QuarterSwitcher, RankingNav, RankRow } from '../../components/bits';
import { UnpublishedView } from '../../components/unpublished-view';
import { useOpeningQuarter } from '../../hooks/use-opening-quarter';
import { downloadRankingXlsx } from '../../services/export-ranking';
import { quarterLabel } from '../../services/quarter';
import { readsRankings, runsRankings } from '../../services/ranking-access';
import { orUnpublished } from '../../services/unpublished';
import '../../ranking.css';
import { PageRoot } from '../../../../components/page-root';

const ignore = () => undefined;
const PAGE_SIZE = 20;
const ALL = '';

/** One page of the ranking under the filters. */
const rankingQuery = (offset: number, townshipId: string, branchType: '' | BranchType) => ({
  offset,
  limit: PAGE_SIZE,
  ...(townshipId ? { townshipId } : {}),
  ...(branchType ? { branchType } : {}),
});

/** Rows added with 加载更多 to one first page, and how the last 加载更多 went ('idle', 'loading' or its problem). */
interface MoreRows {
  first: DistrictRanking;
  rows: RankingRow[];
  status: 'idle' | 'loading' | string;
}

function RankingList({ quarter, admin }: { quarter: string; admin: boolean }) {
  const [townshipId, setTownshipId] = useState(ALL);
  const [branchType, setBranchType] = useState<'' | BranchType>(ALL);
  const [extra, setExtra] = useState<MoreRows>();
  const [exporting, setExporting] = useState(false);

  // The township filter lists the townships the server shows the caller (its star map is already narrowed);
  // without it the filter is simply not offered.
  const starMap = useResource(async () => {
    const res = await api.getStarMap({ params: { quarter } });
    return res.status === 200 ? res.body.townships.map((t) => ({ id: t.townshipId, name: t.name })) : [];
  }, [quarter]);
  const townships = starMap.state.kind === 'ready' ? starMap.state.data : [];

  // null: not published yet.
  const first = useResource(
    async () => orUnpublished(await api.getRanking({ params: { quarter }, query: rankingQuery(0, townshipId, branchType) })),
    [quarter, townshipId, branchType],
  );
  const data = first.state.kind === 'ready' ? first.state.data : null;
  // Rows loaded for an earlier first page (other filters, or before a refresh) do not count.
  const more = data && extra?.first === data ? extra : undefined;
  const rows = data ? [...data.rows, ...(more?.rows ?? [])] : [];

  usePullDownRefresh(() => {
    starMap.reload();
    first.reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });

  const loadMore = async () => {
    if (!data || more?.status === 'loading') return;
    const had = more?.rows ?? [];
    setExtra({ first: data, rows: had, status: 'loading' });
    try {
      const res = await api.getRanking({ params: { quarter }, query: rankingQuery(rows.length, townshipId, branchType) });
      const page = orUnpublished(res);
      if (!page) throw new Error('排名已撤下，请下拉刷新');
      setExtra({ first: data, rows: [...had, ...page.rows], status: 'idle' });
    } catch (err) {
      setExtra({ first: data, rows: had, status: toFailure(err).message });
    }
  };

  const exportXlsx = async () => {
    if (exporting) return;
    setExporting(true);
    Taro.showLoading({ title: '正在导出' }).catch(ignore);
    try {
      await downloadRankingXlsx(quarter);
    } catch (err) {
      Taro.showToast({ title: toFailure(err).message, icon: 'none' }).catch(ignore);
    } finally {
      Taro.hideLoading();
      setExporting(false);
    }
  };

  const filters = (
    <View className="cx-card ranking-filters">
      {townships.length > 1 ? (
        <View className="ranking-filters__group cx-ranking-township-filter">
          <Text className="ranking-filters__label">乡镇（街道）</Text>
          <ChoiceChips
            className="ranking-chips"
            check={false}
            choices={[{ key: ALL, label: '全部' }, ...townships.map((t) => ({ key: t.id, label: t.name }))]}
            isSelected={(k) => k === townshipId}
            onPick={setTownshipId}
            itemClassName="cx-ranking-filter-township"
          />
        </View>
      ) : null}
      <View className="ranking-filters__group cx-ranking-type-filter">
        <Text className="ranking-filters__label">支部类型</Text>
        <ChoiceChips
          className="ranking-chips"
          check={false}
          choices={[
            { key: ALL, label: '全部' },
            { key: 'rural', label: BRANCH_TYPE_LABELS.rural },
            { key: 'community', label: BRANCH_TYPE_LABELS.community },
          ]}
          isSelected={(k) => k === branchType}
          onPick={(k) => setBranchType(k as '' | BranchType)}
          itemClassName="cx-ranking-filter-type"
        />
      </View>
    </View>
  );

  const status = more?.status ?? 'idle';
  let body: ReactNode;
  if (first.state.kind === 'loading' || first.state.kind === 'idle') body = <LoadingView />;
  else if (first.state.kind === 'failed') body = <ErrorView failure={first.state.failure} onRetry={first.reload} />;
  else if (!data) body = <UnpublishedView quarter={quarter} admin={admin} />;
  else {
    body = (
      <View>
        {filters}
        <View className="ranking-summary">
          <Text className="cx-ranking-matched">
            共 {data.matched} 个支部 · 第 {data.ranking.version} 版 · 发布于 {formatShanghaiDate(data.ranking.publishedAt ?? '')}
          </Text>
        </View>
        {rows.length ? (
          <View className="cx-card ranking-list cx-ranking-list">
            {rows.map((row) => (
              <RankRow key={row.branchId} row={row} quarter={quarter} />
            ))}
          </View>
        ) : (
          <EmptyView text="没有符合筛选条件的支部" />
        )}
        {rows.length < data.matched ? (
          <Button
            className={`cx-btn cx-ranking-more${status === 'loading' ? ' cx-btn--disabled' : ''}`}
            disabled={status === 'loading' || undefined}
            onClick={() => void loadMore()}
          >
            {status === 'loading' ? '加载中…' : `加载更多（还有 ${data.matched - rows.length} 个）`}
          </Button>
        ) : rows.length ? (
          <Text className="ranking-end">已显示全部</Text>
        ) : null}
        <FieldProblem text={status !== 'idle' && status !== 'loading' ? status : undefined} className="cx-ranking-more-error" />
        <Button
          className={`cx-btn ranking-export cx-ranking-export${exporting ? ' cx-btn--disabled' : ''}`}
          disabled={exporting || undefined}
          onClick={() => void exportXlsx()}
        >
          {exporting ? '正在导出…' : '导出 Excel'}
        </Button>
      </View>
    );
  }
  return <View>{body}</View>;
}

/** 季度排名: `?quarter=yyyy-Qn` (default the latest published quarter). */
export default function RankingListPage() {
  const { params } = useRouter();
  const session = useSession();
  const reader = readsRankings(session.me);
  const [quarter, setQuarter] = useOpeningQuarter(params.quarter, Boolean(session.token) && reader);
  useEffect(() => {
    if (quarter) Taro.setNavigationBarTitle({ title: `${quarterLabel(quarter)}排名` }).catch(ignore);
  }, [quarter]);
  const leader = Boolean(session.me?.bindings.some((b) => !b.revokedAt && b.role === 'leader'));
  useEffect(() => {
    if (leader) void prefetchConsent();
  }, [leader]);
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!reader)
    return (
      <PageRoot>
        <BindingNeeded text="季度排名供支部书记、村（社区）干部、乡镇（街道）工作人员、县级领导和区委组织部查看" />
      </PageRoot>
    );
  if (!quarter)
    return (
      <PageRoot>
        <LoadingView />
      </PageRoot>
    );
  const admin = runsRankings(session.me);
  return (
    <PageRoot className="ranking-page cx-ranking-page">
      <QuarterSwitcher quarter={quarter} onChange={setQuarter} />
      <RankingNav quarter={quarter} current="list" admin={admin} />
      {leader ? (
        // Leaders are asked here, where they read rankings, whether WeChat should tell them of the next one.
        <View className="ranking-consent">
          <ConsentSheet />
          <Button className="cx-btn cx-btn--compact cx-ranking-consent" onClick={() => void askConsent(['ranking_published'])}>
            评比发布时微信提醒我
          </Button>
        </View>
      ) : null}
      <RankingList key={quarter} quarter={quarter} admin={admin} />
    </PageRoot>
  );
}
