import { Button, Input, Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { DateField } from '../../../../shared-ui/date-field';
import { type DraftTask, emptyMilestone, milestoneKey } from '../../plan-form';
import { ScheduleHelper } from './schedule-helper';

/** One key task of the plan: its 责任人 and its milestones (typed, or filled in by 倒排工期). */
export function TaskEditor({
  task,
  title,
  problems,
  onChange,
  onRemove,
}: {
  task: DraftTask;
  title: string;
  problems: Record<string, string>;
  onChange: (next: DraftTask) => void;
  onRemove: () => void;
}) {
  const key = `task.${task.taskId}`;
  const setMilestone = (key: string, patch: Partial<DraftTask['milestones'][number]>) =>
    onChange({ ...task, milestones: task.milestones.map((m) => (m.key === key ? { ...m, ...patch } : m)) });
  return (
    <View className="cx-card plan-task cx-plan-task" data-id={task.taskId}>
      <View className="plan-task__head">
        <Text className="plan-task__title">{title}</Text>
        <Text className="plan-task__remove cx-plan-task-remove" {...accessibleControl({ onActivate: onRemove })}>
          移除
        </Text>
      </View>
      <View className="cx-field">
        <Text className="cx-field__label">责任人</Text>
        <View className="cx-plan-task-owner">
          <Input
            className="cx-input"
            type="text"
            value={task.owner}
            maxlength={20}
            placeholder="姓名"
            onInput={(e) => onChange({ ...task, owner: e.detail.value })}
          />
        </View>
        <FieldProblem text={problems[`${key}.owner`]} />
      </View>
      <Text className="cx-field__label">时间节点</Text>
      {task.milestones.map((m, i) => (
        <View key={m.key} className="plan-milestone cx-plan-milestone" data-index={i}>
          <View className="plan-milestone__row">
            <View className="plan-milestone__title cx-plan-milestone-title">
              <Input
                className="cx-input"
                type="text"
                value={m.title}
                maxlength={60}
                placeholder={`节点 ${i + 1}`}
                onInput={(e) => setMilestone(m.key, { title: e.detail.value })}
              />
            </View>
            <DateField
              className="plan-milestone__due cx-plan-milestone-due"
              label={`节点 ${i + 1} 完成日期`}
              placeholder="完成日期"
              value={m.due}
              onChange={(due) => setMilestone(m.key, { due })}
            />
            {task.milestones.length > 1 ? (
              <Text
                className="plan-milestone__remove cx-plan-milestone-remove"
                {...accessibleControl({
                  onActivate: () => onChange({ ...task, milestones: task.milestones.filter((x) => x.key !== m.key) }),
                })}
              >
                ×
              </Text>
            ) : null}
          </View>
          <FieldProblem text={problems[`${key}.milestones.${i}.title`] ?? problems[`${key}.milestones.${i}.due`]} />
        </View>
      ))}
      <FieldProblem text={problems[`${key}.milestones`]} />
      {task.milestones.length < 12 ? (
        <Button
          className="cx-btn cx-plan-milestone-add"
          onClick={() => onChange({ ...task, milestones: [...task.milestones, emptyMilestone()] })}
        >
          ＋ 添加节点
        </Button>
      ) : null}
      <ScheduleHelper
        task={task}
        onDates={(dates) =>
          onChange({
            ...task,
            // Titles (and rows) stay where they were; only the dates change.
            milestones: dates.map((due, i) => ({
              title: task.milestones[i]?.title ?? '',
              due,
              key: task.milestones[i]?.key ?? milestoneKey(),
            })),
          })
        }
      />
    </View>
  );
}
