import { SaveTownshipCreationPlanBody, type TownshipCreationPlan } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';
import { Stepper } from '../../../../shared-ui/stepper';
import { problemsOf } from '../../plan-access';
import { KeyDatesEditor, keyDateRows, keyDatesOf, TargetInputs, UnitsEditor, unitRows, unitsOf } from '../../plan-fields';

const ignore = () => undefined;

/** 乡镇创建规划: targets (at least the district's), key dates, units and a target level per branch; its staff save. */
export function TownshipPlanForm({
  data,
  editable,
  onSaved,
}: {
  data: TownshipCreationPlan;
  editable: boolean;
  onSaved: (d: TownshipCreationPlan) => void;
}) {
  const [targets, setTargets] = useState(data.targets);
  const [keyDates, setKeyDates] = useState(() => keyDateRows(data.keyDates));
  const [units, setUnits] = useState(() => unitRows(data.responsibleUnits));
  const [levels, setLevels] = useState<Record<string, number>>(() =>
    Object.fromEntries(data.branches.map((b) => [b.branchId, b.targetLevel])),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblems({ form: `${failure.message}（请返回刷新）` }),
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.replace(/^body\./, ''), failure.message)),
  });

  const save = async () => {
    if (busy) return;
    const parsed = SaveTownshipCreationPlanBody.safeParse({
      targets,
      keyDates: keyDatesOf(keyDates),
      responsibleUnits: unitsOf(units),
      branchTargets: data.branches.map((b) => ({ branchId: b.branchId, level: levels[b.branchId] })),
      version: data.version,
    });
    if (!parsed.success) return setProblems(problemsOf(parsed.error.issues));
    setProblems({});
    const res = await run(() =>
      api.saveTownshipCreationPlan({ params: { year: data.year, townshipId: data.townshipId }, body: parsed.data }),
    );
    if (!res) return;
    Taro.showToast({ title: '规划已保存', icon: 'success' }).catch(ignore);
    onSaved(res.body);
  };

  return (
    <View className="cx-cplan-township-plan">
      <Text className="cplan-muted">
        {data.year} 年 · {data.name} · {data.version ? `第 ${data.version} 版` : '尚未保存（目标为区级目标）'}
      </Text>
      <View className="cx-card cplan-section">
        <Text className="cplan-section__title">本乡镇（街道）目标</Text>
        <TargetInputs
          who={data.name}
          value={targets}
          baseline={data.baseline}
          floor={data.districtTargets}
          disabled={!editable}
          problems={problems}
          path="targets"
          onChange={setTargets}
        />
      </View>
      <KeyDatesEditor year={data.year} value={keyDates} disabled={!editable} problems={problems} onChange={setKeyDates} />
      <UnitsEditor value={units} disabled={!editable} problems={problems} onChange={setUnits} />
      <View className="cx-card cplan-section cx-cplan-branches">
        <Text className="cplan-section__title">各支部目标星级</Text>
        {data.branches.map((b) => (
          <View key={b.branchId} className="cplan-item cx-cplan-branch" data-branch={b.branchId}>
            <Text className="cplan-label">{b.name}</Text>
            <Text className="cplan-muted">
              基线 {b.baselineLevel} 星 · 现在 {b.currentLevel} 星
            </Text>
            {editable ? (
              <Stepper
                value={levels[b.branchId]}
                min={0}
                max={5}
                unit="星"
                lessClassName="cx-cplan-less"
                moreClassName="cx-cplan-more"
                valueClassName="cx-cplan-level"
                onChange={(v) => setLevels((all) => ({ ...all, [b.branchId]: v ?? 0 }))}
              />
            ) : (
              <Text className="cplan-label cx-cplan-level">目标 {levels[b.branchId]} 星</Text>
            )}
          </View>
        ))}
      </View>
      <FieldProblem text={problems.form ?? problems.version ?? problems.branchTargets} className="cx-cplan-problem" />
      {editable ? (
        <Button
          className={`cx-btn cx-btn--primary cx-cplan-save${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={save}
        >
          {busy ? '正在保存…' : '保存乡镇规划'}
        </Button>
      ) : null}
    </View>
  );
}
