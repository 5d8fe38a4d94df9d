import { CREATION_PLAN_LIMITS, type KeyDate, type StarTargets } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { accessibleControl } from '../../components/accessible-control';
import { FieldProblem } from '../../components/field-problem';
import { newClientId } from '../../services/month-nav';
import { DateField } from '../../shared-ui/date-field';

/** Rows being edited carry a key of their own (names and dates may repeat or be empty while typed). */
export type KeyDateRow = KeyDate & { rowKey: string };
export type UnitRow = { rowKey: string; name: string };
export const keyDateRows = (list: KeyDate[]): KeyDateRow[] => list.map((k) => ({ ...k, rowKey: newClientId() }));
export const unitRows = (list: string[]): UnitRow[] => list.map((name) => ({ name, rowKey: newClientId() }));
export const keyDatesOf = (rows: KeyDateRow[]): KeyDate[] => rows.map(({ name, date }) => ({ name, date }));
export const unitsOf = (rows: UnitRow[]): string[] => rows.map((r) => r.name);

export const GOAL_LABELS: Record<keyof StarTargets, string> = {
  threeStar: '三星成片（三星及以上支部数）',
  fourStar: '四星倍增（四星及以上支部数）',
  fiveStar: '五星涌现（五星支部数）',
};
const GOAL_KEYS = Object.keys(GOAL_LABELS) as (keyof StarTargets)[];

/** A count typed as digits; empty reads as 0 and the contract checks the range. */
const toCount = (v: string) => (/^\d{1,3}$/.test(v) ? Number(v) : 0);

/** The three targets as labelled number fields, with the baseline (and a floor, when the district set one) beside each. */
export function TargetInputs({
  who,
  value,
  baseline,
  floor,
  disabled,
  problems,
  path,
  onChange,
}: {
  who: string;
  value: StarTargets;
  baseline: StarTargets;
  floor?: StarTargets;
  disabled: boolean;
  problems: Record<string, string>;
  path: string;
  onChange: (t: StarTargets) => void;
}) {
  return (
    <View className="cplan-targets">
      {GOAL_KEYS.map((k) => (
        <View key={k} className="cplan-target cx-cplan-target" data-goal={k}>
          <Text className="cplan-label">{GOAL_LABELS[k]}</Text>
          <View className="cplan-row">
            <Input
              className="cx-input cplan-number cx-cplan-number"
              type="number"
              value={String(value[k])}
              disabled={disabled}
              aria-label={`${who}${GOAL_LABELS[k]}目标`}
              onInput={(e) => onChange({ ...value, [k]: toCount(e.detail.value) })}
            />
            <Text className="cplan-muted">
              基线 {baseline[k]}
              {k === 'fourStar' ? ` · 翻番 ${baseline.fourStar * 2}` : ''}
              {floor ? ` · 区级目标 ${floor[k]}` : ''}
            </Text>
          </View>
          <FieldProblem text={problems[`${path}.${k}`]} path={`${path}.${k}`} />
        </View>
      ))}
    </View>
  );
}

/** 关键节点: a name and a date (the native date wheel) each; rows are added and removed. */
export function KeyDatesEditor({
  year,
  value,
  disabled,
  problems,
  onChange,
}: {
  year: number;
  value: KeyDateRow[];
  disabled: boolean;
  problems: Record<string, string>;
  onChange: (v: KeyDateRow[]) => void;
}) {
  const set = (i: number, patch: Partial<KeyDate>) => onChange(value.map((k, j) => (j === i ? { ...k, ...patch } : k)));
  return (
    <View className="cx-card cplan-section cx-cplan-keydates">
      <Text className="cplan-section__title">关键节点</Text>
      {value.length ? null : <Text className="cplan-muted">还没有关键节点</Text>}
      {value.map((k, i) => (
        <View key={k.rowKey} className="cplan-item cx-cplan-keydate" data-index={i}>
          <Input
            className="cx-input"
            value={k.name}
            disabled={disabled}
            maxlength={CREATION_PLAN_LIMITS.keyDateName}
            placeholder="节点名称（如：年中观摩）"
            aria-label={`第 ${i + 1} 个关键节点的名称`}
            onInput={(e) => set(i, { name: e.detail.value })}
          />
          <FieldProblem text={problems[`keyDates.${i}.name`]} path={`keyDates.${i}.name`} />
          <DateField
            label={`第 ${i + 1} 个关键节点的日期`}
            value={k.date}
            start={`${year}-01-01`}
            end={`${year}-12-31`}
            disabled={disabled}
            className="cx-cplan-date"
            onChange={(date) => set(i, { date })}
          />
          <FieldProblem text={problems[`keyDates.${i}.date`]} path={`keyDates.${i}.date`} />
          {disabled ? null : (
            <View
              className="cplan-remove cx-cplan-remove-date"
              hoverClass="cx-pressed"
              {...accessibleControl({ label: `删除第 ${i + 1} 个关键节点`, onActivate: () => onChange(value.filter((_, j) => j !== i)) })}
            >
              <Text>删除</Text>
            </View>
          )}
        </View>
      ))}
      {disabled || value.length >= CREATION_PLAN_LIMITS.keyDates ? null : (
        <Button className="cx-btn cx-cplan-add-date" onClick={() => onChange([...value, { name: '', date: '', rowKey: newClientId() }])}>
          ＋ 添加关键节点
        </Button>
      )}
    </View>
  );
}

/** 责任单位: one line each. */
export function UnitsEditor({
  value,
  disabled,
  problems,
  onChange,
}: {
  value: UnitRow[];
  disabled: boolean;
  problems: Record<string, string>;
  onChange: (v: UnitRow[]) => void;
}) {
  return (
    <View className="cx-card cplan-section cx-cplan-units">
      <Text className="cplan-section__title">责任单位</Text>
      {value.length ? null : <Text className="cplan-muted">还没有责任单位</Text>}
      {value.map((u, i) => (
        <View key={u.rowKey} className="cplan-item cplan-row cx-cplan-unit" data-index={i}>
          <Input
            className="cx-input cplan-grow"
            value={u.name}
            disabled={disabled}
            maxlength={CREATION_PLAN_LIMITS.unit}
            placeholder="单位名称（如：区委组织部）"
            aria-label={`第 ${i + 1} 个责任单位`}
            onInput={(e) => onChange(value.map((x, j) => (j === i ? { ...x, name: e.detail.value } : x)))}
          />
          {disabled ? null : (
            <View
              className="cplan-remove cx-cplan-remove-unit"
              hoverClass="cx-pressed"
              {...accessibleControl({ label: `删除第 ${i + 1} 个责任单位`, onActivate: () => onChange(value.filter((_, j) => j !== i)) })}
            >
              <Text>删除</Text>
            </View>
          )}
          <FieldProblem text={problems[`responsibleUnits.${i}`]} path={`responsibleUnits.${i}`} />
        </View>
      ))}
      {disabled || value.length >= CREATION_PLAN_LIMITS.units ? null : (
        <Button className="cx-btn cx-cplan-add-unit" onClick={() => onChange([...value, { name: '', rowKey: newClientId() }])}>
          ＋ 添加责任单位
        </Button>
      )}
    </View>
  );
}
