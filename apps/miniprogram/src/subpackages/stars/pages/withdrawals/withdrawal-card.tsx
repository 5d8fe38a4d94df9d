import {
  formatShanghaiDateTime,
  STAR_LABELS,
  STAR_OBJECTION_LIMITS,
  STAR_WITHDRAWAL_STATUS_LABELS,
  type StarWithdrawal,
} from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';

export type WithdrawalDecision = 'confirm' | 'reject';

const SOURCE_LABELS: Record<StarWithdrawal['source']['kind'], string> = {
  finding: '四不两直检查发现的问题',
  integrity_case: '经纪检监察核查属实的廉情问题',
};

/** One 撤星: the branch, the star, the veto item hit and where it came from; an open one is decided with a reason. */
export function WithdrawalCard({
  w,
  busy,
  onDecide,
}: {
  w: StarWithdrawal;
  busy: boolean;
  onDecide?: (action: WithdrawalDecision, reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const act = async (action: WithdrawalDecision) => {
    if (!reason.trim()) return setProblem('请填写理由：确认撤星时会随公示发布');
    setProblem(undefined);
    if (action === 'confirm') {
      const ok = await Taro.showModal({
        title: '确认撤星',
        content: `确认后${w.branchName}将不再持有${STAR_LABELS[w.star]}，并公示。确定吗？`,
      }).catch(() => ({ confirm: false }));
      if (!ok.confirm) return;
    }
    onDecide?.(action, reason.trim());
  };
  return (
    <View className={`cx-card stars-withdrawal cx-star-withdrawal is-${w.status}`} data-id={w.id} data-status={w.status}>
      <View className="stars-app__head">
        <Text className="stars-app__title cx-star-withdrawal-title">
          {w.branchName} · {STAR_LABELS[w.star]}
        </Text>
        <Text className={`stars-status stars-withdrawal--${w.status}`}>{STAR_WITHDRAWAL_STATUS_LABELS[w.status]}</Text>
      </View>
      <Text className="stars-objection__text cx-star-withdrawal-veto">触及一票否决项：{w.source.vetoText}</Text>
      <Text className="stars-hint">
        依据：{SOURCE_LABELS[w.source.kind]} · {w.openedByName} 于 {formatShanghaiDateTime(w.openedAt)} 发起
      </Text>
      {w.decision ? (
        <Text className="stars-hint cx-star-withdrawal-reason">
          理由：{w.decision.reason}（{w.decision.deciderName}，{formatShanghaiDateTime(w.decision.at)}）
        </Text>
      ) : null}
      {w.publicityFrom && w.publicityUntil ? (
        <Text className="stars-hint">
          公示：{w.publicityFrom} 至 {w.publicityUntil}
        </Text>
      ) : null}
      {w.status === 'open' && onDecide ? (
        <View className="cx-star-withdrawal-decide">
          <View className="stars-textarea cx-star-withdrawal-input">
            <Textarea
              className="stars-textarea__input"
              value={reason}
              maxlength={STAR_OBJECTION_LIMITS.reason}
              placeholder="核实情况和理由"
              nativeProps={{ 'aria-label': '撤星理由' }}
              onInput={(e) => setReason(e.detail.value)}
            />
          </View>
          <FieldProblem text={problem} className="cx-star-withdrawal-problem" />
          <View className="stars-actions">
            <Button
              className={`cx-btn cx-star-withdrawal-reject${busy ? ' cx-btn--disabled' : ''}`}
              disabled={busy || undefined}
              onClick={() => act('reject')}
            >
              不予撤星
            </Button>
            <Button
              className={`cx-btn stars-btn--danger cx-star-withdrawal-confirm${busy ? ' cx-btn--disabled' : ''}`}
              disabled={busy || undefined}
              onClick={() => act('confirm')}
            >
              确认撤星
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
