import { QN_KIND_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus, toFailure } from '../../../../services/api-failure';
import { keyedByContent } from '../../../../services/list-keys';
import { Bar } from '../../components/bar';
import { downloadQuestionnaireCsv } from '../../services/download-csv';
import { organises, percent, when } from '../../services/learn-helpers';
import '../../learn.css';

/** 问卷结果 (`?id=`): responses against the audience, counts per option as bars, the free text as a list, CSV. */
export default function QnResultsPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const session = useSession();
  const allowed = organises(session.me);
  const [busy, setBusy] = useState(false);
  const { state, reload } = useResource(
    async () => expectStatus(await api.getQuestionnaireResults({ params: { questionnaireId: id } }), 200),
    [id, session.token],
    { enabled: Boolean(session.token) && allowed },
  );
  const toast = (title: string) => Taro.showToast({ title, icon: 'none' }).catch(() => undefined);
  const exportCsv = async (title: string) => {
    setBusy(true);
    try {
      await downloadQuestionnaireCsv(id, title);
    } catch (err) {
      toast(toFailure(err).message);
    } finally {
      setBusy(false);
    }
  };
  const { run } = useMutation({ onError: (failure) => toast(displayMessage(failure)) });
  const close = async () => {
    const ok = await Taro.showModal({ title: '结束问卷', content: '结束后不能再提交或修改答卷。确定结束？', confirmText: '结束' }).catch(
      () => ({ confirm: false }),
    );
    if (!ok.confirm) return;
    if (await run(() => api.closeQuestionnaire({ params: { questionnaireId: id } }))) reload();
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
        <BindingNeeded text="问卷结果只有发放单位可以查看" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <ResourceView state={state} onRetry={reload}>
        {(r) => (
          <View>
            <View className="cx-card">
              <Text className="learn-title">{r.questionnaire.title}</Text>
              <Text className="learn-sub">
                {r.questionnaire.townshipName} · {r.questionnaire.status === 'open' ? '收集中' : '已截止'} · 截止{' '}
                {when(r.questionnaire.closesAt)}
              </Text>
              <View className="learn-row">
                <Text className="learn-sub cx-qn-responded">
                  已收 {r.responded} 份 / 应答 {r.audience} 人
                </Text>
                <Text className="learn-big">{r.audience ? percent(Math.min(1, r.responded / r.audience)) : '—'}</Text>
              </View>
              <View className="learn-actions">
                <Button className="cx-btn cx-qn-refresh" onClick={reload}>
                  刷新
                </Button>
                <Button
                  className={`cx-btn cx-btn--primary cx-qn-export${busy ? ' cx-btn--disabled' : ''}`}
                  disabled={busy || undefined}
                  onClick={() => exportCsv(r.questionnaire.title)}
                >
                  导出 CSV
                </Button>
              </View>
              {r.questionnaire.status === 'open' ? (
                <Text className="learn-link cx-qn-close" {...accessibleControl({ onActivate: close })}>
                  提前结束收集
                </Text>
              ) : null}
            </View>
            {r.questions.map((q, n) => {
              const most = Math.max(1, ...q.options.map((o) => o.count));
              return (
                <View key={q.questionId} className="cx-card cx-qn-result" data-id={q.questionId}>
                  <Text className="cx-tag">{QN_KIND_LABELS[q.kind]}</Text>
                  <Text className="learn-question__text">
                    {n + 1}. {q.text}
                  </Text>
                  <Text className="learn-hint">{q.answered} 人作答</Text>
                  {q.options.map((o) => (
                    <Bar key={o.label} label={o.label} value={o.count} max={most} text={`${o.count} 人`} className="cx-qn-option-bar" />
                  ))}
                  {q.kind === 'text' ? (
                    q.texts.length ? (
                      keyedByContent(q.texts, (t) => `${t.branchName}:${t.text}`).map(({ item: t, key }) => (
                        <Text key={key} className="learn-text-answer cx-qn-text-answer">
                          {t.text}
                          <Text className="learn-text-answer__who">{t.branchName}</Text>
                        </Text>
                      ))
                    ) : (
                      <Text className="learn-hint">还没有文字回答</Text>
                    )
                  ) : null}
                </View>
              );
            })}
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
