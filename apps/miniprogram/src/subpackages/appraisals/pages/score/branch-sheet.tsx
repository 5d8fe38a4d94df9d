import type { AppraisalItem, AppraisalSession } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';
import { readSheet, sheetTotal } from '../../appraisal-helpers';

type Branch = AppraisalSession['branches'][number];
type Sheet = AppraisalSession['me']['sheets'][number];

/** One branch's score sheet: a big number input per item (0..max), the total, 提交 (a resubmission replaces it). */
export function BranchSheet({
  townshipId,
  quarter,
  items,
  branch,
  saved,
  onSaved,
  onLocked,
}: {
  townshipId: string;
  quarter: string;
  items: AppraisalItem[];
  branch: Branch;
  saved?: Sheet;
  onSaved: (session: AppraisalSession) => void;
  onLocked: (message: string) => void;
}) {
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((i) => [i.id, saved?.scores[i.id] === undefined ? '' : String(saved.scores[i.id])])),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const { busy, run } = useMutation({
    onConflict: (failure) => onLocked(failure.message),
    onError: (failure, body) => {
      const fields = fieldErrorsOf(body);
      setProblems(Object.fromEntries(items.flatMap((i) => (fields[`scores.${i.id}`] ? [[i.id, fields[`scores.${i.id}`]]] : []))));
      setProblem(failure.message);
    },
  });
  const full = items.reduce((sum, i) => sum + i.maxPoints, 0);

  const submit = async () => {
    if (busy) return;
    const { scores, problems: local } = readSheet(items, typed);
    setProblems(local);
    if (Object.keys(local).length) return setProblem('请按提示修改后再提交');
    setProblem(undefined);
    const res = await run(() =>
      api.putAppraisalSheet({
        params: { townshipId, quarter, branchId: branch.branchId },
        body: { scores, version: saved?.version ?? 0 },
      }),
    );
    if (!res) return;
    setDirty(false);
    Taro.showToast({ title: '已提交', icon: 'success' }).catch(() => undefined);
    onSaved(res.body);
  };

  return (
    <View className="cx-card cx-appr-sheet" data-branch={branch.branchId}>
      <Text className="appr-title">{branch.branchName}</Text>
      {branch.report ? (
        <Text className="appr-report cx-appr-report-text">{branch.report.text}</Text>
      ) : (
        <Text className="appr-hint">未提交书面述职</Text>
      )}
      {items.map((item) => (
        <View key={item.id}>
          <View className="appr-number">
            <Text className="appr-number__label">
              {item.name}（0–{item.maxPoints} 分）
            </Text>
            <View className="appr-number__input cx-appr-score-input" data-item={item.id}>
              <Input
                className="cx-input"
                type="number"
                maxlength={3}
                value={typed[item.id]}
                placeholder={`0–${item.maxPoints}`}
                aria-label={`${branch.branchName}：${item.name}，满分 ${item.maxPoints} 分`}
                onInput={(e) => {
                  setTyped({ ...typed, [item.id]: e.detail.value });
                  setDirty(true);
                }}
              />
            </View>
          </View>
          <FieldProblem text={problems[item.id]} className="cx-appr-error" path={item.id} />
        </View>
      ))}
      <Text className="appr-total cx-appr-total">
        合计 {sheetTotal(items, typed)} / {full} 分
      </Text>
      {problem ? <Text className="cx-form-problem cx-appr-problem">{problem}</Text> : null}
      {saved && !dirty ? <Text className="appr-saved cx-appr-saved">✓ 已提交，评分结束前可以修改</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-appr-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        {saved ? '提交修改' : '提交评分'}
      </Button>
    </View>
  );
}
