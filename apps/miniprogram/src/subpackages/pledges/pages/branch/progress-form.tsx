import { type PledgeProgress, ReportPledgeProgressBody } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';
import { monthLabel } from '../../pledge-helpers';

const ignore = () => undefined;

/** 赛实绩: this month's progress on one commitment (a percentage and what was done); a second report updates it. */
export function ProgressForm({
  target,
  current,
  onSaved,
}: {
  target: { branchId: string; year: number; month: string; itemId: string };
  current?: PledgeProgress;
  onSaved: (p: PledgeProgress) => void;
}) {
  const [percent, setPercent] = useState(current ? String(current.percent) : '');
  const [text, setText] = useState(current?.text ?? '');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblems({ form: `${failure.message}` }),
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.replace(/^(body|params)\./, ''), failure.message)),
  });
  const send = async () => {
    if (busy) return;
    const n = /^\d{1,3}$/.test(percent.trim()) ? Number(percent.trim()) : Number.NaN;
    const parsed = ReportPledgeProgressBody.safeParse({ percent: n, text, version: current?.version ?? 0 });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (!out[key]) out[key] = issue.code === 'invalid_type' ? '请填写 0 到 100 的整数' : issue.message;
      }
      return setProblems(out);
    }
    setProblems({});
    const res = await run(() => api.reportPledgeProgress({ params: target, body: parsed.data }));
    if (!res) return;
    Taro.showToast({ title: '实绩已填报', icon: 'success' }).catch(ignore);
    onSaved(res.body);
  };
  return (
    <View className="cx-pledge-progress-form" data-item={target.itemId}>
      <Text className="pledge-muted">{monthLabel(target.month)}实绩</Text>
      <View className="pledge-row">
        <Input
          className="cx-input cx-pledge-percent"
          type="number"
          value={percent}
          maxlength={3}
          placeholder="完成度 0–100"
          aria-label="完成度（百分比）"
          onInput={(e) => setPercent(e.detail.value)}
        />
        <Text className="pledge-muted">%</Text>
      </View>
      <FieldProblem text={problems.percent} />
      <Textarea
        className="pledge-textarea cx-pledge-progress-text"
        value={text}
        maxlength={300}
        placeholder="本月做了什么、到了哪一步"
        aria-label="本月实绩"
        onInput={(e) => setText(e.detail.value)}
      />
      <FieldProblem text={problems.text ?? problems.month ?? problems.form ?? problems.version} className="cx-pledge-progress-problem" />
      <Button
        className={`cx-btn cx-btn--primary cx-pledge-progress-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={send}
      >
        {busy ? '正在提交…' : current ? '更新本月实绩' : '填报本月实绩'}
      </Button>
    </View>
  );
}
