import { STAR_APPLICATION_LIMITS, type StarAssessmentItem, type StarDecisionBody } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldProblem } from '../../../components/field-problem';

/**
 * 初审 / 复审: approve with an optional note, or return with a reason on each item that falls short (at least one).
 * `stage` only words the buttons; the server knows which review this is.
 */
export function DecisionForm({
  items,
  version,
  stage,
  busy,
  onDecide,
}: {
  items: StarAssessmentItem[];
  version: number;
  stage: '初审' | '复审';
  busy: boolean;
  onDecide: (body: StarDecisionBody) => void;
}) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const approve = () => {
    setProblem(undefined);
    onDecide({ action: 'approve', version, note: note.trim() });
  };
  const giveBack = () => {
    const named = items.flatMap((i) => {
      const reason = reasons[i.itemId]?.trim();
      return reason ? [{ itemId: i.itemId, reason }] : [];
    });
    if (!named.length) return setProblem('退回时请至少在一项下写明退回原因');
    setProblem(undefined);
    onDecide({ action: 'return', version, reasons: named, note: note.trim() });
  };
  return (
    <View className="cx-card stars-decide cx-star-decide">
      <Text className="cx-section-title">{stage}意见</Text>
      <Text className="stars-hint">通过：直接点“{stage}通过”。退回：在需要整改的项目下写明原因，再点“退回”。</Text>
      {items.map((item, i) => (
        <View key={item.itemId} className="stars-decide__item cx-star-reason" data-item={item.itemId}>
          <Text className="stars-decide__title">
            {i + 1}. {item.title}
          </Text>
          <View className="stars-textarea stars-textarea--small">
            <Textarea
              className="stars-textarea__input"
              value={reasons[item.itemId] ?? ''}
              maxlength={STAR_APPLICATION_LIMITS.reason}
              placeholder="退回原因（这一项没问题就不填）"
              nativeProps={{ 'aria-label': `第 ${i + 1} 项退回原因` }}
              onInput={(e) => setReasons((r) => ({ ...r, [item.itemId]: e.detail.value }))}
            />
          </View>
        </View>
      ))}
      <Text className="cx-field__label">总体意见</Text>
      <View className="stars-textarea cx-star-decide-note">
        <Textarea
          className="stars-textarea__input"
          value={note}
          maxlength={STAR_APPLICATION_LIMITS.note}
          placeholder="可不填"
          nativeProps={{ 'aria-label': '总体意见' }}
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <FieldProblem text={problem} className="cx-star-decide-problem" />
      <View className="stars-actions">
        <Button className={`cx-btn cx-star-return${busy ? ' cx-btn--disabled' : ''}`} disabled={busy || undefined} onClick={giveBack}>
          退回
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-star-approve${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={approve}
        >
          {busy ? '正在提交…' : `${stage}通过`}
        </Button>
      </View>
    </View>
  );
}
