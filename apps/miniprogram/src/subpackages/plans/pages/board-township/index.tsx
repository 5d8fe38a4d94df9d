import { type BranchBoardRow, PLAN_STATUS_LABELS, type TownshipBoard } from '@chuangxing/shared';
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
import { expectStatus, failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { DoubleHalfTag, Legend, PlanActual, StarCells } from '../../components/board-bits';
import { YearSwitcher } from '../../components/year-switcher';
import { boardTownships, yearOf } from '../../services/board-access';
import '../../board.css';

const ignore = () => undefined;

function BranchRow({ row, year }: { row: BranchBoardRow; year: number }) {
  return (
    <View
      className={`cx-card board-row cx-board-branch${row.overdueMilestones ? ' is-late' : ''}`}
      data-branch={row.branchId}
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => openPage(PAGES.branchBoard(row.branchId, year)) })}
    >
      <View className="board-row__head">
        <Text className="board-row__title">{row.branchName}</Text>
        <Text className={`cx-tag board-plan-tag board-plan-tag--${row.planStatus}`}>
          {row.planStatus === 'none' ? '未制定计划' : PLAN_STATUS_LABELS[row.planStatus]}
        </Text>
        {row.overdueMilestones ? <Text className="cx-tag board-late-tag cx-board-overdue">超期 {row.overdueMilestones}</Text> : null}
        <Text className="board-row__arrow">›</Text>
      </View>
      {row.tasks ? (
        <View>
          <Text className="board-row__sub">
            任务完成 {row.done}/{row.tasks}
            {row.openFindings ? ` · 督导问题 ${row.openFindings}${row.overdueFindings ? `（超期 ${row.overdueFindings}）` : ''}` : ''}
          </Text>
          <PlanActual planned={row.plannedPercent} actual={row.actualPercent} compact />
          <StarCells stars={row.stars} />
          <DoubleHalfTag value={row.doubleHalf} />
        </View>
      ) : (
        <Text className="board-row__sub">{row.openFindings ? `督导问题 ${row.openFindings} · ` : ''}还没有重点任务</Text>
      )}
    </View>
  );
}

function Board({ data }: { data: TownshipBoard }) {
  const t = data.totals;
  return (
    <View>
      <Text className="board-heading">{data.townshipName}</Text>
      <View className="cx-card board-totals">
        <View className="board-total">
          <Text className="board-total__value cx-board-total-approved">
            {t.approvedPlans}/{t.branches}
          </Text>
          <Text className="board-total__label">计划已批准</Text>
        </View>
        <View className="board-total">
          <Text className="board-total__value">
            {t.done}/{t.tasks}
          </Text>
          <Text className="board-total__label">任务已完成</Text>
        </View>
        <View className="board-total is-late">
          <Text className="board-total__value cx-board-total-overdue">{t.overdueMilestones}</Text>
          <Text className="board-total__label">超期节点</Text>
        </View>
        <View className="board-total">
          <Text className="board-total__value cx-board-total-double-half">{t.doubleHalfPassed}</Text>
          <Text className="board-total__label">双过半支部</Text>
        </View>
      </View>
      <Legend />
      <View className="cx-section-title">各支部 · 超期的排在前面</View>
      {data.branches.length ? (
        data.branches.map((row) => <BranchRow key={row.branchId} row={row} year={data.year} />)
      ) : (
        <EmptyView text="该乡镇（街道）暂无支部" />
      )}
    </View>
  );
}

/** 挂图作战 of a township: `?townshipId=&year=`; without a township, the caller's only one or the district board. */
export default function TownshipBoardPage() {
  const { params } = useRouter();
  const session = useSession();
  const [year, setYear] = useState(() => yearOf(params.year));
  const reach = boardTownships(session.me);
  const townshipId = params.townshipId || (reach !== 'all' && reach.length === 1 ? reach[0] : '');
  const { state, reload } = useResource(
    async () => {
      if (!townshipId) throw failureError({ status: 404, message: '请从全区挂图作战选择乡镇（街道）' });
      const data = expectStatus(await api.getTownshipBoard({ params: { townshipId, year } }), 200);
      Taro.setNavigationBarTitle({ title: `${data.townshipName} · 挂图作战` }).catch(ignore);
      return data;
    },
    [townshipId, year],
    { enabled: Boolean(session.token) },
  );
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
    <PageRoot className="board-page cx-board-township-page">
      <YearSwitcher year={year} onChange={setYear} />
      <ResourceView state={state} onRetry={reload}>
        {(data) => <Board data={data} />}
      </ResourceView>
    </PageRoot>
  );
}
