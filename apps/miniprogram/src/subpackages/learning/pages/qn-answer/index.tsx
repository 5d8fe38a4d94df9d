import { QN_KIND_LABELS, type QnAnswer, type QuestionnaireDetail } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus, fieldErrorsOf } from '../../../../services/api-failure';
import { optionLetter } from '../../../../services/list-keys';
import { toggle, when } from '../../services/learn-helpers';
import '../../learn.css';

function Form({ detail, onSaved }: { detail: QuestionnaireDetail; onSaved: (d: QuestionnaireDetail) => void }) {
  const q = detail.questionnaire;
  const initial = Object.fromEntries((detail.myResponse?.answers ?? []).map((a) => [a.questionId, a]));
  const [answers, setAnswers] = useState<Record<string, QnAnswer>>(initial);
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onError: (failure, body) => {
      const details = Object.values(fieldErrorsOf(body));
      setProblem(details.length ? details.join('；') : displayMessage(failure));
    },
  });
  const editable = detail.canAnswer;
  const get = (id: string): QnAnswer => answers[id] ?? { questionId: id, choice: [], text: '' };
  const save = async () => {
    if (busy) return;
    setProblem(undefined);
    const res = await run(() =>
      api.putQuestionnaireResponse({ params: { questionnaireId: q.id }, body: { answers: q.questions.map((x) => get(x.id)) } }),
    );
    if (!res) return;
    Taro.showToast({ title: '已提交', icon: 'success' }).catch(() => undefined);
    onSaved(res.body);
  };
  return (
    <View>
      <View className="cx-card">
        <Text className="learn-title">{q.title}</Text>
        <Text className="learn-sub">
          {q.townshipName} · 截止 {when(q.closesAt)}
        </Text>
        {q.intro ? <Text className="learn-hint">{q.intro}</Text> : null}
        {detail.myResponse ? (
          <Text className="learn-hint cx-qn-answered">
            您已于 {when(detail.myResponse.updatedAt)} 提交{editable ? '，截止前可以修改' : ''}
          </Text>
        ) : null}
        {!editable ? <Text className="learn-hint">问卷已截止，不能再提交或修改。</Text> : null}
      </View>
      {q.questions.map((x, n) => {
        const a = get(x.id);
        return (
          <View key={x.id} className="cx-card cx-qn-answer-question" data-id={x.id}>
            <Text className="cx-tag">{QN_KIND_LABELS[x.kind]}</Text>
            {x.required ? <Text className="cx-tag cx-tag--muted">必答</Text> : null}
            <Text className="learn-question__text">
              {n + 1}. {x.text}
            </Text>
            {x.kind === 'text' ? (
              <Textarea
                className="learn-textarea cx-qn-answer-text"
                value={a.text}
                maxlength={500}
                disabled={!editable}
                placeholder="请填写"
                onInput={(e) => setAnswers({ ...answers, [x.id]: { ...a, text: e.detail.value } })}
              />
            ) : (
              x.options.map((o, i) => {
                const on = a.choice.includes(i);
                return (
                  <View
                    key={optionLetter(i)}
                    className={`learn-option cx-qn-answer-option${on ? ' learn-option--on' : ''}`}
                    data-q={x.id}
                    data-i={String(i)}
                    {...accessibleControl({
                      onActivate: () =>
                        editable && setAnswers({ ...answers, [x.id]: { ...a, choice: x.kind === 'multiple' ? toggle(a.choice, i) : [i] } }),
                    })}
                  >
                    <Text className="learn-option__mark">{on ? '●' : '○'}</Text>
                    <Text>{o}</Text>
                  </View>
                );
              })
            )}
          </View>
        );
      })}
      {problem ? <Text className="cx-form-problem cx-qn-answer-problem">{problem}</Text> : null}
      {editable ? (
        <Button
          className={`cx-btn cx-btn--primary cx-qn-answer-submit${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={save}
        >
          {detail.myResponse ? '保存修改' : '提交'}
        </Button>
      ) : null}
    </View>
  );
}

/** 填写问卷 (`?id=`): one response per person, editable until the questionnaire closes. */
export default function AnswerPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const session = useSession();
  const [saved, setSaved] = useState<QuestionnaireDetail>();
  const { state, reload } = useResource(
    async () => expectStatus(await api.getQuestionnaire({ params: { questionnaireId: id } }), 200),
    [id, session.token],
    { enabled: Boolean(session.token) },
  );
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <ResourceView state={state} onRetry={reload}>
        {(d) => <Form key={saved?.myResponse?.updatedAt ?? 'loaded'} detail={saved ?? d} onSaved={setSaved} />}
      </ResourceView>
    </PageRoot>
  );
}
