import type { LetterRules } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { isDistrictAdmin } from '../../../../services/me-helpers';
import { serverProblems } from '../../../../services/server-problems';
import { Stepper } from '../../../../shared-ui/stepper';
import {
  LETTER_RULE_FIELDS,
  LETTER_RULE_SPECS,
  type LetterRuleField,
  type LetterRuleProblems,
  type LetterRuleSpec,
  letterRulesProblems,
  WORKING_DAYS_NOTE,
} from '../../services/letter-rules';
import '../../../../shared-ui/manage.css';
import './index.css';

/** The stepper within the contract's range, and chips for the common values. */
function RuleField({
  spec,
  value,
  problem,
  onChange,
}: {
  spec: LetterRuleSpec;
  value: number;
  problem?: string;
  onChange: (value: number) => void;
}) {
  return (
    <View className="cx-field letter-rule cx-letter-rules-field" data-field={spec.field}>
      <Text className="cx-field__label">{spec.label}</Text>
      <Text className="manage-note">
        {spec.note}（{spec.min}–{spec.max}）
      </Text>
      <Stepper
        value={value}
        min={spec.min}
        max={spec.max}
        unit={spec.unit}
        lessClassName="cx-letter-rules-less"
        moreClassName="cx-letter-rules-more"
        valueClassName="cx-letter-rules-value"
        onChange={(next) => onChange(next ?? spec.min)}
      />
      <ChoiceChips
        className="letter-rule__presets"
        itemClassName="cx-letter-rules-option"
        choices={spec.presets.map((n) => ({ key: n, label: String(n) }))}
        isSelected={(n) => n === value}
        onPick={onChange}
      />
      <Text className="letter-rule__meaning">{spec.meaning(value)}</Text>
      <FieldProblem text={problem} />
    </View>
  );
}

/** District admins: edit and 保存 (putLetterRules). */
function RulesForm({ rules }: { rules: LetterRules }) {
  const [draft, setDraft] = useState<LetterRules>({ ...rules });
  const [problems, setProblems] = useState<LetterRuleProblems>({});
  const { busy: saving, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, LETTER_RULE_FIELDS, failure.message)),
  });

  const change = (field: LetterRuleField, value: number) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined, form: undefined }));
  };

  const save = async () => {
    if (saving) return;
    const body: LetterRules = {
      acceptWorkingDays: draft.acceptWorkingDays,
      replyWorkingDays: draft.replyWorkingDays,
      autoArchiveDays: draft.autoArchiveDays,
      perDayLimit: draft.perDayLimit,
    };
    const local = letterRulesProblems(body);
    if (Object.keys(local).length > 0) {
      setProblems(local);
      return;
    }
    setProblems({});
    const res = await run(() => api.putLetterRules({ body }));
    if (!res) return;
    setDraft({ ...res.body });
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
  };

  return (
    <View>
      <Text className="manage-hint">信箱规则对全区所有社区生效，保存后立即执行；已经定下的受理、答复期限不变。{WORKING_DAYS_NOTE}</Text>
      <View className="cx-card cx-letter-rules-form">
        {LETTER_RULE_SPECS.map((spec) => (
          <RuleField
            key={spec.field}
            spec={spec}
            value={draft[spec.field]}
            problem={problems[spec.field]}
            onChange={(value) => change(spec.field, value)}
          />
        ))}
        {problems.form ? <Text className="cx-form-problem letter-rules-problem">{problems.form}</Text> : null}
        <Button
          className={`cx-btn cx-btn--primary cx-letter-rules-save${saving ? ' cx-btn--disabled' : ''}`}
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
function RulesView({ rules }: { rules: LetterRules }) {
  return (
    <View>
      <View className="cx-card letter-rules-view cx-letter-rules-view">
        {LETTER_RULE_SPECS.map((spec) => (
          <View key={spec.field} className="letter-rules-view__item cx-letter-rules-view-item" data-field={spec.field}>
            <View className="letter-rules-view__row">
              <Text className="letter-rules-view__label">{spec.label}</Text>
              <Text className="letter-rules-view__value cx-letter-rules-value">
                {rules[spec.field]} {spec.unit}
              </Text>
            </View>
            <Text className="letter-rules-view__note">{spec.note}</Text>
          </View>
        ))}
      </View>
      <Text className="manage-hint">{WORKING_DAYS_NOTE}信箱规则由区委组织部管理员设置，如需调整请联系管理员。</Text>
    </View>
  );
}

/** 信箱规则: district admins edit the district's mailbox rules; everyone else reads them. */
export default function LetterRulesPage() {
  const session = useSession();
  const signedIn = Boolean(session.token);
  const editable = isDistrictAdmin(session.me);
  const { state, reload } = useResource(async () => expectStatus(await api.getLetterRules({}), 200), [session.token], {
    enabled: signedIn,
  });

  return (
    <PageRoot className="letter-rules-page">
      {signedIn ? (
        <ResourceView state={state} onRetry={reload}>
          {(rules) => (editable ? <RulesForm rules={rules} /> : <RulesView rules={rules} />)}
        </ResourceView>
      ) : (
        <SignInNeeded />
      )}
    </PageRoot>
  );
}
