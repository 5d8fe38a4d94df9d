import { type CaseLetter, formatShanghaiDateTime, INTEGRITY_OUTCOME_LABELS, LETTER_LIMITS } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { PAGES } from '../../../../services/routes';

type Outcome = keyof typeof INTEGRITY_OUTCOME_LABELS;
const OUTCOMES = (Object.keys(INTEGRITY_OUTCOME_LABELS) as Outcome[]).map((key) => ({ key, label: INTEGRITY_OUTCOME_LABELS[key] }));

/**
 * 核查结论 of a 廉情 letter (纪检监察 only see these letters): recorded once; 属实 leads on to 撤星 when it hits a
 * veto item of a star the community holds. Neither the writer nor the community sees it.
 */
export function IntegrityConclusion({
  letter,
  onDone,
  onStale,
}: {
  letter: CaseLetter;
  onDone: (letter: CaseLetter) => void;
  onStale: (message: string) => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>();
  const [summary, setSummary] = useState('');
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => onStale(`${failure.message}（已刷新）`),
    onError: (failure) => setProblem(failure.message),
  });
  const done = letter.integrityConclusion;
  if (done)
    return (
      <View className="cx-card mailbox-conclusion cx-case-conclusion" data-outcome={done.outcome}>
        <Text className="mailbox-action-form__title">核查结论：{INTEGRITY_OUTCOME_LABELS[done.outcome]}</Text>
        <Text className="mailbox-letter__text">{done.summary}</Text>
        <Text className="mailbox-field__note">
          {done.byName} · {formatShanghaiDateTime(done.at)}（仅纪检监察可见）
        </Text>
        {done.outcome === 'upheld' ? (
          <Button
            className="cx-btn cx-btn--primary cx-case-withdraw-star"
            onClick={() => Taro.navigateTo({ url: PAGES.starWithdrawals({ letterId: letter.id, branchId: letter.branchId }) })}
          >
            触及一票否决项？发起撤星
          </Button>
        ) : null}
      </View>
    );
  if (!letter.canConclude) return null;
  const submit = async () => {
    if (!outcome) return setProblem('请选择核查结论');
    if (summary.trim().length < 2) return setProblem('请填写核查情况');
    setProblem(undefined);
    const res = await run(() =>
      api.concludeIntegrityCase({ params: { letterId: letter.id }, body: { outcome, summary: summary.trim(), version: letter.version } }),
    );
    if (!res) return;
    Taro.showToast({ title: '已记录核查结论', icon: 'success' }).catch(() => undefined);
    onDone(res.body.letter);
  };
  return (
    <View className="cx-card mailbox-action-form cx-case-conclusion-form">
      <Text className="mailbox-action-form__title">核查结论（只能填写一次）</Text>
      <ChoiceChips
        choices={OUTCOMES}
        isSelected={(k) => k === outcome}
        onPick={setOutcome}
        itemClassName="cx-case-outcome"
        dataName="outcome"
      />
      <View className="mailbox-textarea mailbox-textarea--short cx-case-conclusion-summary">
        <Textarea
          className="mailbox-textarea__input"
          value={summary}
          maxlength={LETTER_LIMITS.reason}
          placeholder="核查情况，例如谈话核实、查阅台账的结果"
          nativeProps={{ 'aria-label': '核查情况' }}
          onInput={(e) => setSummary(e.detail.value)}
        />
      </View>
      <FieldProblem text={problem} className="cx-case-conclusion-problem" />
      <Button
        className={`cx-btn cx-btn--primary cx-case-conclude${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        保存核查结论
      </Button>
    </View>
  );
}
