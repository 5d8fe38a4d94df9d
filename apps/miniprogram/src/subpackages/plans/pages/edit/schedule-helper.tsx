import { isDayKey } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { DateField } from '../../../../shared-ui/date-field';
import type { DraftTask } from '../../plan-form';

/** 倒排工期: the 评星日期 and a number of milestones → the server proposes the dates, which fill the task's milestones. */
export function ScheduleHelper({ task, onDates }: { task: DraftTask; onDates: (dates: string[]) => void }) {
  const [evaluationDate, setEvaluationDate] = useState('');
  const [count, setCount] = useState(String(Math.max(task.milestones.length, 1)));
  const [problem, setProblem] = useState<string>();
  const { busy, run: send } = useMutation({ onError: (failure) => setProblem(failure.message) });

  const run = async () => {
    if (busy) return;
    const day = evaluationDate.trim();
    const n = Number(count);
    if (!day) return setProblem('请选择评星日期');
    if (!isDayKey(day)) return setProblem('请按 YYYY-MM-DD 填写评星日期');
    if (!Number.isInteger(n) || n < 1 || n > 12) return setProblem('节点数为 1–12');
    setProblem(undefined);
    const res = await send(() => api.scheduleBackwards({ body: { evaluationDate: day, milestones: n } }));
    if (res) onDates(res.body.dates);
  };

  return (
    <View className="plan-schedule cx-plan-schedule" data-task={task.taskId}>
      <Text className="plan-schedule__title">倒排工期</Text>
      <View className="plan-schedule__row">
        <DateField
          className="plan-schedule__date cx-plan-eval-date"
          label="评星日期"
          placeholder="选择评星日期"
          value={evaluationDate}
          onChange={setEvaluationDate}
        />
        <View className="plan-schedule__count cx-plan-milestone-count">
          <Input
            className="cx-input"
            type="number"
            value={count}
            maxlength={2}
            placeholder="节点数"
            onInput={(e) => setCount(e.detail.value)}
          />
        </View>
      </View>
      <Button className={`cx-btn cx-plan-schedule-run${busy ? ' cx-btn--disabled' : ''}`} disabled={busy || undefined} onClick={run}>
        {busy ? '正在排期…' : '倒排日期'}
      </Button>
      <FieldProblem text={problem} />
    </View>
  );
}
