import {
  STAR_APPLICATION_STATUS_LABELS,
  STAR_LABELS,
  type StarApplicationDetail,
  type StarAssessmentInput,
  type StarDecisionBody,
} from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { AssessmentForm } from '../../components/assessment-form';
import { AssessmentList, HistoryList } from '../../components/assessment-list';
import { DecisionForm } from '../../components/decision-form';
import { ReviewContextSection } from '../../components/review-context';
import { StepIndicator } from '../../components/step-indicator';
import { draftFromApplication } from '../../services/assessment-draft';
import { hasRole } from '../../services/star-access';
import '../../stars.css';

const DONE_TEXT: Record<string, string> = { approve: '已通过', return: '已退回', award: '已授星', resubmit: '已重新提交' };

function Resubmit({
  detail,
  busy,
  onSubmit,
}: {
  detail: StarApplicationDetail;
  busy: boolean;
  onSubmit: (items: StarAssessmentInput[]) => void;
}) {
  const initial = useMemo(() => draftFromApplication(detail.items), [detail.items]);
  return (
    <View className="cx-card cx-star-resubmit">
      <Text className="cx-section-title">修改后重新提交</Text>
      <Text className="stars-hint">按退回原因修改标红的项目，再提交乡镇（街道）初审。</Text>
      <AssessmentForm branchId={detail.application.branchId} initial={initial} busy={busy} submitLabel="重新提交" onSubmit={onSubmit} />
    </View>
  );
}

/** One application (`?id=`): its path, the self-assessment, what reviewers know, the history and the caller's move. */
export default function ApplicationPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const id = params.id ?? '';
  const [latest, setLatest] = useState<StarApplicationDetail>();
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      setProblem(`${failure.message}。别人刚处理过这份申报，页面已刷新，请看最新情况后再操作。`);
      setLatest(undefined);
      reload();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const { state, reload } = useResource(
    async () => {
      if (!id) throw failureError({ status: 404, message: '缺少申报编号' });
      setLatest(undefined);
      return expectStatus(await api.getStarApplication({ params: { applicationId: id } }), 200);
    },
    [id, session.token],
    { enabled: signedIn },
  );

  const done = (d: StarApplicationDetail, action: string) => {
    setLatest(d);
    setProblem(undefined);
    Taro.showToast({ title: DONE_TEXT[action] ?? '已提交', icon: 'success' }).catch(() => undefined);
  };
  const decide = async (body: StarDecisionBody) => {
    const res = await run(() => api.decideStarApplication({ params: { applicationId: id }, body }));
    if (res) done(res.body, body.action);
  };
  const resubmit = async (d: StarApplicationDetail, items: StarAssessmentInput[]) => {
    const res = await run(() =>
      api.resubmitStarApplication({ params: { applicationId: id }, body: { version: d.application.version, items } }),
    );
    if (res) done(res.body, 'resubmit');
  };
  const award = async (d: StarApplicationDetail) => {
    const ok = await Taro.showModal({
      title: '授星',
      content: `公示期已满，确认为${d.application.branchName}授予${STAR_LABELS[d.application.star]}？`,
    }).catch(() => ({ confirm: false }));
    if (ok.confirm) await decide({ action: 'award', version: d.application.version });
  };

  if (!signedIn)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const d = latest ?? loaded;
          const app = d.application;
          const titles = new Map(d.items.map((i) => [i.itemId, i.title]));
          const reviewing = d.actions.includes('approve') || d.actions.includes('return');
          return (
            <View>
              <View className="cx-card cx-star-head">
                <Text className="stars-heading cx-star-head-title">
                  {app.branchName} · {STAR_LABELS[app.star]}
                </Text>
                <Text className={`stars-status stars-status--${app.status} cx-star-head-status`}>
                  {STAR_APPLICATION_STATUS_LABELS[app.status]}
                </Text>
                <StepIndicator status={app.status} history={d.history} />
                <Text className="stars-hint">
                  自评达标 {app.met}/{app.total} 项 · 标准第 {app.catalogueVersion} 版
                </Text>
                {app.publicityFrom && app.publicityUntil ? (
                  <Text className="stars-hint cx-star-head-publicity">
                    公示期：{app.publicityFrom} 至 {app.publicityUntil}
                  </Text>
                ) : null}
              </View>
              {problem ? <Text className="cx-form-problem cx-star-problem">{problem}</Text> : null}
              {d.actions.includes('resubmit') ? (
                <Resubmit key={app.version} detail={d} busy={busy} onSubmit={(items) => resubmit(d, items)} />
              ) : (
                <AssessmentList items={d.items} />
              )}
              {d.canReadContext ? <ReviewContextSection applicationId={app.id} version={app.version} /> : null}
              {reviewing ? (
                <DecisionForm
                  key={app.version}
                  items={d.items}
                  version={app.version}
                  stage={app.status === 'district_review' ? '复审' : '初审'}
                  busy={busy}
                  onDecide={decide}
                />
              ) : null}
              {d.actions.includes('award') ? (
                <Button
                  className={`cx-btn cx-btn--primary cx-star-award${busy ? ' cx-btn--disabled' : ''}`}
                  disabled={busy || undefined}
                  onClick={() => award(d)}
                >
                  授星
                </Button>
              ) : null}
              {app.status === 'publicity' && hasRole(session.me, 'district_admin') ? (
                <Button
                  className="cx-btn cx-star-objections-link"
                  onClick={() => Taro.navigateTo({ url: PAGES.starObjections(app.id) }).catch(() => undefined)}
                >
                  公示异议{app.openObjections ? `（待处理 ${app.openObjections} 件）` : ''}
                </Button>
              ) : null}
              <HistoryList history={d.history} titles={titles} />
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
