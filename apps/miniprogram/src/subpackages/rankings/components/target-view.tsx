import type { CreationProgress, CreationProgressRow, StarTargets } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../components/accessible-control';
import { EmptyView, ResourceView } from '../../../components/state-views';
import { useResource } from '../../../hooks/use-resource';
import { api } from '../../../services/api';
import { expectStatus } from '../../../services/api-failure';
import { openPage } from '../../../services/navigation';
import { PAGES } from '../../../services/routes';

const GOALS: { key: keyof StarTargets; title: string; sub: string }[] = [
  { key: 'threeStar', title: '三星成片', sub: '三星及以上' },
  { key: 'fourStar', title: '四星倍增', sub: '四星及以上' },
  { key: 'fiveStar', title: '五星涌现', sub: '五星' },
];

const FROM_LABELS: Record<CreationProgressRow['targetsFrom'], string> = {
  township: '乡镇（街道）规划',
  district: '区级规划',
  default: '默认目标（四星按基线翻番）',
};

const pct = (n: number, of: number) => `${of > 0 ? Math.min(100, (n / of) * 100) : 0}%`;

/**
 * One goal as a bar over the township's branches: the fill is today's count, a grey notch the baseline, a dark
 * marker the plan's target and, for 四星倍增, a ×2 marker at twice the baseline. The words say the same.
 */
function GoalBar({ row, goal }: { row: CreationProgressRow; goal: (typeof GOALS)[number] }) {
  const now = row.current[goal.key];
  const target = row.targets[goal.key];
  const met = now >= target;
  const double = goal.key === 'fourStar' ? row.fourStarDouble : undefined;
  const scale = Math.max(row.branchCount, target, double ?? 0, 1);
  return (
    <View className={`target-goal cx-target-goal${met ? ' is-met' : ''}`} data-goal={goal.key}>
      <View className="target-goal__head">
        <Text className="target-goal__title">
          {goal.title}（{goal.sub}）
        </Text>
        <Text className={`target-goal__status cx-target-status${met ? ' is-met' : ''}`}>{met ? '已达成' : '未达成'}</Text>
      </View>
      <View
        className="target-bar"
        role="img"
        aria-label={`${goal.title}：基线 ${row.baseline[goal.key]}，现在 ${now}，目标 ${target}${double !== undefined ? `，基线翻番 ${double}` : ''}`}
      >
        <View className="target-bar__fill" style={{ width: pct(now, scale) }} />
        <View className="target-bar__mark target-bar__mark--baseline" style={{ left: pct(row.baseline[goal.key], scale) }} />
        <View className="target-bar__mark target-bar__mark--target" style={{ left: pct(target, scale) }} />
        {double !== undefined ? (
          <View className="target-bar__mark target-bar__mark--double cx-target-double" style={{ left: pct(double, scale) }} />
        ) : null}
      </View>
      <Text className="target-goal__line cx-target-line">
        基线 {row.baseline[goal.key]} → 现在 {now} · 目标 {target}
        {double !== undefined ? ` · 翻番线 ×2 = ${double}（${now >= double ? '已翻番' : `还差 ${double - now}`}）` : ''}
      </Text>
    </View>
  );
}

function TownshipTargets({ row, year }: { row: CreationProgressRow; year: number }) {
  return (
    <View className="cx-card starmap-township cx-target-township" data-township={row.townshipId}>
      <View className="starmap-township__head">
        <Text className="starmap-township__name">{row.name}</Text>
        <Text className="ranking-muted">{row.branchCount} 个支部</Text>
      </View>
      {GOALS.map((g) => (
        <GoalBar key={g.key} row={row} goal={g} />
      ))}
      <View
        className="target-from"
        hoverClass="cx-pressed"
        {...accessibleControl({ role: 'link', onActivate: () => openPage(PAGES.creationPlan(year, row.townshipId)) })}
      >
        <Text>目标来自{FROM_LABELS[row.targetsFrom]} · 查看规划 ›</Text>
      </View>
    </View>
  );
}

function TargetLegend() {
  return (
    <View className="starmap-legend target-legend">
      <View className="starmap-legend__item">
        <View className="target-legend__swatch target-bar__fill" />
        <Text>现在</Text>
      </View>
      <View className="starmap-legend__item">
        <View className="target-legend__line target-bar__mark--baseline" />
        <Text>基线</Text>
      </View>
      <View className="starmap-legend__item">
        <View className="target-legend__line target-bar__mark--target" />
        <Text>目标</Text>
      </View>
      <View className="starmap-legend__item">
        <View className="target-legend__line target-bar__mark--double" />
        <Text>四星翻番线（基线×2）</Text>
      </View>
    </View>
  );
}

export function TargetView({ year, plans }: { year: number; plans: boolean }) {
  const { state, reload } = useResource(async () => expectStatus(await api.getCreationProgress({ params: { year } }), 200), [year]);
  return (
    <ResourceView state={state} onRetry={reload}>
      {(data: CreationProgress) => (
        <View className="cx-target-view">
          <Text className="ranking-muted">
            {year} 年创建规划 · 现在为 {data.asOf} 持有的星
          </Text>
          {plans ? (
            <View
              className="target-from cx-target-district"
              hoverClass="cx-pressed"
              {...accessibleControl({ role: 'link', onActivate: () => openPage(PAGES.creationPlan(year)) })}
            >
              <Text>区级创建规划 ›</Text>
            </View>
          ) : null}
          <TargetLegend />
          {data.townships.length ? (
            data.townships.map((t) => <TownshipTargets key={t.townshipId} row={t} year={year} />)
          ) : (
            <EmptyView text="没有可查看的乡镇（街道）" />
          )}
        </View>
      )}
    </ResourceView>
  );
}
