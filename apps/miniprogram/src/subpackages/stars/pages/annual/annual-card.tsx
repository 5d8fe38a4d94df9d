import {
  type AnnualStarReview,
  DecideAnnualStarReviewBody,
  formatShanghaiDateTime,
  STAR_LABELS,
  STAR_OBJECTION_LIMITS,
  type Star,
} from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { StarChips } from '../../../../components/star-chips';

export type AnnualBranch = AnnualStarReview['branches'][number];

const names = (stars: readonly Star[]) => stars.map((s) => STAR_LABELS[s]).join('、');

/** The district's decision on one branch: kept stars, or the kept and lowered ones, with who, when and why. */
function DecisionView({ decision }: { decision: NonNullable<AnnualBranch['decision']> }) {
  const lowered = decision.lowered.length > 0;
  return (
    <View className="cx-star-annual-decision">
      <Text className={`stars-status cx-star-annual-verdict${lowered ? ' stars-annual--lowered' : ' stars-annual--kept'}`}>
        {lowered ? `已降星：撤下${names(decision.lowered)}` : '已确认'}
      </Text>
      <Text className="stars-hint cx-star-annual-reason">
        意见：{decision.reason}（{decision.deciderName}，{formatShanghaiDateTime(decision.at)}）
      </Text>
    </View>
  );
}

/**
 * 评定 one branch: every held star starts on (确认星级); switching one off lowers it (降星), which asks once more.
 * The body is checked with the server's own schema before it is sent.
 */
function DecisionEditor({
  branch,
  busy,
  onSubmit,
  onCancel,
}: {
  branch: AnnualBranch;
  busy: boolean;
  onSubmit: (body: DecideAnnualStarReviewBody) => void;
  onCancel: () => void;
}) {
  const [keep, setKeep] = useState<Star[]>(branch.held);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lowered = branch.held.filter((s) => !keep.includes(s));
  const toggle = (star: Star) =>
    setKeep((k) => (k.includes(star) ? k.filter((s) => s !== star) : branch.held.filter((s) => s === star || k.includes(s))));

  const submit = async () => {
    const local = DecideAnnualStarReviewBody.safeParse({ keep, reason });
    if (!local.success) {
      setErrors(Object.fromEntries(local.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    if (lowered.length) {
      const ok = await Taro.showModal({ title: '降星', content: `将撤下${names(lowered)}，确定？` }).catch(() => ({ confirm: false }));
      if (!ok.confirm) return;
    }
    onSubmit(local.data);
  };

  return (
    <View className="cx-star-annual-editor">
      <Text className="stars-hint">点按星级可撤下；全部保留即确认星级。</Text>
      <ChoiceChips
        choices={branch.held.map((s) => ({ key: s, label: STAR_LABELS[s] }))}
        isSelected={(s) => keep.includes(s)}
        onPick={toggle}
        itemClassName="cx-star-annual-toggle"
        dataName="star"
      />
      <FieldProblem text={errors.keep} className="cx-star-annual-problem" path="keep" />
      <Text className={`cx-star-annual-outcome${lowered.length ? ' stars-annual--lowered' : ' stars-annual--kept'}`}>
        {lowered.length ? `降星：将撤下${names(lowered)}` : '确认星级：保留全部星级'}
      </Text>
      <View className="stars-textarea cx-star-annual-input">
        <Textarea
          className="stars-textarea__input"
          value={reason}
          maxlength={STAR_OBJECTION_LIMITS.reason}
          placeholder="评定意见（必填）"
          nativeProps={{ 'aria-label': '评定意见' }}
          onInput={(e) => setReason(e.detail.value)}
        />
      </View>
      <FieldProblem text={errors.reason} className="cx-star-annual-problem" path="reason" />
      <View className="stars-actions">
        <Button className="cx-btn cx-star-annual-cancel" aria-label="取消评定" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button
          className={`cx-btn cx-star-annual-submit${lowered.length ? ' stars-btn--danger' : ''}${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={submit}
        >
          提交
        </Button>
      </View>
    </View>
  );
}

/** One branch in the annual review: its held stars, and its decision, or 评定 once the review date has come. */
export function AnnualCard({
  branch,
  canDecide,
  busy,
  onDecide,
}: {
  branch: AnnualBranch;
  canDecide: boolean;
  busy: boolean;
  onDecide: (body: DecideAnnualStarReviewBody) => void;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <View
      className={`cx-card cx-star-annual${branch.decision ? ' is-decided' : ''}`}
      data-id={branch.branchId}
      data-decided={branch.decision ? 'yes' : 'no'}
    >
      <View className="stars-app__head">
        <Text className="stars-app__title cx-star-annual-title">{branch.branchName}</Text>
        {!branch.decision && !editing ? <Text className="stars-status cx-star-annual-pending">待评定</Text> : null}
      </View>
      <StarChips stars={branch.held} />
      {branch.decision ? <DecisionView decision={branch.decision} /> : null}
      {!branch.decision && canDecide && !editing ? (
        <Button className="cx-btn cx-star-annual-open" aria-label={`评定：${branch.branchName}`} onClick={() => setEditing(true)}>
          评定
        </Button>
      ) : null}
      {!branch.decision && canDecide && editing ? (
        <DecisionEditor branch={branch} busy={busy} onSubmit={onDecide} onCancel={() => setEditing(false)} />
      ) : null}
    </View>
  );
}
