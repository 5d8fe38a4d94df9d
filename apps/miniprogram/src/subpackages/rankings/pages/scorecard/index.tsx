import {
  type BranchScorecard,
  type ComponentBreakdown,
  SCORE_COMPONENT_LABELS,
  type ScoreComponent,
  STAR_LABELS,
  STAR_STATUS_LABELS,
} from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { barPercent } from '../../charts/geometry';
import { type ChartContext, paintRadar, paintTrend, RADAR_SIZE, RED, TREND_SIZE } from '../../charts/paint';
import { RankingNav } from '../../components/bits';
import { ChartView } from '../../components/chart-view';
import { useOpeningQuarter } from '../../hooks/use-opening-quarter';
import { deltaKind, deltaText, score, starsText } from '../../services/labels';
import { isQuarterKey, quarterLabel, quarterShort } from '../../services/quarter';
import { runsRankings } from '../../services/ranking-access';
import '../../ranking.css';

const ignore = () => undefined;

/** What a component's score was made of, in words. */
function factsText(c: ComponentBreakdown): string {
  const f = c.facts;
  const n = (k: string) => (f[k] === null || f[k] === undefined ? '—' : String(f[k]));
  switch (c.component) {
    case 'keyTasks':
      return `重点任务 ${n('tasks')} 项，已完成 ${n('done')} 项`;
    case 'observation':
      return `观摩 ${n('visits')} 次，评分 ${n('observers')} 人次`;
    case 'dailyReport':
      return `应报 ${n('due')} 天：按时 ${n('onTime')}、迟交 ${n('late')}、未报 ${n('missing')}`;
    case 'letters':
      return `来信 ${n('received')} 件：响应率 ${n('responseRate')}%、解决率 ${n('resolutionRate')}%、满意率 ${n('satisfactionRate')}%`;
    case 'improvement':
      return f.previousBase === null || f.previousBase === undefined
        ? '上季度无排名，按无数据计'
        : `上季度基础分 ${n('previousBase')}，变化 ${n('delta')}`;
    case 'appraisal':
      return f.sheets === null || f.sheets === undefined ? '本季度无已结束的述职评议，按无数据计' : `述职评议评分表 ${n('sheets')} 份`;
  }
}

function Header({ card }: { card: BranchScorecard }) {
  const { row, ranking } = card;
  const kind = deltaKind(row.delta);
  return (
    <View className="cx-card scorecard-head cx-scorecard-head">
      <Text className="scorecard-head__name cx-scorecard-branch">{row.branchName}</Text>
      <Text className="scorecard-head__sub">
        {row.townshipName} · {quarterLabel(ranking.quarter)}
        {ranking.status !== 'published' ? ` · 第 ${ranking.version} 版草稿` : ''}
      </Text>
      <View className="scorecard-head__figures">
        <View className="scorecard-figure">
          <Text className="scorecard-figure__value cx-scorecard-total">{score(row.total)}</Text>
          <Text className="scorecard-figure__label">总分</Text>
        </View>
        <View className="scorecard-figure">
          <Text className="scorecard-figure__value cx-scorecard-rank">{row.districtRank}</Text>
          <Text className="scorecard-figure__label">全区排名</Text>
        </View>
        <View className="scorecard-figure">
          <Text className="scorecard-figure__value">{row.townshipRank}</Text>
          <Text className="scorecard-figure__label">乡镇排名</Text>
        </View>
        <View className="scorecard-figure">
          <Text className={`scorecard-figure__value ranking-delta is-${kind} cx-scorecard-delta`}>{deltaText(row.delta)}</Text>
          <Text className="scorecard-figure__label">比上季度</Text>
        </View>
      </View>
      <View className="scorecard-head__stars cx-scorecard-stars" data-level={row.level}>
        {starsText(row.level)} <Text className="scorecard-head__level">{row.level} 星</Text>
      </View>
      {row.annotations.length ? (
        <Text className="scorecard-note cx-scorecard-annotation">评比批注：{row.annotations.join('；')}</Text>
      ) : null}
    </View>
  );
}

/** Short radar labels for the five score components. */
const RADAR_LABELS: Record<ScoreComponent, string> = {
  keyTasks: '重点任务',
  observation: '月度观摩',
  dailyReport: '每日报告',
  letters: '来信三率',
  improvement: '进步幅度',
  appraisal: '述职评议',
};

/**
 * 得分雷达: the five score components (0–100) on one radar; a component without data this quarter is a gap in
 * the line (never a zero) and its label says 无数据. The five stars follow as bars (their completion comes from the key tasks).
 */
function ScoreRadar({ card }: { card: BranchScorecard }) {
  // Drawn again only when the scorecard itself changes.
  const paint = useCallback(
    (ctx: ChartContext) =>
      paintRadar(
        ctx,
        card.components.map((c) => RADAR_LABELS[c.component]),
        [{ values: card.components.map((c) => c.score), color: RED }],
        card.components.map((c) => (c.score === null ? '无数据' : score(c.score))),
      ),
    [card],
  );
  return (
    <View className="cx-card scorecard-radar">
      <Text className="ranking-card-title">得分雷达</Text>
      <ChartView
        id="cx-scorecard-radar-canvas"
        className="cx-scorecard-radar"
        size={RADAR_SIZE}
        paint={paint}
        summary={
          <View className="ranking-legend">
            <Text className="ranking-legend__item is-red">本季度各项得分（满分 100）</Text>
          </View>
        }
      />
    </View>
  );
}

/** 五星进度: each star's key-task completion as a bar, its status, the observers' score and any veto. */
function StarBars({ card }: { card: BranchScorecard }) {
  return (
    <View className="cx-card scorecard-stars">
      <Text className="ranking-card-title">五星进度</Text>
      {card.stars.map((s) => (
        <View key={s.star} className={`scorecard-star cx-scorecard-star is-${s.status}`} data-star={s.star} data-status={s.status}>
          <View className="scorecard-star__head">
            <Text className="scorecard-star__name">
              {STAR_LABELS[s.star]}
              {s.targeted ? <Text className="scorecard-star__target">（计划目标）</Text> : null}
            </Text>
            <Text className={`ranking-status ranking-status--${s.status} cx-scorecard-star-status`}>{STAR_STATUS_LABELS[s.status]}</Text>
          </View>
          <View className="ranking-bar ranking-bar--star">
            <View className={`ranking-bar__fill ranking-bar__fill--${s.status}`} style={{ width: `${barPercent(s.completion, 100)}%` }} />
          </View>
          <Text className="scorecard-star__line">
            完成度 {score(s.completion)}% · 重点任务 {s.doneTasks}/{s.tasks} 项
            {s.observationScore !== null ? ` · 观摩 ${score(s.observationScore)} 分` : ''}
          </Text>
          {s.vetoItemIds.length ? (
            <Text className="scorecard-veto cx-scorecard-veto">
              触发否决项 {s.vetoItemIds.length} 项（{s.vetoItemIds.join('、')}），本季度该星不得分
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** 得分构成: each component's score as a bar, with its weight and the weight applied after leaving out components without data. */
function Breakdown({ card }: { card: BranchScorecard }) {
  return (
    <View className="cx-card scorecard-breakdown">
      <Text className="ranking-card-title">得分构成</Text>
      {card.components.map((c) => (
        <View
          key={c.component}
          className={`scorecard-component cx-scorecard-component${c.score === null ? ' is-empty' : ''}`}
          data-component={c.component}
        >
          <View className="scorecard-component__head">
            <Text className="scorecard-component__name">{SCORE_COMPONENT_LABELS[c.component]}</Text>
            <Text className="scorecard-component__score cx-scorecard-component-score">
              {c.score === null ? '无数据' : `${score(c.score)} 分`}
            </Text>
          </View>
          <View className="ranking-bar">
            <View className="ranking-bar__fill" style={{ width: `${barPercent(c.score, 100)}%` }} />
          </View>
          <Text className="scorecard-component__line">
            权重 {c.weight}%{c.appliedWeight !== c.weight ? `（实际计入 ${score(c.appliedWeight)}%）` : ''} · {factsText(c)}
          </Text>
        </View>
      ))}
      <View className={`scorecard-deductions cx-scorecard-deductions${card.deductions.points > 0 ? ' is-deducted' : ''}`}>
        <Text className="scorecard-component__name">扣分</Text>
        <Text className="scorecard-component__line">
          {card.deductions.openFindings || card.deductions.overdueFindings
            ? `督导问题未整改 ${card.deductions.openFindings} 项（其中逾期 ${card.deductions.overdueFindings} 项），扣 ${score(card.deductions.points)} 分`
            : '季度末无未整改的督导问题，不扣分'}
        </Text>
      </View>
    </View>
  );
}

function Trend({ card }: { card: BranchScorecard }) {
  const paint = useCallback(
    (ctx: ChartContext) =>
      paintTrend(
        ctx,
        card.trend.map((t) => ({ label: quarterShort(t.quarter), value: t.total })),
      ),
    [card],
  );
  return (
    <View className="cx-card scorecard-trend">
      <Text className="ranking-card-title">近几个季度</Text>
      <ChartView
        id="cx-scorecard-trend-canvas"
        className="cx-scorecard-trend"
        size={TREND_SIZE}
        paint={paint}
        summary={
          <View className="scorecard-trend__rows">
            {card.trend.map((t) => (
              <View key={t.quarter} className="scorecard-trend__row cx-scorecard-trend-row" data-quarter={t.quarter}>
                {quarterLabel(t.quarter)}：{score(t.total)} 分 · {t.level} 星 · 全区第 {t.districtRank} 名
              </View>
            ))}
          </View>
        }
      />
      {card.trend.length < 2 ? <Text className="ranking-muted">往季度的排名发布后，这里会显示变化</Text> : null}
    </View>
  );
}

/** 支部成绩单: `?quarter=&branchId=&version=` (without a quarter: the latest published one). */
export default function ScorecardPage() {
  const { params } = useRouter();
  const session = useSession();
  // Without ?quarter= (我的排名 from home): the latest published quarter.
  const [opening] = useOpeningQuarter(params.quarter, Boolean(session.token));
  const quarter = opening ?? '';
  const branchId = params.branchId ?? '';
  const version = params.version ? Number(params.version) : undefined;
  const { state, reload } = useResource(
    async () => {
      if (!isQuarterKey(quarter) || !branchId) throw failureError({ status: 404, message: '缺少季度或支部' });
      const card = expectStatus(await api.getBranchScorecard({ params: { quarter, branchId }, query: version ? { version } : {} }), 200);
      Taro.setNavigationBarTitle({ title: `${card.row.branchName} · 成绩单` }).catch(ignore);
      return card;
    },
    [quarter, branchId, version],
    { enabled: Boolean(session.token) && opening !== undefined },
  );
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="ranking-page cx-scorecard-page">
      <ResourceView state={state} onRetry={reload}>
        {(card) => (
          <View>
            {/* From 我的排名 a secretary reaches the township's list, star map and honours of the same quarter. */}
            <RankingNav quarter={card.ranking.quarter} current="scorecard" admin={runsRankings(session.me)} />
            <Header card={card} />
            <ScoreRadar card={card} />
            <StarBars card={card} />
            <Breakdown card={card} />
            <Trend card={card} />
            {card.targetStars.length ? (
              <Text className="ranking-muted scorecard-plan">创星计划目标：{card.targetStars.map((s) => STAR_LABELS[s]).join('、')}</Text>
            ) : (
              <Text className="ranking-muted scorecard-plan">该支部还没有已批准的创星计划</Text>
            )}
            <Text className="ranking-muted scorecard-version cx-scorecard-version">
              第 {card.ranking.version} 版 · {card.ranking.scoringVersion ? `评分模型第 ${card.ranking.scoringVersion} 版` : '默认评分模型'}
            </Text>
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
