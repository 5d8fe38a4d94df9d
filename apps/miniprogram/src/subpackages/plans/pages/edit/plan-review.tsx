import type { Plan } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';

/** 审批 (township staff of the plan's township, while submitted): 批准 with an optional note, 退回 with a required one. */
export function PlanReview({
  plan,
  onDone,
  onStale,
}: {
  plan: Plan;
  onDone: (plan: Plan, action: 'approve' | 'return') => void;
  onStale: (message: string) => void;
}) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => onStale(failure.message),
    onError: (failure) => setProblem(failure.message),
  });

  const act = async (action: 'approve' | 'return') => {
    if (busy) return;
    const text = note.trim();
    if (action === 'return' && !text) return setProblem('请填写退回原因');
    setProblem(undefined);
    const body =
      action === 'return'
        ? { action, version: plan.version, note: text }
        : { action, version: plan.version, ...(text ? { note: text } : {}) };
    const res = await run(() => api.actOnPlan({ params: { branchId: plan.branchId, year: plan.year }, body }));
    if (res) onDone(res.body, action);
  };

  return (
    <View className="cx-card plan-review cx-plan-review">
      <Text className="cx-field__label">审批意见</Text>
      <View className="plan-textarea cx-plan-note">
        <Textarea
          className="plan-textarea__input"
          value={note}
          maxlength={200}
          placeholder="批准时可不填；退回时请写明原因"
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      {problem ? <Text className="cx-form-problem cx-plan-problem">{problem}</Text> : null}
      <View className="plan-actions">
        <Button
          className={`cx-btn cx-plan-return${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => act('return')}
        >
          退回
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-plan-approve${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => act('approve')}
        >
          批准
        </Button>
      </View>
    </View>
  );
}
