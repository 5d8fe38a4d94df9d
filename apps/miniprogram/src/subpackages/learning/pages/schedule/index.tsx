import {
  AUDIENCE_ROLE_LABELS,
  AUDIENCE_ROLES,
  type AudienceRole,
  QUESTION_KIND_LABELS,
  type Question,
  type TownshipSummary,
} from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus, fieldError } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { serverProblems } from '../../../../services/server-problems';
import { newKey, organises, toggle } from '../../services/learn-helpers';
import '../../learn.css';

const DAYS = [1, 3, 7, 14];
const ATTEMPTS = [1, 2, 3];

function ScheduleForm({ townships, questions }: { townships: TownshipSummary[]; questions: Question[] }) {
  const [key] = useState(newKey);
  const [title, setTitle] = useState('应知应会知识测试');
  const [picked, setPicked] = useState<string[]>(townships.length === 1 ? [townships[0].id] : []);
  const [roles, setRoles] = useState<AudienceRole[]>(['secretary']);
  const [chosen, setChosen] = useState<string[]>([]);
  const [duration, setDuration] = useState('20');
  const [days, setDays] = useState(7);
  const [attempts, setAttempts] = useState(1);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path, displayMessage(failure))),
  });
  const topics = [...new Set(questions.map((q) => q.topic))];

  const submit = async () => {
    if (busy) return;
    setProblems({});
    const now = Date.now();
    const res = await run(() =>
      api.createTestSession({
        body: {
          key,
          title,
          townshipIds: picked,
          roles,
          questionIds: chosen,
          opensAt: new Date(now).toISOString(),
          closesAt: new Date(now + days * 86_400_000).toISOString(),
          durationMinutes: Number(duration) || 0,
          maxAttempts: attempts,
        },
      }),
    );
    if (!res) return;
    Taro.showToast({ title: '已安排', icon: 'success' }).catch(() => undefined);
    Taro.redirectTo({ url: PAGES.learnResults(res.body.id) }).catch(() => undefined);
  };

  return (
    <View>
      <View className="cx-card">
        <View className="cx-field">
          <Text className="cx-field__label">测试名称</Text>
          <Input className="cx-input cx-learn-schedule-title" value={title} maxlength={40} onInput={(e) => setTitle(e.detail.value)} />
          <FieldProblem text={fieldError(problems, 'title')} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">参考乡镇（街道）</Text>
          <ChoiceChips
            choices={townships.map((t) => ({ key: t.id, label: t.name }))}
            isSelected={(k) => picked.includes(k)}
            onPick={(k) => setPicked(toggle(picked, k))}
            itemClassName="cx-learn-schedule-township"
          />
          <FieldProblem text={fieldError(problems, 'townshipIds')} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">参考人员</Text>
          <ChoiceChips
            choices={AUDIENCE_ROLES.map((r) => ({ key: r, label: AUDIENCE_ROLE_LABELS[r] }))}
            isSelected={(k) => roles.includes(k)}
            onPick={(k) => setRoles(toggle(roles, k))}
            itemClassName="cx-learn-schedule-role"
          />
          <Text className="learn-hint">按绑定身份确定人员：所选乡镇（街道）下各支部的这些人员都要参考。</Text>
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">答题时间（分钟）</Text>
          <Input
            className="cx-input cx-learn-schedule-duration"
            type="number"
            value={duration}
            maxlength={3}
            onInput={(e) => setDuration(e.detail.value)}
          />
          <FieldProblem text={fieldError(problems, 'durationMinutes')} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">开放天数（从现在起）</Text>
          <ChoiceChips
            choices={DAYS.map((d) => ({ key: d, label: `${d} 天` }))}
            isSelected={(k) => k === days}
            onPick={setDays}
            itemClassName="cx-learn-schedule-days"
          />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">每人可参考次数</Text>
          <ChoiceChips
            choices={ATTEMPTS.map((d) => ({ key: d, label: `${d} 次` }))}
            isSelected={(k) => k === attempts}
            onPick={setAttempts}
            itemClassName="cx-learn-schedule-attempts"
          />
        </View>
      </View>
      <Text className="cx-section-title">选题（已选 {chosen.length} 题）</Text>
      <FieldProblem text={fieldError(problems, 'questionIds')} />
      {topics.map((t) => {
        const ids = questions.filter((q) => q.topic === t).map((q) => q.id);
        const all = ids.every((id) => chosen.includes(id));
        return (
          <View key={t} className="cx-card">
            <View className="learn-row">
              <Text className="learn-title">{t}</Text>
              <Text
                className="learn-link cx-learn-schedule-all"
                {...accessibleControl({
                  onActivate: () => setChosen(all ? chosen.filter((id) => !ids.includes(id)) : [...new Set([...chosen, ...ids])]),
                })}
              >
                {all ? '取消全选' : '全选'}
              </Text>
            </View>
            {questions
              .filter((q) => q.topic === t)
              .map((q) => (
                <View
                  key={q.id}
                  className={`learn-option cx-learn-schedule-question${chosen.includes(q.id) ? ' learn-option--on' : ''}`}
                  {...accessibleControl({ onActivate: () => setChosen(toggle(chosen, q.id)) })}
                >
                  <Text className="learn-option__mark">{chosen.includes(q.id) ? '✓' : '○'}</Text>
                  <Text>
                    [{QUESTION_KIND_LABELS[q.kind]}] {q.text}
                  </Text>
                </View>
              ))}
          </View>
        );
      })}
      {problems.form ? <Text className="cx-form-problem cx-learn-schedule-problem">{problems.form}</Text> : null}
      {Object.keys(problems).length && !problems.form ? <Text className="cx-form-problem">请检查标红的项目</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-learn-schedule-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        发布测试
      </Button>
    </View>
  );
}

/** 安排测试: roles × townships in the organiser's scope, questions from the bank, the window, the timer. */
export default function SchedulePage() {
  const session = useSession();
  const allowed = organises(session.me);
  const { state, reload } = useResource(
    async () => {
      const [tree, bank] = await Promise.all([
        api.getOrgTree({}).then((r) => expectStatus(r, 200)),
        api.listQuestions({}).then((r) => expectStatus(r, 200)),
      ]);
      return { townships: tree.townships, questions: bank.questions };
    },
    [session.token],
    { enabled: Boolean(session.token) && allowed },
  );
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!allowed)
    return (
      <PageRoot>
        <BindingNeeded text="区委组织部和乡镇（街道）工作人员可以安排测试" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <ResourceView state={state} onRetry={reload}>
        {(data) => <ScheduleForm townships={data.townships} questions={data.questions} />}
      </ResourceView>
    </PageRoot>
  );
}
