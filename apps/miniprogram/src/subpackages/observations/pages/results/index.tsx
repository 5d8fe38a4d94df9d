import { formatShanghaiDateTime, OBSERVATION_STATUS_LABELS, type ObservationDetail, STAR_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { ResultCard } from '../../components/result-card';
import { monthLabel } from '../../observe-helpers';
import '../../observe.css';

/** While open: who has scored each branch, and the sheets the caller may see (only their own, if they score). */
function Progress({ obs }: { obs: ObservationDetail }) {
  return (
    <View>
      {obs.branches.map((b) => {
        const sheets = obs.scores.filter((s) => s.branchId === b.branchId);
        return (
          <View key={b.branchId} className="cx-card cx-observe-progress-branch" data-branch={b.branchId}>
            <Text className="observe-item__title">{b.name}</Text>
            <Text className="observe-item__meta">
              已有 {b.scoredBy}/{obs.observers.length} 人评分
            </Text>
            {sheets.map((s) => (
              <Text key={s.observerId} className="observe-comment">
                {s.observerName}：{s.scores.map((x) => `${STAR_LABELS[x.star]} ${x.score}`).join('，')}
                {s.comment ? `（${s.comment}）` : ''}
              </Text>
            ))}
          </View>
        );
      })}
      <Text className="observe-hint">
        {obs.assigned ? '评分期间只显示您自己的评分，锁定后公布汇总结果。' : '锁定后计算并公布各支部的汇总结果，之后不能再修改。'}
      </Text>
    </View>
  );
}

/** 观摩结果 (`?id=`): progress while open, the frozen per-branch results once closed; the organiser closes it here. */
export default function ObservationResultsPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const id = params.id ?? '';
  const [latest, setLatest] = useState<ObservationDetail>();
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      setProblem(`${failure.message}（页面已刷新）`);
      reload();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const { state, reload } = useResource(
    async () => {
      if (!id) throw failureError({ status: 404, message: '缺少观摩编号' });
      setLatest(undefined);
      return expectStatus(await api.getObservation({ params: { observationId: id } }), 200);
    },
    [id, session.token],
    { enabled: signedIn },
  );

  const close = async (obs: ObservationDetail) => {
    if (busy) return;
    const unscored = obs.branches.filter((b) => b.scoredBy === 0).length;
    const { confirm } = await Taro.showModal({
      title: '锁定观摩',
      content: `锁定后计算并公布结果，评分人员不能再修改。${unscored ? `还有 ${unscored} 个支部无人评分。` : ''}确定锁定吗？`,
      confirmText: '锁定',
      confirmColor: '#b71c1c',
      cancelText: '再等等',
    });
    if (!confirm) return;
    setProblem(undefined);
    const res = await run(() => api.closeObservation({ params: { observationId: obs.id }, body: { version: obs.version } }));
    if (!res) return;
    setLatest(res.body);
    Taro.showToast({ title: '已锁定', icon: 'success' }).catch(() => undefined);
  };

  if (!signedIn)
    return (
      <PageRoot className="observe">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="observe">
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const obs = latest ?? loaded;
          return (
            <View>
              <View className="cx-card">
                <View className="observe-item__head">
                  <Text className="observe-item__title cx-observe-title">{obs.title}</Text>
                  <Text className={`cx-tag observe-status--${obs.status} cx-observe-status`}>{OBSERVATION_STATUS_LABELS[obs.status]}</Text>
                </View>
                <Text className="observe-item__meta">
                  {monthLabel(obs.month)} · {obs.organiserLabel} · 发起人 {obs.createdByName}
                </Text>
                <Text className="observe-item__meta">评分人员：{obs.observers.map((o) => o.name).join('、')}</Text>
                {obs.closedAt ? <Text className="observe-item__meta">锁定时间：{formatShanghaiDateTime(obs.closedAt)}</Text> : null}
              </View>
              {problem ? <Text className="cx-form-problem cx-observe-problem">{problem}</Text> : null}
              {obs.status === 'open' ? (
                <View>
                  {obs.assigned ? (
                    <Button className="cx-btn cx-btn--primary cx-observe-go-score" onClick={() => openPage(PAGES.observationScore(obs.id))}>
                      去评分
                    </Button>
                  ) : null}
                  <Progress obs={obs} />
                  {obs.canManage ? (
                    <Button
                      className={`cx-btn cx-observe-close${busy ? ' cx-btn--disabled' : ''}`}
                      disabled={busy || undefined}
                      onClick={() => close(obs)}
                    >
                      锁定并公布结果
                    </Button>
                  ) : null}
                </View>
              ) : obs.results.length ? (
                obs.results.map((r) => <ResultCard key={r.branchId} result={r} heading={r.branchName} />)
              ) : (
                <EmptyView text="没有可查看的结果" />
              )}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
