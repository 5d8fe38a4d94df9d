import {
  type BranchPledges,
  PLEDGE_LIMITS,
  PLEDGE_PERIOD_LABELS,
  PLEDGE_PERIODS,
  type PledgeItemInput,
  PublishPledgesBody,
  STAR_LABELS,
} from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';
import { blankPledge } from '../../pledge-helpers';

const ignore = () => undefined;

/** The secretary writes the year's commitments, one card per commitment, and publishes them (公开承诺). */
export function PledgeEditor({
  data,
  onSaved,
  onCancel,
}: {
  data: BranchPledges;
  onSaved: (d: BranchPledges) => void;
  onCancel: () => void;
}) {
  const [items, setItems] = useState<PledgeItemInput[]>(() => (data.items.length ? data.items : [blankPledge(data.stars[0])]));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblems({ form: `${failure.message}（请返回刷新）` }),
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.replace(/^body\./, ''), failure.message)),
  });
  const change = (i: number, patch: Partial<PledgeItemInput>) =>
    setItems((list) => list.map((it, k) => (k === i ? { ...it, ...patch } : it)));

  const publish = async () => {
    if (busy) return;
    const parsed = PublishPledgesBody.safeParse({ items, version: data.version });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        if (!out[key]) out[key] = issue.message;
      }
      return setProblems(out);
    }
    setProblems({});
    const res = await run(() => api.publishPledges({ params: { branchId: data.branchId, year: data.year }, body: parsed.data }));
    if (!res) return;
    Taro.showToast({ title: '承诺已公开', icon: 'success' }).catch(ignore);
    onSaved(res.body);
  };

  return (
    <View className="cx-pledge-editor">
      {items.map((item, i) => (
        <View key={item.id} className="cx-card pledge-item cx-pledge-edit-item" data-index={i}>
          <Text className="pledge-muted">第 {i + 1} 条 · 对应星</Text>
          <ChoiceChips
            choices={data.stars.map((s) => ({ key: s, label: STAR_LABELS[s] }))}
            isSelected={(s) => item.star === s}
            onPick={(s) => change(i, { star: s })}
            itemClassName="cx-pledge-star"
          />
          <Text className="pledge-muted">期限</Text>
          <ChoiceChips
            choices={PLEDGE_PERIODS.map((p) => ({ key: p, label: PLEDGE_PERIOD_LABELS[p] }))}
            isSelected={(p) => item.period === p}
            onPick={(p) => change(i, { period: p })}
            itemClassName="cx-pledge-period"
          />
          <Textarea
            className="pledge-textarea cx-pledge-text"
            value={item.text}
            maxlength={PLEDGE_LIMITS.text}
            placeholder="承诺做到什么（如：樱桃冷库年内建成投用）"
            aria-label={`第 ${i + 1} 条承诺的内容`}
            onInput={(e) => change(i, { text: e.detail.value })}
          />
          <FieldProblem text={problems[`items.${i}.text`]} path={`items.${i}.text`} />
          <Input
            className="cx-input cx-pledge-measure"
            value={item.measure}
            maxlength={PLEDGE_LIMITS.measure}
            placeholder="衡量标准（如：冷库投用）"
            aria-label={`第 ${i + 1} 条承诺的衡量标准`}
            onInput={(e) => change(i, { measure: e.detail.value })}
          />
          <FieldProblem text={problems[`items.${i}.measure`] ?? problems[`items.${i}.star`]} path={`items.${i}.measure`} />
          {items.length > 1 ? (
            <View
              className="pledge-muted cx-pledge-remove"
              hoverClass="cx-pressed"
              {...accessibleControl({ onActivate: () => setItems((list) => list.filter((_, k) => k !== i)) })}
            >
              <Text>删除这一条</Text>
            </View>
          ) : null}
        </View>
      ))}
      {items.length < PLEDGE_LIMITS.items ? (
        <Button className="cx-btn cx-pledge-add" onClick={() => setItems((list) => [...list, blankPledge(data.stars[0])])}>
          ＋ 再加一条承诺
        </Button>
      ) : null}
      <FieldProblem text={problems.items ?? problems.form ?? problems.version} className="cx-pledge-problem" />
      <View className="pledge-row">
        <Button className="cx-btn" onClick={onCancel}>
          取消
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-pledge-publish${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={publish}
        >
          {busy ? '正在公开…' : '公开承诺'}
        </Button>
      </View>
    </View>
  );
}
