import { addDays, type Branch, type CreateExemptionBody, type Exemption, isDayKey } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { serverProblems } from '../../../../services/server-problems';
import { DateField } from '../../../../shared-ui/date-field';
import { type BranchLabel, dayLabel, EXEMPTION_REASON_MAX, isWeekendDay } from '../../services/exemption-rules';

/** What the caller may record exemptions for. */
export interface ExemptionScope {
  districtAdmin: boolean;
  /** Where the caller may record leave: every township for district admins, their own for township staff. */
  townships: { id: string; name: string }[];
  /** Branches loaded up front, by township (township staff: all of theirs). District admins load them on demand. */
  branchesByTownship: Record<string, Branch[]>;
  /** The same branches by id. */
  branches: Record<string, BranchLabel>;
}

type Kind = 'holiday' | 'workday' | 'leave';
const KIND_LABELS: Record<Kind, string> = { holiday: '全区节假日', workday: '调休上班', leave: '支部请假' };
const KIND_NOTES: Record<Kind, string> = {
  holiday: '全区所有支部这一天都无需报送；信件时限和倒排工期不计这一天',
  workday: '周末调休上班：信件时限和倒排工期把这一天算作工作日（日报照常报送）',
  leave: '只有选中的支部这一天无需报送',
};

/** The form's fields, named as in the request body, so the server's field errors land next to them. */
const FIELDS = ['day', 'branchId', 'reason'] as const;
type Field = (typeof FIELDS)[number];
type Problems = Partial<Record<Field | 'kind' | 'form', string>>;

interface Draft {
  kind: Kind;
  townshipId?: string;
  branchId?: string;
  day: string;
  reason: string;
}

/** "2025/10/1", "2025.10.1", "2025-10-1" → "2025-10-01"; anything else is left for the check. */
function normalizeDay(text: string): string {
  const t = text.trim().replace(/[/.]/g, '-');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}

/** Checks before asking the server; the server checks again. */
function localProblems(draft: Draft, day: string): Problems {
  const problems: Problems = {};
  if (!isDayKey(day)) problems.day = '请按 年-月-日 填写有效日期，如 2025-10-01';
  else if (draft.kind === 'workday' && !isWeekendDay(day)) problems.day = '调休上班日应为周六或周日';
  if (draft.kind === 'leave' && !draft.branchId) problems.branchId = draft.townshipId ? '请选择支部' : '请先选择乡镇（街道），再选择支部';
  const reason = draft.reason.trim();
  if (!reason) problems.reason = '请填写原因';
  else if (reason.length > EXEMPTION_REASON_MAX) problems.reason = `原因不能超过 ${EXEMPTION_REASON_MAX} 个字`;
  return problems;
}

function BranchChips({
  branches,
  selected,
  onPick,
}: {
  branches: readonly Branch[];
  selected?: string;
  onPick: (branchId: string) => void;
}) {
  if (branches.length === 0) return <EmptyView text="该乡镇（街道）暂无支部" />;
  return (
    <ChoiceChips
      itemClassName="cx-exemption-branch"
      choices={branches.map((b) => ({ key: b.id, label: b.name }))}
      isSelected={(id) => id === selected}
      onPick={onPick}
    />
  );
}

/** District admins: a township's branches, loaded when the township is picked. */
function LoadedBranchChips({
  townshipId,
  selected,
  onPick,
}: {
  townshipId: string;
  selected?: string;
  onPick: (branchId: string) => void;
}) {
  const { state, reload } = useResource(
    async () => expectStatus(await api.listTownshipBranches({ params: { townshipId } }), 200).branches,
    [townshipId],
  );
  return (
    <ResourceView state={state} onRetry={reload}>
      {(branches) => <BranchChips branches={branches} selected={selected} onPick={onPick} />}
    </ResourceView>
  );
}

function DayField({
  value,
  today,
  problem,
  onChange,
}: {
  value: string;
  today: string;
  problem?: string;
  onChange: (day: string) => void;
}) {
  const day = normalizeDay(value);
  const valid = isDayKey(day);
  const shift = (n: number) => onChange(addDays(valid ? day : addDays(today, 1), valid ? n : 0));
  let note = '点日期选择，或用 ‹ › 前后翻一天';
  if (valid) note = `${dayLabel(day)}${day === today ? '（今天）' : day === addDays(today, 1) ? '（明天）' : ''}`;
  return (
    <View className="cx-field">
      <Text className="cx-field__label">日期</Text>
      <View className="exemption-day">
        <View
          className="exemption-day__btn cx-exemption-day-prev"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => shift(-1) })}
        >
          <Text>‹</Text>
        </View>
        <DateField className="exemption-day__input cx-exemption-day" label="免报日期" value={value} onChange={onChange} />
        <View
          className="exemption-day__btn cx-exemption-day-next"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => shift(1) })}
        >
          <Text>›</Text>
        </View>
      </View>
      <Text className="exemption-day__label">{note}</Text>
      <FieldProblem text={problem} />
    </View>
  );
}

/**
 * 登记免报: district admins choose 全区节假日, 调休上班 (a weekend day worked) or a branch; township staff a branch
 * of their township.
 * Then a day (tomorrow by default) and a reason. Calls createExemption and hands the new record up.
 */
export function ExemptionForm({
  scope,
  today,
  onCreated,
}: {
  scope: ExemptionScope;
  today: string;
  onCreated: (exemption: Exemption) => void;
}) {
  const onlyTownship = scope.townships.length === 1 ? scope.townships[0].id : undefined;
  const [draft, setDraft] = useState<Draft>({
    kind: scope.districtAdmin ? 'holiday' : 'leave',
    townshipId: onlyTownship,
    day: addDays(today, 1),
    reason: '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const { busy: submitting, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, FIELDS, failure.message)),
  });

  const change = (patch: Partial<Draft>, cleared: Field | 'kind') => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => ({ ...p, [cleared]: undefined, form: undefined }));
  };

  const submit = async () => {
    if (submitting) return;
    const day = normalizeDay(draft.day);
    const local = localProblems(draft, day);
    if (Object.keys(local).length > 0) {
      setProblems(local);
      return;
    }
    const body: CreateExemptionBody = {
      day,
      reason: draft.reason.trim(),
      ...(draft.kind === 'leave' && draft.branchId ? { branchId: draft.branchId } : {}),
      ...(draft.kind === 'workday' ? { kind: 'workday' as const } : {}),
    };
    setProblems({});
    const res = await run(() => api.createExemption({ body }));
    if (!res) return;
    setDraft((d) => ({ ...d, day, reason: '' }));
    onCreated(res.body);
  };

  const preloaded = draft.townshipId ? scope.branchesByTownship[draft.townshipId] : undefined;
  return (
    <View className="cx-card cx-exemption-form">
      {scope.districtAdmin ? (
        <View className="cx-field">
          <Text className="cx-field__label">类型</Text>
          <ChoiceChips
            itemClassName="cx-exemption-kind"
            choices={(['holiday', 'workday', 'leave'] as const).map((k) => ({ key: k, label: KIND_LABELS[k] }))}
            isSelected={(k) => k === draft.kind}
            onPick={(kind) => {
              change({ kind }, 'kind');
              setProblems((p) => ({ ...p, branchId: undefined }));
            }}
          />
          <Text className="manage-note">{KIND_NOTES[draft.kind]}</Text>
        </View>
      ) : null}

      {draft.kind === 'leave' ? (
        <View className="cx-field">
          <Text className="cx-field__label">支部</Text>
          {scope.townships.length === 0 ? <EmptyView text="没有可选的乡镇（街道）" /> : null}
          {scope.townships.length > 1 ? (
            <View className="exemption-townships">
              <Text className="manage-note">先选乡镇（街道），再选支部</Text>
              <ChoiceChips
                itemClassName="cx-exemption-township"
                choices={scope.townships.map((t) => ({ key: t.id, label: t.name }))}
                isSelected={(id) => id === draft.townshipId}
                onPick={(id) => change({ townshipId: id, branchId: id === draft.townshipId ? draft.branchId : undefined }, 'branchId')}
              />
            </View>
          ) : null}
          {draft.townshipId ? (
            preloaded ? (
              <BranchChips branches={preloaded} selected={draft.branchId} onPick={(branchId) => change({ branchId }, 'branchId')} />
            ) : (
              <LoadedBranchChips
                townshipId={draft.townshipId}
                selected={draft.branchId}
                onPick={(branchId) => change({ branchId }, 'branchId')}
              />
            )
          ) : null}
          <FieldProblem text={problems.branchId} />
        </View>
      ) : null}

      <DayField value={draft.day} today={today} problem={problems.day} onChange={(day) => change({ day }, 'day')} />

      <View className="cx-field">
        <Text className="cx-field__label">原因</Text>
        <Input
          className="cx-input cx-exemption-reason"
          type="text"
          value={draft.reason}
          maxlength={EXEMPTION_REASON_MAX}
          placeholder={
            draft.kind === 'holiday' ? '例如 国庆节' : draft.kind === 'workday' ? '例如 国庆节调休上班' : '例如 村“两委”外出培训'
          }
          onInput={(e) => change({ reason: e.detail.value }, 'reason')}
        />
        <FieldProblem text={problems.reason} />
      </View>

      {problems.form ? <Text className="cx-form-problem exemption-problem cx-exemption-problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-exemption-add${submitting ? ' cx-btn--disabled' : ''}`}
        disabled={submitting || undefined}
        onClick={submit}
      >
        {submitting ? '正在登记…' : '登记免报'}
      </Button>
    </View>
  );
}
