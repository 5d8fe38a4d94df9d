import {
  type AppraisalItem,
  type AppraisalSession,
  DEFAULT_APPRAISAL_FORM,
  type GroupWeights,
  PutAppraisalBody,
  SCORER_GROUP_LABELS,
  SCORER_GROUPS,
  shanghaiDay,
} from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { issuesByPath } from '../../appraisal-helpers';

interface ItemRow {
  id: string;
  name: string;
  points: string;
}

const toNumber = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** A fresh item id that the form does not use yet. */
function freshId(rows: ItemRow[]): string {
  for (let n = rows.length + 1; ; n++) if (!rows.some((r) => r.id === `item-${n}`)) return `item-${n}`;
}

/** The draft's scoring form, weights, date and seats; checked with the contract's schema, then by the server. */
export function DraftForm({ townshipId, quarter, saved }: { townshipId: string; quarter: string; saved?: AppraisalSession }) {
  const base = saved ?? { ...DEFAULT_APPRAISAL_FORM, date: shanghaiDay(), residentSeats: 5, version: 0 };
  const [date, setDate] = useState(base.date);
  const [rows, setRows] = useState<ItemRow[]>(base.items.map((i) => ({ id: i.id, name: i.name, points: String(i.maxPoints) })));
  const [weights, setWeights] = useState<Record<keyof GroupWeights, string>>({
    committee: String(base.weights.committee),
    secretaries: String(base.weights.secretaries),
    residents: String(base.weights.residents),
  });
  const [seats, setSeats] = useState(String(base.residentSeats));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblem(`${failure.message}（请返回刷新后再改）`),
    onError: (failure, body) => {
      setErrors(fieldErrorsOf(body));
      setProblem(failure.message);
    },
  });

  const setRow = (index: number, patch: Partial<ItemRow>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const save = async () => {
    if (busy) return;
    const items: AppraisalItem[] = rows.map((r) => ({ id: r.id, name: r.name.trim(), maxPoints: toNumber(r.points) }));
    const body = {
      date: date.trim(),
      items,
      weights: {
        committee: toNumber(weights.committee),
        secretaries: toNumber(weights.secretaries),
        residents: toNumber(weights.residents),
      },
      residentSeats: toNumber(seats),
      version: base.version,
    };
    // The server's own schema first: the answer comes without a round trip.
    const local = PutAppraisalBody.safeParse(body);
    if (!local.success) {
      setErrors(issuesByPath(local.error.issues));
      setProblem('请按提示修改后再保存');
      return;
    }
    setErrors({});
    setProblem(undefined);
    const res = await run(() => api.putAppraisal({ params: { townshipId, quarter }, body: local.data }));
    if (!res) return;
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
    Taro.redirectTo({ url: PAGES.appraisalManage(townshipId, quarter) }).catch(() => undefined);
  };

  const weightSum = SCORER_GROUPS.reduce((sum, g) => sum + (toNumber(weights[g]) || 0), 0);
  return (
    <View>
      <View className="cx-card">
        <Text className="cx-field__label">评议日期</Text>
        <View className="cx-field cx-appr-date">
          <Input
            className="cx-input"
            value={date}
            maxlength={10}
            placeholder="例如 2026-12-20"
            aria-label="评议日期"
            onInput={(e) => setDate(e.detail.value)}
          />
        </View>
        <FieldProblem text={errors.date} className="cx-appr-error" path="date" />
      </View>
      <View className="cx-card">
        <Text className="cx-field__label">评分项和满分</Text>
        {rows.map((row, i) => (
          <View key={row.id} className="cx-appr-item" data-item={row.id}>
            <View className="appr-row">
              <View className="appr-row__name cx-appr-item-name">
                <Input
                  className="cx-input"
                  value={row.name}
                  maxlength={20}
                  placeholder="评分项名称"
                  aria-label={`第 ${i + 1} 个评分项的名称`}
                  onInput={(e) => setRow(i, { name: e.detail.value })}
                />
              </View>
              <View className="appr-row__points cx-appr-item-points">
                <Input
                  className="cx-input"
                  type="number"
                  value={row.points}
                  maxlength={3}
                  placeholder="满分"
                  aria-label={`第 ${i + 1} 个评分项的满分`}
                  onInput={(e) => setRow(i, { points: e.detail.value })}
                />
              </View>
              <Button
                className="cx-btn cx-btn--compact cx-appr-item-remove"
                aria-label={`删除第 ${i + 1} 个评分项`}
                disabled={rows.length <= 1 || undefined}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                删除
              </Button>
            </View>
            <FieldProblem text={errors[`items.${i}.name`]} className="cx-appr-error" path={`items.${i}.name`} />
            <FieldProblem text={errors[`items.${i}.maxPoints`]} className="cx-appr-error" path={`items.${i}.maxPoints`} />
          </View>
        ))}
        <FieldProblem text={errors.items} className="cx-appr-error" path="items" />
        <Button className="cx-btn cx-appr-item-add" onClick={() => setRows([...rows, { id: freshId(rows), name: '', points: '10' }])}>
          添加评分项
        </Button>
      </View>
      <View className="cx-card">
        <Text className="cx-field__label">三类评议人权重（%）</Text>
        <Text className="appr-hint">三项之和应为 100，现为 {weightSum}</Text>
        {SCORER_GROUPS.map((g) => (
          <View key={g}>
            <View className="appr-number">
              <Text className="appr-number__label">{SCORER_GROUP_LABELS[g]}</Text>
              <View className={`appr-number__input cx-appr-weight`} data-group={g}>
                <Input
                  className="cx-input"
                  type="number"
                  value={weights[g]}
                  maxlength={3}
                  aria-label={`${SCORER_GROUP_LABELS[g]}权重`}
                  onInput={(e) => setWeights({ ...weights, [g]: e.detail.value })}
                />
              </View>
            </View>
            <FieldProblem text={errors[`weights.${g}`]} className="cx-appr-error" path={`weights.${g}`} />
          </View>
        ))}
        <FieldProblem text={errors.weights} className="cx-appr-error" path="weights" />
      </View>
      <View className="cx-card">
        <View className="appr-number">
          <Text className="appr-number__label">居民代表人数（每人一个评议码）</Text>
          <View className="appr-number__input cx-appr-seats">
            <Input
              className="cx-input"
              type="number"
              value={seats}
              maxlength={2}
              aria-label="居民代表人数"
              onInput={(e) => setSeats(e.detail.value)}
            />
          </View>
        </View>
        <FieldProblem text={errors.residentSeats} className="cx-appr-error" path="residentSeats" />
      </View>
      {problem ? <Text className="cx-form-problem cx-appr-problem">{problem}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-appr-save${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={save}
      >
        保存评议方案
      </Button>
    </View>
  );
}
