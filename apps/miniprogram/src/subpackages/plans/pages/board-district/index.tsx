import type { DistrictBoard } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { PlanActual } from '../../components/board-bits';
import { YearSwitcher } from '../../components/year-switcher';
import { yearOf } from '../../services/board-access';
import '../../board.css';

/** Branches by target star count (1–5): the year's 三星成片、四星倍增、五星涌现 in one row of bars. */
function TargetLevels({ levels }: { levels: number[] }) {
  const max = Math.max(1, ...levels.slice(1));
  return (
    <View className="board-levels">
      {[1, 2, 3, 4, 5].map((n) => (
        <View key={n} className="board-levels__col">
          <Text className="board-levels__count">{levels[n] || ''}</Text>
          <View className="board-levels__bar" style={{ height: `${Math.round((levels[n] / max) * 60)}px` }} />
          <Text className="board-levels__label">{n}星</Text>
        </View>
      ))}
    </View>
  );
}

function Townships({ data }: { data: DistrictBoard }) {
  if (!data.townships.length) return <EmptyView text="没有可查看的乡镇（街道）" />;
  const sum = (f: (t: DistrictBoard['townships'][number]) => number) => data.townships.reduce((n, t) => n + f(t), 0);
  return (
    <View>
      <View className="cx-card board-totals">
        <View className="board-total">
          <Text className="board-total__value">
            {sum((t) => t.approvedPlans)}/{sum((t) => t.branches)}
          </Text>
          <Text className="board-total__label">计划已批准</Text>
        </View>
        <View className="board-total">
          <Text className="board-total__value">
            {sum((t) => t.done)}/{sum((t) => t.tasks)}
          </Text>
          <Text className="board-total__label">任务已完成</Text>
        </View>
        <View className="board-total is-late">
          <Text className="board-total__value cx-board-total-overdue">{sum((t) => t.overdueMilestones)}</Text>
          <Text className="board-total__label">超期节点</Text>
        </View>
        <View className="board-total">
          <Text className="board-total__value">{sum((t) => t.doubleHalfPassed)}</Text>
          <Text className="board-total__label">双过半支部</Text>
        </View>
      </View>
      <View className="cx-section-title">各乡镇（街道）· 超期的排在前面</View>
      {data.townships.map((t) => (
        <View
          key={t.townshipId}
          className="cx-card board-row cx-board-township"
          data-township={t.townshipId}
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => openPage(PAGES.townshipBoard(t.townshipId, data.year)) })}
        >
          <View className="board-row__head">
            <Text className="board-row__title">{t.name}</Text>
            {t.overdueMilestones ? <Text className="cx-tag board-late-tag">超期 {t.overdueMilestones}</Text> : null}
            <Text className="board-row__arrow">›</Text>
          </View>
          <Text className="board-row__sub">
            计划批准 {t.approvedPlans}/{t.branches} · 任务完成 {t.done}/{t.tasks} · 双过半 {t.doubleHalfPassed} · 督导问题 {t.openFindings}
          </Text>
          <PlanActual planned={t.plannedPercent} actual={t.actualPercent} compact />
          <TargetLevels levels={t.targetLevels} />
        </View>
      ))}
    </View>
  );
}

/** 挂图作战 of the district: township by township. */
export default function DistrictBoardPage() {
  const { params } = useRouter();
  const session = useSession();
  const [year, setYear] = useState(() => yearOf(params.year));
  const { state, reload } = useResource(async () => expectStatus(await api.getDistrictBoard({ params: { year } }), 200), [year], {
    enabled: Boolean(session.token),
  });
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="board-page cx-board-district">
      <YearSwitcher year={year} onChange={setYear} />
      <ResourceView state={state} onRetry={reload}>
        {(data) => <Townships data={data} />}
      </ResourceView>
    </PageRoot>
  );
}
