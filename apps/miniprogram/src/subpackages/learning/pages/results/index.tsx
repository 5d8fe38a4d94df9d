import { AUDIENCE_ROLE_LABELS, type ParticipationRow, TEST_STATUS_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { displayMessage, expectStatus } from '../../../../services/api-failure';
import { Bar } from '../../components/bar';
import { organises, percent, when } from '../../services/learn-helpers';
import '../../learn.css';

/** One township (or the total): 参考率 as a bar, then the score histogram as CSS bars. */
function Row({ row, total }: { row: ParticipationRow; total?: boolean }) {
  const most = Math.max(1, ...row.histogram.map((h) => h.count));
  return (
    <View className={`cx-card cx-learn-township${total ? ' cx-learn-total' : ''}`} data-township={row.townshipId}>
      <View className="learn-row">
        <Text className="learn-title">{row.name}</Text>
        <Text className={`learn-big ${total ? 'cx-learn-total-rate' : 'cx-learn-rate'}`}>{percent(row.rate)}</Text>
      </View>
      <Text className="learn-sub cx-learn-counts">
        参考 {row.taken}/{row.audience} 人{row.average !== undefined ? ` · 平均 ${row.average} 分` : ''} · 及格 {row.passed} 人
      </Text>
      <Bar label="参考率" value={row.taken} max={row.audience} text={`${row.taken}/${row.audience}`} className="cx-learn-rate-bar" />
      <Text className="learn-hint">成绩分布</Text>
      {row.histogram.map((h) => (
        <Bar key={h.label} label={`${h.label} 分`} value={h.count} max={most} text={`${h.count} 人`} className="cx-learn-histogram" />
      ))}
    </View>
  );
}

/** 参考情况 (`?id=`): 参考率 per township, score distribution, who has not taken it, and 提醒未参考. */
export default function ResultsPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const session = useSession();
  const allowed = organises(session.me);
  const { busy: reminding, run } = useMutation({
    onError: (failure) => Taro.showToast({ title: displayMessage(failure), icon: 'none' }).catch(() => undefined),
  });
  const { state, reload } = useResource(
    async () => expectStatus(await api.getTestResults({ params: { sessionId: id } }), 200),
    [id, session.token],
    { enabled: Boolean(session.token) && allowed },
  );
  useDidShow(() => {
    if (session.token && allowed && state.kind === 'ready') reload();
  });
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });
  const remind = async () => {
    const res = await run(() => api.remindTestMissing({ params: { sessionId: id } }));
    if (!res) return;
    Taro.showToast({
      title: res.body.missing ? `已提醒 ${res.body.recipients} 人` : '所有人都已参考',
      icon: res.body.missing ? 'success' : 'none',
    }).catch(() => undefined);
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
        <BindingNeeded text="区委组织部和乡镇（街道）工作人员查看参考情况" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <ResourceView state={state} onRetry={reload}>
        {(r) => (
          <View>
            <View className="cx-card">
              <View className="learn-row">
                <Text className="learn-title cx-learn-results-title">{r.session.title}</Text>
                <Text className={`cx-tag learn-status--${r.session.status}`}>{TEST_STATUS_LABELS[r.session.status]}</Text>
              </View>
              <Text className="learn-sub">
                {r.session.roles.map((x) => AUDIENCE_ROLE_LABELS[x]).join('、')} · {r.session.questionCount} 题 · 截止{' '}
                {when(r.session.closesAt)}
              </Text>
              <Text className="learn-hint">参考率 = 已交卷人数 ÷ 目前绑定该身份的人数（按查看时的绑定计算）。</Text>
              <View className="learn-actions">
                <Button className="cx-btn cx-learn-refresh" onClick={reload}>
                  刷新
                </Button>
                {r.session.status !== 'closed' ? (
                  <Button
                    className={`cx-btn cx-btn--primary cx-learn-remind${reminding ? ' cx-btn--disabled' : ''}`}
                    disabled={reminding || undefined}
                    onClick={remind}
                  >
                    提醒未参考
                  </Button>
                ) : null}
              </View>
            </View>
            {r.townships.length > 1 ? <Row row={r.totals} total /> : null}
            {r.townships.map((t) => (
              <Row key={t.townshipId} row={t} total={r.townships.length === 1} />
            ))}
            <Text className="cx-section-title">人员（{r.people.length}）</Text>
            <View className="cx-card">
              {r.people.length === 0 ? <Text className="learn-hint">所选范围内还没有绑定该身份的人员。</Text> : null}
              {r.people.map((p) => (
                <View key={`${p.townshipId}-${p.userId}`} className="learn-person cx-learn-person">
                  <Text>
                    {p.name} <Text className="learn-sub">{p.branchName}</Text>
                  </Text>
                  <Text className={p.score === undefined ? 'learn-link' : ''}>{p.score === undefined ? '未参考' : `${p.score} 分`}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
