import { type AttemptResult, type MyTest, QUESTION_KIND_LABELS, type StartedAttempt } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ConsentSheet } from '../../../../components/consent-sheet';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { ErrorView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus, type Failure, failureError } from '../../../../services/api-failure';
import { optionLetter } from '../../../../services/list-keys';
import { askConsent, prefetchConsent } from '../../../../services/subscribe-consent';
import { clock, newKey, takes, toggle, when } from '../../services/learn-helpers';
import '../../learn.css';

function Intro({ test, onStart, busy }: { test: MyTest; onStart: () => void; busy: boolean }) {
  const s = test.session;
  return (
    <View className="cx-card">
      <Text className="learn-title">{s.title}</Text>
      <Text className="learn-sub">{s.organiserLabel}</Text>
      <Text className="learn-sub">
        共 {s.questionCount} 题，限时 {s.durationMinutes} 分钟，{s.passScore} 分及格
      </Text>
      <Text className="learn-sub">截止 {when(s.closesAt)}</Text>
      <Text className="learn-sub">
        可参考 {s.maxAttempts} 次，已参考 {test.attemptsUsed} 次{test.bestScore !== undefined ? `，最好成绩 ${test.bestScore} 分` : ''}
      </Text>
      <Text className="learn-hint">开始后计时不会暂停；时间到会自动交卷。</Text>
      {test.canStart ? (
        <Button
          className={`cx-btn cx-btn--primary cx-learn-start${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={onStart}
        >
          {test.inProgress ? '继续答题' : '开始答题'}
        </Button>
      ) : (
        <Text className="learn-hint cx-learn-cannot-start">
          {s.status === 'upcoming' ? '测试尚未开始' : s.status === 'closed' ? '测试已结束' : '参考次数已用完'}
        </Text>
      )}
    </View>
  );
}

function Result({ result }: { result: AttemptResult }) {
  return (
    <View>
      <View className="cx-card cx-learn-result">
        <Text className="learn-sub">本次成绩</Text>
        <Text className="learn-big cx-learn-score">{result.score}</Text>
        <Text className="learn-sub">
          答对 {result.correctCount}/{result.total} 题 · {result.passed ? '及格' : '未及格'} · 剩余 {result.attemptsLeft} 次
        </Text>
      </View>
      {result.review ? (
        <View>
          <Text className="cx-section-title">答案解析</Text>
          {result.review.map((r, n) => (
            <View key={r.questionId} className="cx-card cx-learn-review" data-correct={String(r.correct)}>
              <Text className="learn-question__text">
                {n + 1}. {r.text} {r.correct ? '✓' : '✗'}
              </Text>
              {r.options.map((o, i) => (
                <View
                  key={optionLetter(i)}
                  className={`learn-option${r.answer.includes(i) ? ' learn-option--right' : r.chosen.includes(i) ? ' learn-option--on' : ''}`}
                >
                  <Text className="learn-option__mark">{optionLetter(i)}</Text>
                  <Text>{o}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : (
        <Text className="learn-hint">还有参考机会，测试结束后可查看答案。</Text>
      )}
    </View>
  );
}

/** Answering with the countdown; auto-submits at 0 (the server allows a short grace). */
/** Answers kept on the phone while answering, so leaving the app (or a reload) does not lose them. */
const draftKey = (a: StartedAttempt) => `cx-learn-answers:${a.sessionId}:${a.attemptNo}`;
function readDraft(a: StartedAttempt): Record<string, number[]> {
  try {
    const saved: unknown = Taro.getStorageSync(draftKey(a));
    return saved && typeof saved === 'object' ? (saved as Record<string, number[]>) : {};
  } catch {
    return {};
  }
}

function Paper({ attempt, onDone }: { attempt: StartedAttempt; onDone: (r: AttemptResult) => void }) {
  const [chosen, setChosenState] = useState<Record<string, number[]>>(() => readDraft(attempt));
  const setChosen = (next: Record<string, number[]>) => {
    setChosenState(next);
    try {
      Taro.setStorageSync(draftKey(attempt), next);
    } catch {
      // storage full: the answers stay on screen
    }
  };
  const [failure, setFailure] = useState<Failure>();
  const submitted = useRef(false);
  const { busy, run } = useMutation({
    onError: (f) => {
      submitted.current = false;
      setFailure(f);
    },
  });
  // The server's clock: the phone's may be off.
  const offset = useRef(Date.parse(attempt.serverNow) - Date.now());
  const [left, setLeft] = useState(Date.parse(attempt.deadline) - Date.parse(attempt.serverNow));

  const submit = async () => {
    if (submitted.current) return;
    submitted.current = true;
    setFailure(undefined);
    const answers = attempt.questions.map((q) => ({ questionId: q.id, choice: chosen[q.id] ?? [] }));
    const res = await run(() =>
      api.submitTestAttempt({ params: { sessionId: attempt.sessionId, attemptNo: attempt.attemptNo }, body: { answers } }),
    );
    if (!res) return;
    try {
      Taro.removeStorageSync(draftKey(attempt));
    } catch {
      // nothing kept
    }
    onDone(res.body);
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  useEffect(() => {
    const timer = setInterval(() => {
      const ms = Date.parse(attempt.deadline) - (Date.now() + offset.current);
      setLeft(ms);
      if (ms <= 0) {
        clearInterval(timer);
        void submitRef.current();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [attempt.deadline]);

  const confirmSubmit = async () => {
    const unanswered = attempt.questions.filter((q) => !chosen[q.id]?.length).length;
    if (unanswered) {
      const ok = await Taro.showModal({ title: '交卷', content: `还有 ${unanswered} 题未作答，确定交卷？`, confirmText: '交卷' }).catch(
        () => ({ confirm: false }),
      );
      if (!ok.confirm) return;
    }
    await submit();
  };

  return (
    <View>
      <View className={`learn-timer cx-learn-timer${left < 60_000 ? ' learn-timer--low' : ''}`}>剩余 {clock(left)}</View>
      {attempt.questions.map((q, n) => (
        <View key={q.id} className="cx-card cx-learn-question" data-id={q.id}>
          <Text className="cx-tag">{QUESTION_KIND_LABELS[q.kind]}</Text>
          <Text className="learn-question__text">
            {n + 1}. {q.text}
          </Text>
          {q.options.map((o, i) => {
            const on = (chosen[q.id] ?? []).includes(i);
            return (
              <View
                key={optionLetter(i)}
                className={`learn-option cx-learn-option${on ? ' learn-option--on' : ''}`}
                data-q={q.id}
                data-i={String(i)}
                hoverClass="cx-pressed"
                {...accessibleControl({
                  onActivate: () => setChosen({ ...chosen, [q.id]: q.kind === 'multiple' ? toggle(chosen[q.id] ?? [], i) : [i] }),
                })}
              >
                <Text className="learn-option__mark">{on ? '●' : optionLetter(i)}</Text>
                <Text>{o}</Text>
              </View>
            );
          })}
        </View>
      ))}
      {failure ? <ErrorView failure={failure} /> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-learn-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={confirmSubmit}
      >
        {busy ? '正在交卷…' : '交卷'}
      </Button>
    </View>
  );
}

/** 参加测试 (`?id=`): intro → start (the server records the start) → answer with the timer → score. */
export default function TakePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const session = useSession();
  const allowed = takes(session.me);
  const [attempt, setAttempt] = useState<StartedAttempt>();
  const [result, setResult] = useState<AttemptResult>();
  const [failure, setFailure] = useState<Failure>();
  const { busy: starting, run } = useMutation({ onError: (f) => setFailure({ ...f, message: displayMessage(f) }) });
  const { state, reload } = useResource(
    async () => {
      const test = expectStatus(await api.listMyTests({}), 200).tests.find((t) => t.session.id === id);
      if (!test) throw failureError({ status: 404, message: '没有找到这场测试，或您不在参考范围内' });
      return test;
    },
    [id, session.token],
    { enabled: Boolean(session.token) && allowed },
  );
  useEffect(() => void prefetchConsent(), []);
  const start = async () => {
    if (starting) return;
    // Test-takers are asked here, as a test opens, about later tests (WeChat asks only from a tap).
    void askConsent(['test_scheduled']);
    setFailure(undefined);
    const res = await run(() => api.startTestAttempt({ params: { sessionId: id }, body: { key: newKey() } }));
    if (res) setAttempt(res.body);
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
        <BindingNeeded text="支部书记和村（社区）干部参加应知应会测试" />
      </PageRoot>
    );
  if (result)
    return (
      <PageRoot className="learn">
        <ConsentSheet />
        <Result result={result} />
      </PageRoot>
    );
  if (attempt)
    return (
      <PageRoot className="learn">
        <Paper attempt={attempt} onDone={setResult} />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <ConsentSheet />
      <ResourceView state={state} onRetry={reload}>
        {(test) => <Intro test={test} onStart={start} busy={starting} />}
      </ResourceView>
      {failure ? <ErrorView failure={failure} onRetry={reload} /> : null}
    </PageRoot>
  );
}
