import { type DistrictCreationPlan, SaveDistrictCreationPlanBody, type StarTargets } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';
import { problemsOf } from '../../plan-access';
import { KeyDatesEditor, keyDateRows, keyDatesOf, TargetInputs, UnitsEditor, unitRows, unitsOf } from '../../plan-fields';

const ignore = () => undefined;

/** 区级创建规划: targets per township (defaults from the baseline until saved), key dates and units; the district admin saves. */
export function DistrictPlanForm({
  data,
  editable,
  onSaved,
}: {
  data: DistrictCreationPlan;
  editable: boolean;
  onSaved: (d: DistrictCreationPlan) => void;
}) {
  const [targets, setTargets] = useState<Record<string, StarTargets>>(() =>
    Object.fromEntries(data.townships.map((t) => [t.townshipId, t.targets])),
  );
  const [keyDates, setKeyDates] = useState(() => keyDateRows(data.keyDates));
  const [units, setUnits] = useState(() => unitRows(data.responsibleUnits));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblems({ form: `${failure.message}（请返回刷新）` }),
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.replace(/^body\./, ''), failure.message)),
  });

  const save = async () => {
    if (busy) return;
    const parsed = SaveDistrictCreationPlanBody.safeParse({
      townships: data.townships.map((t) => ({ townshipId: t.townshipId, targets: targets[t.townshipId] })),
      keyDates: keyDatesOf(keyDates),
      responsibleUnits: unitsOf(units),
      version: data.version,
    });
    if (!parsed.success) return setProblems(problemsOf(parsed.error.issues));
    setProblems({});
    const res = await run(() => api.saveDistrictCreationPlan({ params: { year: data.year }, body: parsed.data }));
    if (!res) return;
    Taro.showToast({ title: '规划已保存', icon: 'success' }).catch(ignore);
    onSaved(res.body);
  };

  return (
    <View className="cx-cplan-district">
      <Text className="cplan-muted">
        {data.year} 年 · {data.version ? `第 ${data.version} 版` : '尚未保存（目标为按基线算出的默认值）'}
      </Text>
      {data.townships.map((t, i) => (
        <View key={t.townshipId} className="cx-card cplan-section cx-cplan-township" data-township={t.townshipId}>
          <Text className="cplan-section__title">
            {t.name}（{t.branchCount} 个支部）
          </Text>
          <TargetInputs
            who={t.name}
            value={targets[t.townshipId]}
            baseline={t.baseline}
            disabled={!editable}
            problems={problems}
            path={`townships.${i}.targets`}
            onChange={(v) => setTargets((all) => ({ ...all, [t.townshipId]: v }))}
          />
        </View>
      ))}
      <KeyDatesEditor year={data.year} value={keyDates} disabled={!editable} problems={problems} onChange={setKeyDates} />
      <UnitsEditor value={units} disabled={!editable} problems={problems} onChange={setUnits} />
      <FieldProblem text={problems.form ?? problems.version ?? problems.townships} className="cx-cplan-problem" />
      {editable ? (
        <Button
          className={`cx-btn cx-btn--primary cx-cplan-save${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={save}
        >
          {busy ? '正在保存…' : '保存区级规划'}
        </Button>
      ) : null}
    </View>
  );
}
