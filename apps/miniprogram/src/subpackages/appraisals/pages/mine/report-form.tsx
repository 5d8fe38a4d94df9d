import { AppraisalReportBody, type AppraisalSession } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';

type Report = AppraisalSession['branches'][number]['report'];

/** The secretary's 述职 while the session is open: written, saved, revised (optimistic on its version). */
export function ReportForm({
  townshipId,
  quarter,
  branchId,
  report,
  onSaved,
}: {
  townshipId: string;
  quarter: string;
  branchId: string;
  report: Report;
  onSaved: (session?: AppraisalSession) => void;
}) {
  const [text, setText] = useState(report?.text ?? '');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      setProblem(`${failure.message}，已刷新`);
      onSaved();
    },
    onError: (failure, body) => {
      setError(fieldErrorsOf(body).text);
      setProblem(failure.message);
    },
  });

  const save = async () => {
    if (busy) return;
    const local = AppraisalReportBody.safeParse({ text, version: report?.version ?? 0 });
    if (!local.success) {
      setError(local.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    setProblem(undefined);
    const res = await run(() => api.putAppraisalReport({ params: { townshipId, quarter, branchId }, body: local.data }));
    if (!res) return;
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
    onSaved(res.body);
  };

  return (
    <View className="cx-card cx-appr-report">
      <Text className="cx-field__label">我的述职</Text>
      <Text className="appr-hint">述职期间可以修改；开始评分后评议人会看到这段述职。</Text>
      <Textarea
        className="appr-textarea cx-appr-report-input"
        value={text}
        maxlength={2000}
        placeholder="本季度履职情况、创星进展和下一步打算"
        aria-label="述职内容"
        onInput={(e) => setText(e.detail.value)}
      />
      <FieldProblem text={error} className="cx-appr-error" path="text" />
      {problem ? <Text className="cx-form-problem cx-appr-problem">{problem}</Text> : null}
      {report ? <Text className="appr-saved cx-appr-saved">✓ 已保存（第 {report.version} 版）</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-appr-report-save${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={save}
      >
        {report ? '保存修改' : '提交述职'}
      </Button>
    </View>
  );
}
