import { addMonths, isMonthKey, type LetterStats, monthOf, shanghaiDay, type TownshipSummary } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { type Resource, useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus } from '../../../../services/api-failure';
import { isOfficial } from '../../../../services/me-helpers';
import {
  filtersIntegrityStatsByTownship,
  filtersStatsByTownship,
  ownCommunityStatsOnly,
  readsIntegrityStats,
  readsLetterStats,
} from '../../services/letter-access';
import {
  byReceived,
  type CommunityStats,
  monthLabel,
  percentOf,
  RATE_EXPLANATIONS,
  type RatePart,
  rateParts,
  totalOf,
} from '../../services/letter-stats';
import '../../mailbox.css';
import './index.css';

const ALL = '';

/** One rate as a horizontal bar: label, the bar, the percentage and the raw counts (6/8). */
function RateBar({ part }: { part: RatePart }) {
  const pct = percentOf(part.count, part.of);
  return (
    <View className={`stats-bar stats-bar--${part.kind} cx-stats-rate`} data-kind={part.kind}>
      <Text className="stats-bar__label">{part.label}</Text>
      <View className="stats-bar__track">
        <View className="stats-bar__fill" style={{ width: `${pct ?? 0}%` }} />
      </View>
      <Text className="stats-bar__value cx-stats-rate-value">{pct === undefined ? '—' : `${pct}%`}</Text>
      <Text className="stats-bar__count cx-stats-rate-count">
        {part.count}/{part.of}
      </Text>
    </View>
  );
}

/** Header: the month switcher (no months after this one) and what the three rates mean. */
function StatsHeader({
  month,
  thisMonth,
  integrity,
  onMonth,
}: {
  month: string;
  thisMonth: string;
  integrity: boolean;
  onMonth: (month: string) => void;
}) {
  const canForward = month < thisMonth;
  return (
    <View className="cx-card stats-head">
      <View className="mailbox-switcher stats-head__switcher">
        <View
          className="mailbox-switcher__btn cx-stats-prev"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => onMonth(addMonths(month, -1)) })}
        >
          <Text>‹ 上月</Text>
        </View>
        <Text className="mailbox-switcher__label cx-stats-month">{monthLabel(month)}</Text>
        <View
          className={`mailbox-switcher__btn cx-stats-next${canForward ? '' : ' is-disabled'}`}
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => canForward && onMonth(addMonths(month, 1)) })}
        >
          <Text>下月 ›</Text>
        </View>
      </View>
      <View className="stats-explain">
        {RATE_EXPLANATIONS.map((e) => (
          <Text key={e.kind} className="stats-explain__line">
            <Text className="stats-explain__label">{e.label}</Text>：{e.text}
          </Text>
        ))}
        <Text className="stats-explain__line stats-explain__note">来信按收到的月份统计。</Text>
        {integrity ? (
          <Text className="stats-explain__line stats-explain__note cx-stats-integrity-note">
            廉情来信只在纪检监察（乡镇（街道）纪（工）委、亲清监察站）处单独统计，不计入所涉社区的三率、公开栏和季度评比。
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/**
 * District-wide callers narrow the list to one township; collapsed to one row until tapped (a district has
 * some twenty townships). A failed tree only hides the filter, with 重试: the stats still show.
 */
function TownshipFilter({
  tree,
  value,
  onRetry,
  onChange,
}: {
  tree: Resource<readonly TownshipSummary[]>;
  value: string | undefined;
  onRetry: () => void;
  onChange: (townshipId: string | undefined) => void;
}) {
  const [open, setOpen] = useState(false);
  if (tree.kind === 'failed') {
    return (
      <View className="cx-card stats-filter">
        <View className="stats-filter__head" hoverClass="cx-pressed" {...accessibleControl({ onActivate: onRetry })}>
          <Text className="stats-filter__problem">乡镇（街道）列表未加载：{displayMessage(tree.failure)}</Text>
          <Text className="stats-filter__toggle">重试</Text>
        </View>
      </View>
    );
  }
  if (tree.kind !== 'ready') return null;
  const townships = tree.data;
  const current = townships.find((t) => t.id === value);
  return (
    <View className="cx-card stats-filter">
      <View
        className="stats-filter__head cx-stats-township-filter"
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => setOpen(!open) })}
      >
        <Text>乡镇（街道）：{current ? current.name : value ? '所选乡镇' : '全部'}</Text>
        <Text className="stats-filter__toggle">{open ? '收起' : '筛选'}</Text>
      </View>
      {open ? (
        <View className="stats-filter__chips">
          <ChoiceChips
            itemClassName="cx-stats-township"
            choices={[{ key: ALL, label: '全部' }, ...townships.map((t) => ({ key: t.id, label: t.name }))]}
            isSelected={(key) => key === (value ?? ALL)}
            onPick={(key) => {
              onChange(key === ALL ? undefined : key);
              setOpen(false);
            }}
          />
        </View>
      ) : null}
    </View>
  );
}

/** The sums over the shown communities: big numbers, rates recomputed from the summed counters. */
function Totals({ communities, title }: { communities: readonly CommunityStats[]; title: string }) {
  const total = totalOf(communities);
  return (
    <View className="cx-card stats-total cx-stats-total">
      <View className="stats-total__head">
        <Text className="stats-total__title">{title}</Text>
        <Text className="stats-total__meta">{communities.length} 个社区</Text>
      </View>
      <View className="stats-total__received">
        <Text className="stats-total__received-value cx-stats-total-received">{total.received}</Text>
        <Text className="stats-total__received-label">封来信</Text>
      </View>
      <View className="stats-big">
        {rateParts(total).map((part) => {
          const pct = percentOf(part.count, part.of);
          return (
            <View key={part.kind} className={`stats-big__item stats-big__item--${part.kind} cx-stats-rate`} data-kind={part.kind}>
              <Text className="stats-big__value cx-stats-rate-value">{pct === undefined ? '—' : `${pct}%`}</Text>
              <Text className="stats-big__label">{part.label}</Text>
              <Text className="stats-big__count cx-stats-rate-count">
                {part.count}/{part.of}
              </Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

function CommunityRow({ community, township }: { community: CommunityStats; township?: string }) {
  const { rates } = community;
  const empty = rates.received === 0;
  return (
    <View className={`cx-card stats-row cx-stats-row${empty ? ' stats-row--empty is-empty' : ''}`} data-branch={community.branchId}>
      <View className="stats-row__head">
        <Text className="stats-row__name">{community.name}</Text>
        <Text className="stats-row__received">{empty ? '本月暂无来信' : `收到 ${rates.received} 封`}</Text>
      </View>
      {township ? <Text className="stats-row__township">{township}</Text> : null}
      {empty ? null : rateParts(rates).map((part) => <RateBar key={part.kind} part={part} />)}
    </View>
  );
}

function StatsList({
  stats,
  townships,
  townshipId,
  integrity,
}: {
  stats: LetterStats;
  townships?: readonly TownshipSummary[];
  townshipId?: string;
  integrity: boolean;
}) {
  if (stats.communities.length === 0) return <EmptyView text={integrity ? '本月没有廉情来信' : '没有可以统计的社区'} />;
  const names = new Map((townships ?? []).map((t) => [t.id, t.name]));
  const many = new Set(stats.communities.map((c) => c.townshipId)).size > 1;
  const title = townshipId && names.get(townshipId) ? `${names.get(townshipId)}合计` : '合计';
  const rows = byReceived(stats.communities);
  return (
    <View>
      <Totals communities={stats.communities} title={title} />
      <View className="cx-section-title">各社区（按来信数排序）</View>
      {rows.map((c) => (
        <CommunityRow key={c.branchId} community={c} township={many ? names.get(c.townshipId) : undefined} />
      ))}
    </View>
  );
}

/**
 * 来信三率: a month's response, resolution and satisfaction rates of the communities in the caller's reach
 * (a station handler: their own community), with the totals of the shown communities. With `kind=integrity`,
 * 廉情来信统计: the inspectors' separate tally of integrity letters, by the community they name.
 */
export default function LetterStatsPage() {
  const { params } = useRouter();
  const session = useSession();
  const me = session.me;
  const integrity = params.kind === 'integrity';
  const allowed = Boolean(session.token) && (integrity ? readsIntegrityStats(me) : readsLetterStats(me));
  const withFilter = allowed && (integrity ? filtersIntegrityStatsByTownship(me) : filtersStatsByTownship(me));
  const [thisMonth] = useState(() => monthOf(shanghaiDay()));
  const [month, setMonth] = useState(() => (isMonthKey(params.month) && params.month <= thisMonth ? params.month : thisMonth));
  const [townshipId, setTownshipId] = useState<string | undefined>(() => params.townshipId || undefined);
  const title = integrity ? '廉情来信统计' : ownCommunityStatsOnly(me) ? '本社区三率' : '来信三率';

  const tree = useResource(async () => expectStatus(await api.getOrgTree({}), 200).townships, [session.token], { enabled: withFilter });
  const { state, reload } = useResource(
    async () => {
      const query = townshipId ? { month, townshipId } : { month };
      return expectStatus(await (integrity ? api.getIntegrityLetterStats({ query }) : api.getLetterStats({ query })), 200);
    },
    [session.token, month, townshipId, integrity],
    { enabled: allowed },
  );

  useEffect(() => {
    if (allowed) Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [allowed, title]);
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });

  let body: ReactNode;
  if (!session.token) body = <SignInNeeded />;
  else if (!isOfficial(me)) body = <BindingNeeded text="来信三率仅对党务工作人员开放。干部和工作人员请先绑定身份。" />;
  else if (!allowed && integrity) body = <EmptyView text="廉情来信统计仅对纪检监察开放。" />;
  else if (!allowed) body = <EmptyView text="只有民情气象站接待员、乡镇（街道）工作人员、县级领导和区委组织部管理员可以查看来信三率。" />;
  else {
    const townships = tree.state.kind === 'ready' ? tree.state.data : undefined;
    body = (
      <View>
        <StatsHeader month={month} thisMonth={thisMonth} integrity={integrity} onMonth={setMonth} />
        {withFilter ? <TownshipFilter tree={tree.state} value={townshipId} onRetry={tree.reload} onChange={setTownshipId} /> : null}
        <ResourceView state={state} onRetry={reload}>
          {(stats) => <StatsList stats={stats} townships={townships} townshipId={townshipId} integrity={integrity} />}
        </ResourceView>
      </View>
    );
  }
  return <PageRoot className="mailbox mailbox-stats">{body}</PageRoot>;
}
