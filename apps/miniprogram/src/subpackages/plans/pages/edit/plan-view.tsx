import { type CatalogueStar, type PlanContent, STAR_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../../components/accessible-control';
import { EmptyView } from '../../../../components/state-views';
import { keyedByContent } from '../../../../services/list-keys';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';

/**
 * The plan as written, for everyone who may not (or no longer) edit it. Once approved (`progressOf` set),
 * each key task opens its 任务进展 page.
 */
export function PlanView({
  content,
  catalogue,
  progressOf,
}: {
  content: PlanContent;
  catalogue: readonly CatalogueStar[];
  progressOf?: { branchId: string; year: number };
}) {
  if (!content.targetStars.length) return <EmptyView text="支部还没有填写创星计划" />;
  const titleOf = (taskId: string) => catalogue.flatMap((s) => s.tasks).find((t) => t.id === taskId)?.title ?? taskId;
  return (
    <View className="plan-view cx-plan-view">
      <View className="cx-card">
        <Text className="cx-field__label">现有星级（保星）</Text>
        <View className="plan-chips">
          {content.heldStars.length ? (
            content.heldStars.map((s) => (
              <Text key={s} className="plan-chip plan-chip--static cx-plan-held-star">
                {STAR_LABELS[s]}
              </Text>
            ))
          ) : (
            <Text className="plan-hint">暂无</Text>
          )}
        </View>
        <Text className="cx-field__label plan-label--gap">目标星级</Text>
        <View className="plan-chips">
          {content.targetStars.map((s) => (
            <Text key={s} className="plan-chip plan-chip--on cx-plan-target-star is-selected">
              {STAR_LABELS[s]}
            </Text>
          ))}
        </View>
      </View>
      {content.stars.map((s) => {
        const catStar = catalogue.find((c) => c.star === s.star);
        const tasks = content.tasks.filter((t) => catStar?.tasks.some((c) => c.id === t.taskId));
        return (
          <View key={s.star} className="plan-star cx-plan-star" data-star={s.star}>
            <View className="cx-section-title">{STAR_LABELS[s.star]}</View>
            <View className="cx-card">
              <Text className="plan-line">负责人：{s.responsible}</Text>
              <Text className="plan-line">牵头部门：{s.leadDepartment}</Text>
              {tasks.map((t) => (
                <View key={t.taskId} className="plan-task plan-task--view cx-plan-task" data-id={t.taskId}>
                  <Text className="plan-task__title">{titleOf(t.taskId)}</Text>
                  <Text className="plan-line">责任人：{t.owner}</Text>
                  {keyedByContent(t.milestones, (m) => `${m.due}:${m.title}`).map(({ item: m, key }) => (
                    <View key={key} className="plan-milestone plan-milestone--view cx-plan-milestone">
                      <Text className="plan-milestone__due">{m.due}</Text>
                      <Text>{m.title}</Text>
                    </View>
                  ))}
                  {progressOf ? (
                    <View
                      className="plan-task__progress cx-plan-task-progress"
                      data-id={t.taskId}
                      hoverClass="cx-pressed"
                      {...accessibleControl({ onActivate: () => openPage(PAGES.planTask(progressOf.branchId, progressOf.year, t.taskId)) })}
                    >
                      <Text>查看进展、报告进展 ›</Text>
                    </View>
                  ) : null}
                </View>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
