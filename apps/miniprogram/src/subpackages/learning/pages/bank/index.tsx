import { MAX_OPTIONS, QUESTION_KIND_LABELS, QUESTION_KINDS, type Question, type QuestionKind } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus } from '../../../../services/api-failure';
import { optionLetter } from '../../../../services/list-keys';
import { staffTownshipIds } from '../../../../services/me-helpers';
import { type Problems, serverProblems } from '../../../../services/server-problems';
import { isDistrictAdminOf, organises, toggle } from '../../services/learn-helpers';
import '../../learn.css';

/** The new question's fields that the server's problems land on. */
const QUESTION_FIELDS = ['topic', 'text', 'options', 'answer'] as const;

function QuestionCard({ q, onDelete }: { q: Question; onDelete: () => void }) {
  return (
    <View className="cx-card cx-learn-bank-question" data-id={q.id}>
      <View className="learn-row">
        <Text className="cx-tag">{QUESTION_KIND_LABELS[q.kind]}</Text>
        <Text className="learn-sub">{q.ownerLabel}</Text>
      </View>
      <Text className="learn-question__text">{q.text}</Text>
      {q.options.map((o, i) => (
        <Text key={optionLetter(i)} className="learn-sub">
          {optionLetter(i)}. {o} {q.answer.includes(i) ? '✓' : ''}
        </Text>
      ))}
      <Text className="learn-link cx-learn-bank-delete" {...accessibleControl({ onActivate: onDelete })}>
        删除
      </Text>
    </View>
  );
}

/** A new question: topic, kind, text, options (判断题: 正确 / 错误), the correct ones. */
function NewQuestion({ townshipId, onAdded }: { townshipId?: string; onAdded: () => void }) {
  const [topic, setTopic] = useState('五星支部创建');
  const [kind, setKind] = useState<QuestionKind>('single');
  const [text, setText] = useState('');
  const [options, setOptions] = useState<string[]>(['', '', '', '']);
  const [answer, setAnswer] = useState<number[]>([]);
  const [problems, setProblems] = useState<Problems<(typeof QUESTION_FIELDS)[number]>>({});
  const { busy, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, QUESTION_FIELDS, displayMessage(failure))),
  });
  const shown = kind === 'judge' ? ['正确', '错误'] : options;
  const save = async () => {
    if (busy) return;
    setProblems({});
    const res = await run(() =>
      api.createQuestion({
        body: {
          topic,
          kind,
          text,
          options: kind === 'judge' ? [] : options.filter((o) => o.trim()),
          answer,
          ...(townshipId ? { townshipId } : {}),
        },
      }),
    );
    if (!res) return;
    setText('');
    setOptions(['', '', '', '']);
    setAnswer([]);
    Taro.showToast({ title: '已加入题库', icon: 'success' }).catch(() => undefined);
    onAdded();
  };
  return (
    <View className="cx-card cx-learn-bank-form">
      <Text className="learn-title">添加题目</Text>
      <View className="cx-field">
        <Text className="cx-field__label">主题</Text>
        <Input className="cx-input cx-learn-bank-topic" value={topic} maxlength={20} onInput={(e) => setTopic(e.detail.value)} />
        <FieldProblem text={problems.topic} />
      </View>
      <View className="cx-field">
        <Text className="cx-field__label">题型</Text>
        <ChoiceChips
          choices={QUESTION_KINDS.map((k) => ({ key: k, label: QUESTION_KIND_LABELS[k] }))}
          isSelected={(k) => k === kind}
          onPick={(k) => {
            setKind(k);
            setAnswer([]);
          }}
          itemClassName="cx-learn-bank-kind"
        />
      </View>
      <View className="cx-field">
        <Text className="cx-field__label">题目</Text>
        <Textarea
          className="learn-textarea cx-learn-bank-text"
          value={text}
          maxlength={300}
          placeholder="请输入题目"
          onInput={(e) => setText(e.detail.value)}
        />
        <FieldProblem text={problems.text} />
      </View>
      <View className="cx-field">
        <Text className="cx-field__label">选项（点字母标记正确答案）</Text>
        {shown.map((o, i) => (
          <View key={optionLetter(i)} className="learn-row" style={{ marginBottom: '12px' }}>
            <View
              className={`learn-letter cx-learn-bank-correct${answer.includes(i) ? ' learn-letter--on is-selected' : ''}`}
              {...accessibleControl({ onActivate: () => setAnswer(kind === 'multiple' ? toggle(answer, i) : [i]) })}
            >
              <Text>{optionLetter(i)}</Text>
            </View>
            {kind === 'judge' ? (
              <Text style={{ flex: 1, marginLeft: '16px' }}>{o}</Text>
            ) : (
              <Input
                className="cx-input cx-learn-bank-option"
                style={{ flex: 1, marginLeft: '16px' }}
                value={o}
                maxlength={100}
                placeholder={`选项 ${optionLetter(i)}`}
                onInput={(e) => setOptions(options.map((x, j) => (j === i ? e.detail.value : x)))}
              />
            )}
          </View>
        ))}
        {kind !== 'judge' && options.length < MAX_OPTIONS ? (
          <Text className="learn-link" {...accessibleControl({ onActivate: () => setOptions([...options, '']) })}>
            ＋ 增加选项
          </Text>
        ) : null}
        <FieldProblem text={problems.options ?? problems.answer} />
      </View>
      {problems.form ? <Text className="cx-form-problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-learn-bank-save${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={save}
      >
        加入题库
      </Button>
    </View>
  );
}

/** 题库: district admins keep district-wide questions; township staff add their township's own. */
export default function BankPage() {
  const session = useSession();
  const allowed = organises(session.me);
  const admin = isDistrictAdminOf(session.me);
  const townshipId = admin ? undefined : staffTownshipIds(session.me)[0];
  const [adding, setAdding] = useState(false);
  const { state, reload } = useResource(async () => expectStatus(await api.listQuestions({}), 200), [session.token], {
    enabled: Boolean(session.token) && allowed,
  });
  const { run } = useMutation({
    onError: (failure) => Taro.showToast({ title: displayMessage(failure), icon: 'none' }).catch(() => undefined),
  });
  const remove = async (q: Question) => {
    const ok = await Taro.showModal({ title: '删除题目', content: '已安排的测试不受影响。确定删除？', confirmText: '删除' }).catch(() => ({
      confirm: false,
    }));
    if (!ok.confirm) return;
    if (await run(() => api.deleteQuestion({ params: { questionId: q.id } }))) reload();
  };
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!allowed)
    return (
      <PageRoot>
        <BindingNeeded text="区委组织部和乡镇（街道）工作人员可以管理题库" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      {adding ? (
        <NewQuestion townshipId={townshipId} onAdded={reload} />
      ) : (
        <Button className="cx-btn cx-btn--primary cx-learn-bank-add" onClick={() => setAdding(true)}>
          添加题目
        </Button>
      )}
      <ResourceView state={state} onRetry={reload}>
        {({ questions, topics }) =>
          questions.length === 0 ? (
            <EmptyView text="题库还是空的，请先添加题目。" />
          ) : (
            <View>
              {topics.map((t) => (
                <View key={t}>
                  <Text className="cx-section-title">
                    {t}（{questions.filter((q) => q.topic === t).length} 题）
                  </Text>
                  {questions
                    .filter((q) => q.topic === t)
                    .map((q) => (
                      <QuestionCard key={q.id} q={q} onDelete={() => remove(q)} />
                    ))}
                </View>
              ))}
            </View>
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
