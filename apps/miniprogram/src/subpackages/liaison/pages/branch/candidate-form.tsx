import { type FiveStarCandidate, PutFiveStarCandidateBody } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';

const ignore = () => undefined;
const FIELDS = [
  { key: 'strengths', label: '长板', hint: '最突出的优势' },
  { key: 'weaknesses', label: '短板', hint: '还差在哪里' },
  { key: 'baseline', label: '底板', hint: '必须守住的底线（否决项风险、基础工作）' },
] as const;
type Key = (typeof FIELDS)[number]['key'];

/**
 * "逐村过、逐级筛": the branch as a 五星 candidate with its 长板, 短板 and 底板. `current` is the candidacy the home
 * showed (none: not a candidate); saving sends the version read, 撤回候选 withdraws it.
 */
export function CandidateForm({
  branchId,
  current,
  onSaved,
}: {
  branchId: string;
  current?: FiveStarCandidate;
  onSaved: (c: FiveStarCandidate) => void;
}) {
  const [texts, setTexts] = useState<Record<Key, string>>({
    strengths: current?.strengths ?? '',
    weaknesses: current?.weaknesses ?? '',
    baseline: current?.baseline ?? '',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblems({ form: `${failure.message}（请返回刷新）` }),
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.replace(/^(body|params)\./, ''), failure.message)),
  });
  const active = current?.status === 'active';
  const save = async () => {
    if (busy) return;
    const parsed = PutFiveStarCandidateBody.safeParse({ ...texts, version: current?.version ?? 0 });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) out[String(issue.path[0])] ??= issue.message;
      return setProblems(out);
    }
    setProblems({});
    const res = await run(() => api.putFiveStarCandidate({ params: { branchId }, body: parsed.data }));
    if (!res) return;
    Taro.showToast({ title: active ? '评估已更新' : '已列为五星候选', icon: 'success' }).catch(ignore);
    onSaved(res.body);
  };
  const withdraw = async () => {
    if (busy || !current) return;
    const res = await run(() => api.withdrawFiveStarCandidate({ params: { branchId }, body: { version: current.version } }));
    if (!res) return;
    Taro.showToast({ title: '已撤回候选', icon: 'success' }).catch(ignore);
    onSaved(res.body);
  };
  return (
    <View className="cx-card cx-liaison-candidate-form">
      <Text className="cx-section-title">五星候选</Text>
      <Text className="liaison-muted cx-liaison-candidate-status">
        {active ? `已列为五星候选（${current.markedByName}）` : '尚未列为五星候选'}
      </Text>
      {FIELDS.map((f) => (
        <View key={f.key} className="liaison-field">
          <Text className="liaison-muted">
            {f.label}：{f.hint}
          </Text>
          <Textarea
            className={`liaison-textarea cx-liaison-${f.key}`}
            value={texts[f.key]}
            maxlength={120}
            placeholder={f.hint}
            aria-label={f.label}
            onInput={(e) => setTexts((t) => ({ ...t, [f.key]: e.detail.value }))}
          />
          <FieldProblem text={problems[f.key]} />
        </View>
      ))}
      <FieldProblem text={problems.form ?? problems.version} className="cx-liaison-candidate-problem" />
      <Button
        className={`cx-btn cx-btn--primary cx-liaison-candidate-save${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={save}
      >
        {active ? '更新评估' : '列为五星候选'}
      </Button>
      {active ? (
        <Button className="cx-btn cx-liaison-candidate-withdraw" disabled={busy || undefined} onClick={withdraw}>
          撤回候选
        </Button>
      ) : null}
    </View>
  );
}
