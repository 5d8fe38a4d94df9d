import { STAR_LABELS, STAR_OBJECTION_LIMITS, type StarApplicationSummary } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FieldProblem } from '../../../components/field-problem';
import { useMutation } from '../../../hooks/use-mutation';
import { api } from '../../../services/api';
import { fieldError, fieldErrorsOf } from '../../../services/api-failure';
import { newClientKey } from '../services/star-access';

type Named = 'named' | 'anonymous';

/**
 * 提出异议 against one award in 公示: the text and, chosen explicitly as for letters, 署名 or 匿名. An anonymous
 * objection carries no name to anyone; the objector finds it again under 我的异议.
 */
export function ObjectionForm({ app, onFiled, onCancel }: { app: StarApplicationSummary; onFiled: () => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [named, setNamed] = useState<Named>();
  const [problems, setProblems] = useState<{ text?: string; named?: string; form?: string }>({});
  // One key per form: a retried 提交 lands on the same objection.
  const clientKey = useMemo(() => newClientKey(), []);
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblems({ form: `${failure.message}（公示可能已结束，请返回刷新）` }),
    onError: (failure, body) => {
      const fields = fieldErrorsOf(body);
      setProblems({ text: fieldError(fields, 'text'), form: failure.message });
    },
  });
  const submit = async () => {
    const next = {
      text: text.trim().length < 5 ? '请写明异议的理由，至少 5 个字' : undefined,
      named: named ? undefined : '请选择署名或匿名',
    };
    setProblems(next);
    if (next.text || next.named) return;
    const res = await run(() =>
      api.fileStarObjection({
        params: { applicationId: app.id },
        body: { text: text.trim(), anonymous: named === 'anonymous', clientKey },
      }),
    );
    if (!res) return;
    Taro.showToast({ title: '异议已提交', icon: 'success' }).catch(() => undefined);
    onFiled();
  };
  return (
    <View className="stars-objection-form cx-star-objection-form">
      <Text className="cx-field__label">
        对{app.branchName}
        {STAR_LABELS[app.star]}的异议
      </Text>
      <View className="stars-textarea cx-star-objection-text">
        <Textarea
          className="stars-textarea__input"
          value={text}
          maxlength={STAR_OBJECTION_LIMITS.text}
          placeholder="写明哪里不符合标准、您看到的事实"
          nativeProps={{ 'aria-label': '异议内容' }}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      <FieldProblem text={problems.text} className="cx-star-objection-text-problem" />
      <ChoiceChips
        choices={[
          { key: 'named', label: '署名提出' },
          { key: 'anonymous', label: '匿名提出' },
        ]}
        isSelected={(k) => k === named}
        onPick={setNamed}
        itemClassName="cx-star-objection-named"
        dataName="named"
      />
      <Text className="stars-hint">
        {named === 'anonymous'
          ? '匿名：审核人员看不到您是谁，处理结果在“我的异议”里查看。'
          : named === 'named'
            ? '署名：审核人员会看到您的姓名，便于核实。'
            : '请选择署名或匿名。'}
      </Text>
      <FieldProblem text={problems.named} className="cx-star-objection-named-problem" />
      {problems.form ? <Text className="cx-form-problem cx-star-objection-problem">{problems.form}</Text> : null}
      <View className="stars-actions">
        <Button className="cx-btn cx-star-objection-cancel" onClick={onCancel}>
          取消
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-star-objection-submit${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={submit}
        >
          {busy ? '正在提交…' : '提交异议'}
        </Button>
      </View>
    </View>
  );
}
