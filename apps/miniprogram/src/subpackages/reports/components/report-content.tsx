import { COUNT_KEYS, COUNT_LABELS, type ReportContent as Content, STAR_LABELS, type Star } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { keyedByContent } from '../../../services/list-keys';

/** Items grouped by star, in the branch's star order (then any other star). */
export function groupByStar(content: Content, order: readonly Star[]): { star: Star; items: Content['items'] }[] {
  const stars = [...order, ...content.items.map((i) => i.star).filter((s) => !order.includes(s))];
  return [...new Set(stars)]
    .map((star) => ({ star, items: content.items.filter((i) => i.star === star) }))
    .filter((g) => g.items.length > 0);
}

/**
 * A filed report's content, read-only: work by star (with the item's key task when it names one and `taskTitle`
 * knows it), counts, problems and plan.
 */
export function ReportContentView({
  content,
  stars,
  taskTitle,
  compact = false,
}: {
  content: Content;
  stars: readonly Star[];
  taskTitle?: (taskId: string) => string | undefined;
  compact?: boolean;
}) {
  const counts = COUNT_KEYS.filter((k) => content.counts[k] !== undefined);
  return (
    <View className={`report-content${compact ? ' report-content--compact' : ''}`}>
      {groupByStar(content, stars).map((g) => (
        <View key={g.star} className="report-content__group cx-report-star-group">
          <Text className="report-content__star">{STAR_LABELS[g.star]}</Text>
          {keyedByContent(g.items, (item) => `${item.taskId ?? ''}:${item.text}`).map(({ item, key }) => {
            const task = item.taskId ? taskTitle?.(item.taskId) : undefined;
            return (
              <View key={key} className="report-content__item">
                {task ? <Text className="report-content__task cx-report-task">重点任务：{task}</Text> : null}
                <Text className="report-content__text">· {item.text}</Text>
              </View>
            );
          })}
        </View>
      ))}
      {counts.length ? (
        <View className="report-content__counts">
          {counts.map((k) => (
            <View key={k} className="report-content__count">
              <Text className="report-content__count-value">{content.counts[k]}</Text>
              <Text className="report-content__count-label">{COUNT_LABELS[k]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {!compact || content.problems ? (
        <View className="report-content__block">
          <Text className="report-content__label">存在问题和困难</Text>
          <Text className="report-content__para">{content.problems || '无'}</Text>
        </View>
      ) : null}
      {!compact || content.tomorrowPlan ? (
        <View className="report-content__block">
          <Text className="report-content__label">明日计划</Text>
          <Text className="report-content__para">{content.tomorrowPlan || '无'}</Text>
        </View>
      ) : null}
    </View>
  );
}
