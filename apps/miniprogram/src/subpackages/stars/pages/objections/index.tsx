import {
  formatShanghaiDateTime,
  type ReviewedStarObjection,
  STAR_OBJECTION_LIMITS,
  STAR_OBJECTION_STATUS_LABELS,
  type StarObjectionList,
} from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import '../../stars.css';

type Action = 'uphold' | 'dismiss';

/** One objection: its text, and who raised it only when they chose to be named (an anonymous one stays 匿名). */
function ObjectionCard({
  o,
  busy,
  onResolve,
}: {
  o: ReviewedStarObjection;
  busy: boolean;
  onResolve: (action: Action, reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const act = async (action: Action) => {
    if (!reason.trim()) return setProblem('请填写处理理由，理由会告诉提出异议的人');
    setProblem(undefined);
    if (action === 'uphold') {
      const ok = await Taro.showModal({ title: '维持异议', content: '异议成立后，这颗星将终止授予，且不能撤回。确定吗？' }).catch(() => ({
        confirm: false,
      }));
      if (!ok.confirm) return;
    }
    onResolve(action, reason.trim());
  };
  return (
    <View className={`cx-card stars-objection cx-star-objection is-${o.status}`} data-id={o.id} data-status={o.status}>
      <View className="stars-app__head">
        <Text className="stars-app__title cx-star-objector">{o.anonymous ? '匿名' : `署名：${o.objectorName ?? ''}`}</Text>
        <Text className={`stars-status stars-objection--${o.status} cx-star-objection-status`}>
          {STAR_OBJECTION_STATUS_LABELS[o.status]}
        </Text>
      </View>
      <Text className="stars-hint">{formatShanghaiDateTime(o.createdAt)}</Text>
      <Text className="stars-objection__text cx-star-objection-body">{o.text}</Text>
      {o.resolution ? (
        <Text className="stars-hint cx-star-objection-reason">
          处理理由：{o.resolution.reason}（{o.resolution.resolverName}，{formatShanghaiDateTime(o.resolution.at)}）
        </Text>
      ) : (
        <View className="cx-star-resolve">
          <View className="stars-textarea cx-star-resolve-reason">
            <Textarea
              className="stars-textarea__input"
              value={reason}
              maxlength={STAR_OBJECTION_LIMITS.reason}
              placeholder="核实情况和处理理由"
              nativeProps={{ 'aria-label': '处理理由' }}
              onInput={(e) => setReason(e.detail.value)}
            />
          </View>
          <FieldProblem text={problem} className="cx-star-resolve-problem" />
          <View className="stars-actions">
            <Button
              className={`cx-btn cx-star-dismiss${busy ? ' cx-btn--disabled' : ''}`}
              disabled={busy || undefined}
              onClick={() => act('dismiss')}
            >
              驳回异议
            </Button>
            <Button
              className={`cx-btn stars-btn--danger cx-star-uphold${busy ? ' cx-btn--disabled' : ''}`}
              disabled={busy || undefined}
              onClick={() => act('uphold')}
            >
              维持异议
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** 公示异议处理 (`?id=` of the application): the district reviewers resolve each objection with a reason. */
export default function ObjectionsPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const id = params.id ?? '';
  const [latest, setLatest] = useState<StarObjectionList>();
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      setProblem(`${failure.message}。这件异议刚被别人处理过，页面已刷新，请看最新结果。`);
      setLatest(undefined);
      reload();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const { state, reload } = useResource(
    async () => {
      if (!id) throw failureError({ status: 404, message: '缺少申报编号' });
      setLatest(undefined);
      return expectStatus(await api.listStarObjections({ params: { applicationId: id } }), 200);
    },
    [id, session.token],
    { enabled: signedIn },
  );
  const resolve = async (o: ReviewedStarObjection, action: Action, reason: string) => {
    const res = await run(() =>
      api.resolveStarObjection({ params: { applicationId: id, objectionId: o.id }, body: { action, reason, version: o.version } }),
    );
    if (!res) return;
    setLatest(res.body);
    setProblem(undefined);
    Taro.showToast({ title: action === 'uphold' ? '已维持异议' : '已驳回异议', icon: 'success' }).catch(() => undefined);
  };

  if (!signedIn)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      {problem ? <Text className="cx-form-problem cx-star-problem">{problem}</Text> : null}
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const list = latest ?? loaded;
          return list.objections.length ? (
            <View className="cx-star-objections">
              {list.publicityUntil ? <Text className="stars-hint">公示截止：{list.publicityUntil}。全部异议处理完后才能授星。</Text> : null}
              {list.objections.map((o) => (
                <ObjectionCard key={`${o.id}-${o.version}`} o={o} busy={busy} onResolve={(a, r) => resolve(o, a, r)} />
              ))}
            </View>
          ) : (
            <EmptyView text="这项评星结果没有收到异议" />
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
