import type { StarMap, StarMapRow } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, LoadingView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { stackSegments } from '../../charts/geometry';
import { QuarterSwitcher, RankingNav } from '../../components/bits';
import { TargetView } from '../../components/target-view';
import { UnpublishedView } from '../../components/unpublished-view';
import { useOpeningQuarter } from '../../hooks/use-opening-quarter';
import { LEVEL_LABELS } from '../../services/labels';
import { quarterLabel } from '../../services/quarter';
import { readsDistrictPlan, readsRankings, runsRankings } from '../../services/ranking-access';
import { orUnpublished } from '../../services/unpublished';
import '../../ranking.css';
import { PageRoot } from '../../../../components/page-root';

/** A star map counts branches at each of 0–5 stars. */
const STAR_LEVELS = [0, 1, 2, 3, 4, 5] as const;
const total = (levels: number[]) => levels.reduce((a, b) => a + b, 0);

/** One stacked bar: branches at 0–5 stars, coloured by level, each segment labelled with its count when it fits. */
function LevelBar({ levels, kind, label }: { levels: number[]; kind: 'now' | 'previous' | 'plan'; label: string }) {
  const segs = stackSegments(levels);
  return (
    <View className={`starmap-bar starmap-bar--${kind} cx-starmap-bar`} data-kind={kind}>
      <Text className="starmap-bar__label">{label}</Text>
      <View className="starmap-bar__track">
        {STAR_LEVELS.map((level) =>
          levels[level] > 0 ? (
            <View
              key={level}
              className={`starmap-bar__seg starmap-level--${level}`}
              data-level={level}
              style={{ width: `${segs[level].width}%` }}
            >
              {segs[level].width >= 8 ? <Text className="starmap-bar__count">{levels[level]}</Text> : null}
            </View>
          ) : null,
        )}
      </View>
    </View>
  );
}

function Legend() {
  return (
    <View className="starmap-legend">
      {LEVEL_LABELS.map((label, level) => (
        <View key={label} className="starmap-legend__item">
          <View className={`starmap-legend__swatch starmap-level--${level}`} />
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  );
}

/** 三星成片、四星倍增、五星涌现: now, last quarter, the plans. */
function Goals({ row }: { row: StarMapRow }) {
  const g = row.goals;
  const items = [
    { key: 'threeStarPlus', title: '三星成片', sub: '三星及以上', v: g.threeStarPlus },
    { key: 'fourStar', title: '四星倍增', sub: '四星', v: g.fourStar },
    { key: 'fiveStar', title: '五星涌现', sub: '五星', v: g.fiveStar },
  ];
  return (
    <View className="starmap-goals">
      {items.map((it) => {
        const met = it.v.target > 0 && it.v.now >= it.v.target;
        return (
          <View key={it.key} className={`starmap-goal cx-starmap-goal${met ? ' is-met' : ''}`} data-goal={it.key}>
            <Text className="starmap-goal__title">{it.title}</Text>
            <Text className="starmap-goal__now cx-starmap-goal-now">{it.v.now}</Text>
            <Text className="starmap-goal__sub">{it.sub}</Text>
            <Text className="starmap-goal__line">上季度 {it.v.previous ?? '—'}</Text>
            <Text className="starmap-goal__line">计划 {it.v.target}</Text>
          </View>
        );
      })}
    </View>
  );
}

function TownshipCard({ row, previousQuarter, isTotal }: { row: StarMapRow; previousQuarter: string; isTotal?: boolean }) {
  return (
    <View
      className={`cx-card starmap-township cx-starmap-township${isTotal ? ' is-total cx-starmap-total' : ''}`}
      data-township={row.townshipId}
    >
      <View className="starmap-township__head">
        <Text className="starmap-township__name">{row.name}</Text>
        <Text className="ranking-muted">{total(row.levels)} 个支部</Text>
      </View>
      <LevelBar levels={row.levels} kind="now" label="本季度" />
      {row.previousLevels ? (
        <LevelBar levels={row.previousLevels} kind="previous" label={quarterLabel(previousQuarter).replace(/^\d+年/, '')} />
      ) : (
        <Text className="starmap-bar__none">上季度无排名</Text>
      )}
      {total(row.planTargets) ? (
        <LevelBar levels={row.planTargets} kind="plan" label="计划" />
      ) : (
        <Text className="starmap-bar__none">尚无已批准的创星计划</Text>
      )}
      <Goals row={row} />
    </View>
  );
}

function StarMapView({ data }: { data: StarMap }) {
  return (
    <View>
      <Legend />
      <TownshipCard row={data.totals} previousQuarter={data.previousQuarter} isTotal />
      {data.townships.length ? (
        data.townships.map((t) => <TownshipCard key={t.townshipId} row={t} previousQuarter={data.previousQuarter} />)
      ) : (
        <EmptyView text="没有可查看的乡镇（街道）" />
      )}
    </View>
  );
}

/** 星级地图: `?quarter=` */
export default function StarMapPage() {
  const { params } = useRouter();
  const session = useSession();
  const reader = readsRankings(session.me);
  const [quarter, setQuarter] = useOpeningQuarter(params.quarter, Boolean(session.token) && reader);
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!reader)
    return (
      <PageRoot>
        <BindingNeeded text="星级地图供支部书记、村（社区）干部、乡镇（街道）工作人员、县级领导和区委组织部查看" />
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
    <PageRoot className="ranking-page cx-starmap-page">
      <QuarterSwitcher quarter={quarter} onChange={setQuarter} />
      <RankingNav quarter={quarter} current="star-map" admin={admin} />
      <StarMapViews quarter={quarter} admin={admin} plans={readsDistrictPlan(session.me)} />
    </PageRoot>
  );
}

const VIEWS = [
  { key: 'levels', label: '星级分布' },
  { key: 'targets', label: '对照目标' },
] as const;

/** 星级分布 (the quarter's published levels) or 对照目标 (the year's levels against the baseline and the plans). */
function StarMapViews({ quarter, admin, plans }: { quarter: string; admin: boolean; plans: boolean }) {
  const [view, setView] = useState<(typeof VIEWS)[number]['key']>('levels');
  return (
    <View>
      <View className="ranking-nav starmap-views" role="tablist">
        {VIEWS.map((v) => (
          <View
            key={v.key}
            className={`ranking-nav__item cx-starmap-view${v.key === view ? ' is-current' : ''}`}
            data-key={v.key}
            hoverClass="cx-pressed"
            {...accessibleControl({ role: 'tab', on: v.key === view, onActivate: () => setView(v.key) })}
          >
            <Text>{v.label}</Text>
          </View>
        ))}
      </View>
      {view === 'levels' ? <StarMapOf quarter={quarter} admin={admin} /> : <TargetView year={Number(quarter.slice(0, 4))} plans={plans} />}
    </View>
  );
}

function StarMapOf({ quarter, admin }: { quarter: string; admin: boolean }) {
  const { state, reload } = useResource(async () => orUnpublished(await api.getStarMap({ params: { quarter } })), [quarter]);
  return (
    <ResourceView state={state} onRetry={reload}>
      {(data) => (data ? <StarMapView data={data} /> : <UnpublishedView quarter={quarter} admin={admin} />)}
    </ResourceView>
  );
}
