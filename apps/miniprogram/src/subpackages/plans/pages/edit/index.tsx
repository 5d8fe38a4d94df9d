import { PLAN_STATUS_LABELS, type Plan, shanghaiDay } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { draftOf, editableStatus, reviewsPlan, writesPlan } from '../../plan-form';
import { PlanEditor } from './plan-editor';
import { PlanReview } from './plan-review';
import { PlanView } from './plan-view';
import './index.css';

/** The year in the link, else this Shanghai year. */
function yearOf(param: string | undefined): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= 2020 && n <= 2100 ? n : Number(shanghaiDay().slice(0, 4));
}

/** The plan, its branch's type and the catalogue version it was written under (the one in force for a blank draft). */
async function loadPlan(branchId: string, year: number) {
  if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
  const plan = expectStatus(await api.getPlan({ params: { branchId, year } }), 200);
  const [detail, catalogue] = await Promise.all([
    api.getBranch({ params: { branchId } }).then((res) => expectStatus(res, 200)),
    (plan.catalogueVersion > 0 ? api.getCatalogueVersion({ params: { version: plan.catalogueVersion } }) : api.getCatalogue({})).then(
      (res) => expectStatus(res, 200),
    ),
  ]);
  Taro.setNavigationBarTitle({ title: `${plan.branchName} · 创星计划` }).catch(() => undefined);
  return { plan, type: detail.branch.type, catalogue: catalogue.content[detail.branch.type] };
}

/**
 * 创星计划 (`?branchId=&year=`): the branch's own cadres write it while it is a draft or returned and submit it;
 * township staff of its township approve or return it once submitted; everyone else who may read it reads it.
 */
export default function PlanEditPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const branchId = params.branchId ?? '';
  const year = yearOf(params.year);
  /** The answer of the last save or action, newer than what was loaded. */
  const [latest, setLatest] = useState<Plan>();
  /** Survives the reload after a 409, so the user learns why the page changed. */
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    async () => {
      const loaded = await loadPlan(branchId, year);
      setLatest(undefined);
      return loaded;
    },
    [branchId, year, session.token],
    { enabled: signedIn },
  );

  const stale = (message: string) => {
    setNotice(message);
    reload();
  };
  const done = (plan: Plan, title: string) => {
    setNotice(undefined);
    setLatest(plan);
    Taro.showToast({ title, icon: 'success' }).catch(() => undefined);
  };

  if (!signedIn)
    return (
      <PageRoot className="plan">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="plan">
      <ResourceView state={state} onRetry={reload}>
        {({ plan: loaded, type, catalogue }) => {
          const plan = latest && latest.version >= loaded.version ? latest : loaded;
          const writer = writesPlan(session.me, plan.branchId) && editableStatus(plan);
          const reviewer = reviewsPlan(session.me, plan) && plan.status === 'submitted';
          return (
            <View>
              <View className="cx-card plan-head">
                <View className="plan-head__row">
                  <Text className="plan-head__name">{plan.branchName}</Text>
                  <Text className={`cx-tag plan-status--${plan.status} cx-plan-status`}>{PLAN_STATUS_LABELS[plan.status]}</Text>
                </View>
                <Text className="plan-head__year cx-plan-year">{plan.year} 年创星计划</Text>
                {plan.reviewNote ? <Text className="plan-head__note cx-plan-review-note">审批意见：{plan.reviewNote}</Text> : null}
              </View>
              {notice ? (
                <View className="cx-card plan-notice cx-plan-notice">
                  <Text className="plan-notice__title">{notice}</Text>
                  <Text className="plan-notice__sub">页面已刷新为最新内容。</Text>
                </View>
              ) : null}
              {writer ? (
                <PlanEditor
                  key={`${plan.version}-${plan.status}`}
                  plan={plan}
                  type={type}
                  catalogue={catalogue}
                  initial={draftOf(plan.content)}
                  onSaved={(next) => done(next, '已保存')}
                  onSubmitted={(next) => done(next, '已提交')}
                  onStale={stale}
                />
              ) : (
                <PlanView
                  content={plan.content}
                  catalogue={catalogue}
                  progressOf={plan.status === 'approved' ? { branchId: plan.branchId, year: plan.year } : undefined}
                />
              )}
              {reviewer ? (
                <PlanReview
                  key={plan.version}
                  plan={plan}
                  onDone={(next, action) => done(next, action === 'approve' ? '已批准' : '已退回')}
                  onStale={stale}
                />
              ) : null}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
