import {
  AUDIENCE_ROLE_LABELS,
  AUDIENCE_ROLES,
  type AudienceRole,
  QN_KIND_LABELS,
  QN_KINDS,
  type QnKind,
  type TownshipSummary,
} from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
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
import { optionLetter } from '../../../../services/list-keys';
import { PAGES } from '../../../../services/routes';
import { serverProblems } from '../../../../services/server-problems';
import { newKey, organises, toggle } from '../../services/learn-helpers';
import '../../learn.css';

interface DraftQuestion {
  kind: QnKind;
  text: string;
  options: string[];
  required: boolean;
  /** Keeps the question's card (and what is typed in it) when another question is deleted. */
  key: string;
}
const blank = (kind: QnKind = 'single'): DraftQuestion => ({
  kind,
  text: '',
  options: kind === 'text' ? [] : ['', ''],
  required: true,
  key: newKey(),
});
const DAYS = [3, 7, 14, 30];

function Builder({ townships }: { townships: TownshipSummary[] }) {
  const [key] = useState(newKey);
  const [townshipId, setTownshipId] = useState(townships[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [roles, setRoles] = useState<AudienceRole[]>(['secretary', 'cadre']);
  const [days, setDays] = useState(7);
  const [questions, setQuestions] = useState<DraftQuestion[]>([blank()]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path, displayMessage(failure))),
  });
  const set = (i: number, q: Partial<DraftQuestion>) => setQuestions(questions.map((x, j) => (j === i ? { ...x, ...q } : x)));

  const send = async () => {
    if (busy) return;
    setProblems({});
    const res = await run(() =>
      api.createQuestionnaire({
        body: {
          key,
          townshipId,
          title,
          intro,
          roles,
          closesAt: new Date(Date.now() + days * 86_400_000).toISOString(),
          questions: questions.map((q) => ({
            kind: q.kind,
            text: q.text,
            options: q.kind === 'text' ? [] : q.options.filter((o) => o.trim()),
            required: q.required,
          })),
        },
      }),
    );
    if (!res) return;
    Taro.showToast({ title: '已发送', icon: 'success' }).catch(() => undefined);
    Taro.redirectTo({ url: PAGES.questionnaireResults(res.body.questionnaire.id) }).catch(() => undefined);
  };

  return (
    <View>
      <View className="cx-card">
        {townships.length > 1 ? (
          <View className="cx-field">
            <Text className="cx-field__label">发放乡镇（街道）</Text>
            <ChoiceChips
              choices={townships.map((t) => ({ key: t.id, label: t.name }))}
              isSelected={(k) => k === townshipId}
              onPick={setTownshipId}
              itemClassName="cx-qn-township"
            />
          </View>
        ) : null}
        <View className="cx-field">
          <Text className="cx-field__label">问卷标题</Text>
          <Input
            className="cx-input cx-qn-title"
            value={title}
            maxlength={40}
            placeholder="例如：创星工作调研"
            onInput={(e) => setTitle(e.detail.value)}
          />
          <FieldProblem text={fieldError(problems, 'title')} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">说明（可不填）</Text>
          <Textarea className="learn-textarea cx-qn-intro" value={intro} maxlength={300} onInput={(e) => setIntro(e.detail.value)} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">发送给</Text>
          <ChoiceChips
            choices={AUDIENCE_ROLES.map((r) => ({ key: r, label: AUDIENCE_ROLE_LABELS[r] }))}
            isSelected={(k) => roles.includes(k)}
            onPick={(k) => setRoles(toggle(roles, k))}
            itemClassName="cx-qn-role"
          />
          <FieldProblem text={fieldError(problems, 'roles')} />
        </View>
        <View className="cx-field">
          <Text className="cx-field__label">收集天数</Text>
          <ChoiceChips
            choices={DAYS.map((d) => ({ key: d, label: `${d} 天` }))}
            isSelected={(k) => k === days}
            onPick={setDays}
            itemClassName="cx-qn-days"
          />
        </View>
      </View>
      {questions.map((q, i) => (
        <View key={q.key} className="cx-card cx-qn-question">
          <View className="learn-row">
            <Text className="learn-title">第 {i + 1} 题</Text>
            {questions.length > 1 ? (
              <Text
                className="learn-link"
                {...accessibleControl({ onActivate: () => setQuestions(questions.filter((x) => x.key !== q.key)) })}
              >
                删除
              </Text>
            ) : null}
          </View>
          <ChoiceChips
            choices={QN_KINDS.map((k) => ({ key: k, label: QN_KIND_LABELS[k] }))}
            isSelected={(k) => k === q.kind}
            onPick={(k) => set(i, { kind: k, options: k === 'text' ? [] : q.options.length ? q.options : ['', ''] })}
            itemClassName="cx-qn-kind"
          />
          <Input
            className="cx-input cx-qn-question-text"
            style={{ marginTop: '16px' }}
            value={q.text}
            maxlength={200}
            placeholder="问题"
            onInput={(e) => set(i, { text: e.detail.value })}
          />
          <FieldProblem text={fieldError(problems, `questions.${i}.text`)} />
          {q.kind !== 'text'
            ? q.options.map((o, j) => (
                <Input
                  // Options are only added at the end: the letter is each one's identity.
                  key={optionLetter(j)}
                  className="cx-input cx-qn-option"
                  style={{ marginTop: '12px' }}
                  value={o}
                  maxlength={60}
                  placeholder={`选项 ${j + 1}`}
                  onInput={(e) => set(i, { options: q.options.map((x, k) => (k === j ? e.detail.value : x)) })}
                />
              ))
            : null}
          {q.kind !== 'text' && q.options.length < 8 ? (
            <Text
              className="learn-link cx-qn-add-option"
              {...accessibleControl({ onActivate: () => set(i, { options: [...q.options, ''] }) })}
            >
              ＋ 增加选项
            </Text>
          ) : null}
          <FieldProblem text={fieldError(problems, `questions.${i}.options`)} />
          <ChoiceChips
            choices={[{ key: 'req', label: '必答' }]}
            isSelected={() => q.required}
            onPick={() => set(i, { required: !q.required })}
            itemClassName="cx-qn-required"
          />
        </View>
      ))}
      {questions.length < 20 ? (
        <Button className="cx-btn cx-qn-add-question" onClick={() => setQuestions([...questions, blank()])}>
          ＋ 增加问题
        </Button>
      ) : null}
      {Object.keys(problems).length ? <Text className="cx-form-problem cx-qn-problem">{problems.form ?? '请检查标红的项目'}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-qn-send${busy ? ' cx-btn--disabled' : ''}`}
        style={{ marginTop: '24px' }}
        disabled={busy || undefined}
        onClick={send}
      >
        发送问卷
      </Button>
    </View>
  );
}

/** 新建问卷: a township's staff build a short questionnaire and send it to its branches' cadres. */
export default function BuildPage() {
  const session = useSession();
  const allowed = organises(session.me);
  const { state, reload } = useResource(async () => expectStatus(await api.getOrgTree({}), 200).townships, [session.token], {
    enabled: Boolean(session.token) && allowed,
  });
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!allowed)
    return (
      <PageRoot>
        <BindingNeeded text="乡镇（街道）工作人员可以发放问卷" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <ResourceView state={state} onRetry={reload}>
        {(townships) => <Builder townships={townships} />}
      </ResourceView>
    </PageRoot>
  );
}
