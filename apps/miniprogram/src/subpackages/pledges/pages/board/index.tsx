import { PLEDGE_PERIOD_LABELS, type PledgeBoard, STAR_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
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
import { appraisalLink, monthLabel, monthParam, nextMonth, prevMonth, thisMonth } from '../../pledge-helpers';
import '../../pledges.css';
import { AppraisalStandings } from './appraisal-standings';

const ignore = () => undefined;

/** Branches that have made commitments, by their average progress (higher first); the rest follow as 未亮承诺. */
export function boardOrder(board: PledgeBoard) {
  const shown = board.branches.filter((b) => b.published);
  shown.sort((a, b) => b.averagePercent - a.averagePercent || a.branchName.localeCompare(b.branchName, 'zh'));
  return { ranked: shown, silent: board.branches.filter((b) => !b.published) };
}

function Board({ board, mine, month }: { board: PledgeBoard; mine: Set<string>; month: string }) {
  const { ranked, silent } = boardOrder(board);
  if (!board.branches.length) return <EmptyView text="这个乡镇（街道）还没有支部" />;
  return (
    <View>
      {ranked.map((b, k) => (
        <View
          key={b.branchId}
          className={`cx-card pledge-branch cx-pledge-board-branch${mine.has(b.branchId) ? ' is-mine' : ''}`}
          data-id={b.branchId}
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => openPage(PAGES.branchPledges(b.branchId, Number(month.slice(0, 4)))) })}
        >
          <View className="pledge-row">
            <Text className="pledge-head__title cx-pledge-board-place">{k + 1}</Text>
            <Text className="pledge-item__text">
              {b.branchName}
              {mine.has(b.branchId) ? '（本支部）' : ''}
            </Text>
            <Text className="pledge-item__star cx-pledge-board-average">平均 {b.averagePercent}%</Text>
          </View>
          <View className="pledge-bar" role="img" aria-label={`平均完成度 ${b.averagePercent}%`}>
            <View className="pledge-bar__fill" style={{ width: `${b.averagePercent}%` }} />
          </View>
          {b.items.map((i) => (
            <Text key={i.id} className="pledge-muted cx-pledge-board-item">
              {STAR_LABELS[i.star]}（{PLEDGE_PERIOD_LABELS[i.period]}）{i.text}：{i.latest ? `${i.latest.percent}%` : '未填报'}
              {i.reportedThisMonth ? '' : ' · 本月未报'}
            </Text>
          ))}
        </View>
      ))}
      {silent.length ? (
        <View className="cx-card cx-pledge-board-silent">
          <Text className="pledge-muted">
            未亮承诺（{silent.length}）：{silent.map((b) => b.branchName).join('、')}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

/**
 * 亮赛比擂台 (`?townshipId=&month=`): the township's branches, their commitments in force and how far each is (亮承诺,
 * 赛实绩), and the latest closed 述职评议's totals and ranks (比干劲).
 */
export default function PledgeBoardPage() {
  const { params } = useRouter();
  const session = useSession();
  const townshipId = params.townshipId ?? '';
  const [month, setMonth] = useState(() => monthParam(params.month));
  const { state, reload } = useResource(
    async () => {
      if (!townshipId) throw failureError({ status: 404, message: '缺少乡镇（街道）' });
      const board = expectStatus(await api.getPledgeBoard({ params: { townshipId, month } }), 200);
      Taro.setNavigationBarTitle({ title: `${board.township.name} · 亮赛比` }).catch(ignore);
      return board;
    },
    [townshipId, month],
    { enabled: Boolean(session.token) },
  );
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  const mine = new Set((session.me?.bindings ?? []).flatMap((b) => (!b.revokedAt && b.scope.level === 'branch' ? [b.scope.branchId] : [])));
  return (
    <PageRoot className="cx-pledge-board-page">
      <View className="pledge-month cx-pledge-month">
        <View
          className="pledge-month__step cx-pledge-prev"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => setMonth(prevMonth(month)) })}
        >
          <Text>‹ 上月</Text>
        </View>
        <Text className="cx-pledge-month-label">{monthLabel(month)}</Text>
        {month < thisMonth() ? (
          <View
            className="pledge-month__step cx-pledge-next"
            hoverClass="cx-pressed"
            {...accessibleControl({ onActivate: () => setMonth(nextMonth(month)) })}
          >
            <Text>下月 ›</Text>
          </View>
        ) : (
          <View className="pledge-month__step" />
        )}
      </View>
      <ResourceView state={state} onRetry={reload}>
        {(board) => (
          <View>
            <Board board={board} mine={mine} month={month} />
            <Text className="pledge-muted">按本月有效承诺的平均完成度排列；完成度由支部自报，供比学赶超参考，不计入季度评比。</Text>
            <AppraisalStandings
              appraisal={board.appraisal}
              mine={mine}
              link={(quarter) => appraisalLink(session.me, townshipId, quarter)}
            />
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
