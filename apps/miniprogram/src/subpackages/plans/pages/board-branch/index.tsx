import { type BranchBoard, PLAN_STATUS_LABELS, STAR_LABELS, TASK_STATUS_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { DoubleHalfTag, PlanActual, StarCells } from '../../components/board-bits';
import { RHYTHM } from '../../poster/poster-text';
import { yearOf } from '../../services/board-access';
import '../../board.css';

const ignore = () => undefined;

function Section({ n, title, children }: { n: string; title: string; children: React.ReactNode }) {
  return (
    <View className="cx-card board-clear cx-board-clear" data-part={n}>
      <View className="board-clear__head">
        <Text className="board-clear__n">{n}</Text>
        <Text className="board-clear__title">{title}</Text>
      </View>
      {children}
    </View>
  );
}

/** 四个一口清: the creation tasks, the baseline, the measures and the working mechanism on one page. */
function OnePager({ data }: { data: BranchBoard }) {
  const { row } = data;
  const gap = row.targetStars.filter((s) => !row.heldStars.includes(s));
  return (
    <View>
      <View className="cx-card board-sheet-head">
        <Text className="board-heading cx-board-branch-name">{row.branchName}</Text>
        <Text className="board-row__sub">
          {data.townshipName} · {data.year} 年 · 创星计划{row.planStatus === 'none' ? '未制定' : PLAN_STATUS_LABELS[row.planStatus]}
        </Text>
        <DoubleHalfTag value={row.doubleHalf} />
      </View>
      {row.planStatus === 'none' ? (
        <EmptyView text="该支部还没有制定本年度创星计划">
          <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.planEdit(row.branchId, data.year))}>
            去制定创星计划
          </Button>
        </EmptyView>
      ) : (
        <View>
          <Section n="一" title="创建任务一口清">
            <Text className="board-line">
              已有星级：{row.heldStars.length ? row.heldStars.map((s) => STAR_LABELS[s]).join('、') : '无'}
            </Text>
            <Text className="board-line cx-board-targets">
              目标星级：{row.targetStars.map((s) => STAR_LABELS[s]).join('、')}（{row.targetStars.length} 星）
            </Text>
            {gap.length ? <Text className="board-line">今年要争创：{gap.map((s) => STAR_LABELS[s]).join('、')}</Text> : null}
            <Text className="board-line">
              重点任务 {row.tasks} 项，已完成 {row.done} 项
            </Text>
          </Section>
          <Section n="二" title="排查底数一口清">
            <StarCells stars={row.stars} />
            <PlanActual planned={row.plannedPercent} actual={row.actualPercent} />
            <Text className="board-line">
              超期节点 {row.overdueMilestones} 个 · 未销号督导问题 {row.openFindings} 个
              {row.overdueFindings ? `（超期 ${row.overdueFindings} 个）` : ''}
            </Text>
          </Section>
          <Section n="三" title="推进措施一口清">
            {data.tasks.length ? (
              data.tasks.map((t) => (
                <View key={t.taskId} className="board-task cx-board-task" data-task={t.taskId}>
                  <View className="board-task__head">
                    <Text className="board-task__title">{t.title}</Text>
                    <Text className={`cx-tag board-task__status board-task__status--${t.status}`}>
                      {TASK_STATUS_LABELS[t.status]} {t.percent}%
                    </Text>
                  </View>
                  <Text className="board-row__sub">
                    {STAR_LABELS[t.star]} · 责任人 {t.owner} · 计划应达 {t.plannedPercent}%
                  </Text>
                  <View className="board-milestones">
                    {t.milestones.map((m) => (
                      <Text
                        key={`${m.due}${m.title}`}
                        className={`board-milestone${m.met ? ' is-met' : ''}${m.overdue ? ' is-overdue cx-board-milestone-overdue' : ''}`}
                      >
                        {m.met ? '✓' : m.overdue ? '!' : '○'} {m.due.slice(5)} {m.title}
                      </Text>
                    ))}
                  </View>
                </View>
              ))
            ) : (
              <Text className="board-line">计划中还没有重点任务</Text>
            )}
          </Section>
          <Section n="四" title="工作机制一口清">
            {data.responsibles.map((r) => (
              <Text key={r.star} className="board-line cx-board-responsible">
                {STAR_LABELS[r.star]}：{r.responsible} 负责，{r.leadDepartment} 牵头
              </Text>
            ))}
            {RHYTHM.map((line) => (
              <Text key={line} className="board-line board-line--muted">
                {line}
              </Text>
            ))}
            {data.vetoes.length ? (
              <Text className="board-line board-line--strong">一票否决：{data.vetoes.map((v) => v.text).join('；')}</Text>
            ) : null}
          </Section>
          {data.reviewNote ? <Text className="board-line board-line--muted">乡镇（街道）审批意见：{data.reviewNote}</Text> : null}
          <Button
            className="cx-btn cx-btn--primary cx-board-open-poster"
            onClick={() => openPage(PAGES.branchPoster(row.branchId, data.year))}
          >
            一图一表一清单（可分享图片）
          </Button>
          <Button className="cx-btn board-gap" onClick={() => openPage(PAGES.planEdit(row.branchId, data.year))}>
            查看创星计划
          </Button>
        </View>
      )}
    </View>
  );
}

/** `?branchId=&year=` */
export default function BranchBoardPage() {
  const { params } = useRouter();
  const session = useSession();
  const [year] = useState(() => yearOf(params.year));
  const branchId = params.branchId ?? '';
  const { state, reload } = useResource(
    async () => {
      if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
      const data = expectStatus(await api.getBranchBoard({ params: { branchId, year } }), 200);
      Taro.setNavigationBarTitle({ title: `${data.row.branchName} · 四个一口清` }).catch(ignore);
      return data;
    },
    [branchId, year],
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
    <PageRoot className="board-page cx-board-branch-page">
      <ResourceView state={state} onRetry={reload}>
        {(data) => <OnePager data={data} />}
      </ResourceView>
    </PageRoot>
  );
}
