import { type CatalogueStar, REPORT_LIMITS, STAR_LABELS, type Star } from '@chuangxing/shared';
import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import type { DraftItem } from '../../offline/draft-store';

/** One item of work: its star (big chips), optionally one of that star's key tasks (chips), and the text. */
export function ItemEditor({
  index,
  item,
  stars,
  tasks,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number;
  item: DraftItem;
  stars: readonly Star[];
  /** The chosen star's key tasks from the catalogue in force; empty before a star is chosen or without the catalogue. */
  tasks: readonly CatalogueStar['tasks'][number][];
  errors: Record<string, string>;
  canRemove: boolean;
  onChange: (item: DraftItem, field: string) => void;
  onRemove: () => void;
}) {
  const starError = errors[`items.${index}.star`];
  const taskError = errors[`items.${index}.taskId`];
  const textError = errors[`items.${index}.text`] ?? errors[`items.${index}`];
  // The optional key tasks stay folded (one line) unless asked for or already chosen: the text box stays in view.
  const [tasksOpen, setTasksOpen] = useState(!!item.taskId);
  const showTasks = tasksOpen || !!item.taskId || !!taskError;
  return (
    <View className="cx-card report-item">
      <View className="report-item__head">
        <Text className="report-item__title">第 {index + 1} 项</Text>
        {canRemove ? (
          <View
            className="report-item__remove"
            hoverClass="cx-pressed"
            {...accessibleControl({ label: `删除第 ${index + 1} 项`, onActivate: onRemove })}
          >
            <Text>删除</Text>
          </View>
        ) : null}
      </View>
      <ChoiceChips
        className="report-item__stars"
        itemClassName="cx-report-star-option"
        dataName="star"
        choices={stars.map((star) => ({ key: star, label: STAR_LABELS[star] }))}
        isSelected={(star) => star === item.star}
        onPick={(star) => onChange({ ...item, star, taskId: item.star === star ? item.taskId : undefined }, `items.${index}.star`)}
      />
      <FieldProblem text={starError} />
      {tasks.length && !showTasks ? (
        <View
          className="report-item__task-toggle cx-report-task-toggle"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => setTasksOpen(true) })}
        >
          <Text>关联重点任务（选填）</Text>
          <Text className="report-item__task-toggle-mark">▾</Text>
        </View>
      ) : tasks.length ? (
        <View className="report-item__tasks">
          <Text className="report-item__task">对应重点任务（选填，再点一次取消）</Text>
          <ChoiceChips
            itemClassName="report-task-choice cx-report-task-option"
            dataName="id"
            choices={tasks.map((task) => ({ key: task.id, label: task.title }))}
            isSelected={(id) => id === item.taskId}
            onPick={(id) => onChange({ ...item, taskId: item.taskId === id ? undefined : id }, `items.${index}.taskId`)}
          />
        </View>
      ) : !item.star ? (
        <Text className="report-item__task">选择星级后可选对应的重点任务</Text>
      ) : null}
      <FieldProblem text={taskError} />
      <Textarea
        className={`report-textarea cx-report-item-text${index === 0 ? '' : ` cx-report-item-text--${index}`}`}
        value={item.text}
        maxlength={REPORT_LIMITS.itemText}
        placeholder="今天做了什么？如：走访困难群众 5 户，解决用水问题"
        onInput={(e) => onChange({ ...item, text: e.detail.value }, `items.${index}.text`)}
      />
      <View className="report-item__foot">
        {textError ? <FieldProblem text={textError} /> : <Text />}
        <Text className="report-counter">
          {item.text.length}/{REPORT_LIMITS.itemText}
        </Text>
      </View>
    </View>
  );
}
