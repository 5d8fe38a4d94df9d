import type { DailyRules } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { isDistrictAdmin, isOfficial } from '../../../../services/me-helpers';
import { serverProblems } from '../../../../services/server-problems';
import { DateField } from '../../../../shared-ui/date-field';
import { Stepper } from '../../../../shared-ui/stepper';
import {
  backfillText,
  DEADLINE_CHOICES,
  MAX_BACKFILL_DAYS,
  normalizeTime,
  REMINDER_CHOICES,
  RULE_FIELDS,
  type RuleField,
  type RuleProblems,
  rulesProblems,
} from '../../services/daily-rules';
import '../../../../shared-ui/manage.css';
import './index.css';

/** HH:MM: chips for the common times, and the time picker for any other. */
function TimeField({
  label,
  note,
  value,
  choices,
  problem,
  inputClassName,
  optionClassName,
  onChange,
}: {
  label: string;
  note: string;
  value: string;
  choices: readonly string[];
  problem?: string;
  inputClassName: string;
  optionClassName: string;
  onChange: (value: string) => void;
}) {
  const current = normalizeTime(value);
  return (
    <View className="cx-field">
      <Text className="cx-field__label">{label}</Text>
      <Text className="manage-note">{note}</Text>
      <ChoiceChips
        itemClassName={optionClassName}
        choices={choices.map((t) => ({ key: t, label: t }))}
        isSelected={(t) => t === current}
        onPick={onChange}
      />
      <View className="rules-time">
        <Text className="rules-time__label">其他时间</Text>
        <DateField
          mode="time"
          className={`rules-time__input ${inputClassName}`}
          label={`${label}（其他时间）`}
          value={value}
          onChange={onChange}
        />
      </View>
      <FieldProblem text={problem} />
    </View>
  );
}

/** 补报天数: the shared stepper, 0–7, and what the number means. */
function BackfillField({ value, problem, onChange }: { value: number; problem?: string; onChange: (value: number) => void }) {
  return (
    <View className="cx-field">
      <Text className="cx-field__label">补报天数</Text>
      <Text className="manage-note">1 = 当天和前一天；0 = 只能填写当天</Text>
      <Stepper
        value={value}
        max={MAX_BACKFILL_DAYS}
        unit="天"
        lessClassName="cx-rules-backfill-less"
        moreClassName="cx-rules-backfill-more"
        valueClassName="cx-rules-backfill"
        onChange={(next) => onChange(next ?? 0)}
      />
      <Text className="rules-backfill__meaning">{backfillText(value)}</Text>
      <FieldProblem text={problem} />
    </View>
  );
}

interface Draft {
  deadline: string;
  maxBackfillDays: number;
  reminderTime: string;
}

/** District admins: edit and 保存 (putDailyRules). */
function RulesForm({ rules }: { rules: DailyRules }) {
  const [draft, setDraft] = useState<Draft>({ ...rules });
  const [problems, setProblems] = useState<RuleProblems>({});
  const { busy: saving, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, RULE_FIELDS, failure.message)),
  });

  const change = (patch: Partial<Draft>, field: RuleField) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined, form: undefined }));
  };

  const send = async (body: DailyRules) => {
    const local = rulesProblems(body);
    if (Object.keys(local).length > 0) {
      setProblems(local);
      return;
    }
    setProblems({});
    const res = await run(() => api.putDailyRules({ body }));
    if (!res) return;
    setDraft({ ...res.body });
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
  };

  const save = () => {
    if (saving) return;
    const body: DailyRules = {
      deadline: normalizeTime(draft.deadline),
      maxBackfillDays: draft.maxBackfillDays,
      reminderTime: normalizeTime(draft.reminderTime),
    };
    setDraft(body);
    void send(body);
  };

  const deadline = normalizeTime(draft.deadline);
  const reminder = normalizeTime(draft.reminderTime);
  const check = rulesProblems({ deadline, reminderTime: reminder, maxBackfillDays: draft.maxBackfillDays });
  // Not an error (the contract allows it), but rarely meant: a reminder that comes after the deadline.
  const lateReminder = !check.deadline && !check.reminderTime && reminder >= deadline;
  return (
    <View>
      <Text className="manage-hint">日报规则对全区所有支部生效，保存后立即执行。</Text>
      <View className="cx-card cx-rules-form">
        <TimeField
          label="截止时间"
          note="当天这个时间之后首次提交，记为迟交"
          value={draft.deadline}
          choices={DEADLINE_CHOICES}
          problem={problems.deadline}
          inputClassName="cx-rules-deadline"
          optionClassName="cx-rules-deadline-option"
          onChange={(value) => change({ deadline: value }, 'deadline')}
        />
        <BackfillField
          value={draft.maxBackfillDays}
          problem={problems.maxBackfillDays}
          onChange={(value) => change({ maxBackfillDays: value }, 'maxBackfillDays')}
        />
        <TimeField
          label="提醒时间"
          note="每天这个时间，提醒还没有提交的支部"
          value={draft.reminderTime}
          choices={REMINDER_CHOICES}
          problem={problems.reminderTime}
          inputClassName="cx-rules-reminder"
          optionClassName="cx-rules-reminder-option"
          onChange={(value) => change({ reminderTime: value }, 'reminderTime')}
        />
        {lateReminder ? <Text className="rules-warning">提醒时间不早于截止时间，提醒会在截止之后才发出。</Text> : null}
        {problems.form ? <Text className="cx-form-problem rules-problem">{problems.form}</Text> : null}
        <Button
          className={`cx-btn cx-btn--primary cx-rules-save${saving ? ' cx-btn--disabled' : ''}`}
          disabled={saving || undefined}
          onClick={save}
        >
          {saving ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}

/** Everyone else: the rules, read-only. */
function RulesView({ rules }: { rules: DailyRules }) {
  return (
    <View>
      <View className="cx-card rules-view cx-rules-view">
        <View className="rules-view__row">
          <Text className="rules-view__label">截止时间</Text>
          <Text className="rules-view__value cx-rules-view-deadline">{rules.deadline}</Text>
        </View>
        <Text className="rules-view__note">当天这个时间之后首次提交，记为迟交</Text>
        <View className="rules-view__row">
          <Text className="rules-view__label">补报天数</Text>
          <Text className="rules-view__value cx-rules-view-backfill">{rules.maxBackfillDays} 天</Text>
        </View>
        <Text className="rules-view__note">{backfillText(rules.maxBackfillDays)}（1 = 当天和前一天）</Text>
        <View className="rules-view__row">
          <Text className="rules-view__label">提醒时间</Text>
          <Text className="rules-view__value cx-rules-view-reminder">{rules.reminderTime}</Text>
        </View>
        <Text className="rules-view__note">每天这个时间，提醒还没有提交的支部</Text>
      </View>
      <Text className="manage-hint">日报规则由区委组织部管理员设置，如需调整请联系管理员。</Text>
    </View>
  );
}

/** 日报规则: district admins edit the district's rules; every other official reads them. */
export default function DailyRulesPage() {
  const session = useSession();
  const me = session.me;
  const official = Boolean(session.token) && isOfficial(me);
  const editable = isDistrictAdmin(me);
  const { state, reload } = useResource(async () => expectStatus(await api.getDailyRules({}), 200), [session.token], { enabled: official });

  let body: ReactNode;
  if (!session.token) body = <SignInNeeded />;
  else if (!official) body = <BindingNeeded text="日报规则仅对党务工作人员开放。干部和工作人员请先绑定身份。" />;
  else {
    body = (
      <ResourceView state={state} onRetry={reload}>
        {(rules) => (editable ? <RulesForm rules={rules} /> : <RulesView rules={rules} />)}
      </ResourceView>
    );
  }
  return <PageRoot className="daily-rules-page">{body}</PageRoot>;
}
