import { type Catalogue, STAR_LABELS, type Star, type StarAssessmentInput } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { askConsent } from '../../../../services/subscribe-consent';
import { ApplicationCard } from '../../components/application-card';
import { AssessmentForm } from '../../components/assessment-form';
import { draftFromCatalogue } from '../../services/assessment-draft';
import { newClientKey, secretaryBranchIds } from '../../services/star-access';
import '../../stars.css';

function NewApplication({
  branchId,
  stars,
  catalogue,
  type,
  onApplied,
}: {
  branchId: string;
  stars: Star[];
  catalogue: Catalogue;
  type: 'rural' | 'community';
  onApplied: (id: string) => void;
}) {
  const [star, setStar] = useState<Star>();
  const [problem, setProblem] = useState<string>();
  // One key per star chosen: a retried 提交 lands on the same application.
  const clientKey = useMemo(() => (star ? newClientKey() : ''), [star]);
  const entry = catalogue.content[type].find((s) => s.star === star);
  const initial = useMemo(() => (entry ? draftFromCatalogue(entry) : []), [entry]);
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblem(`${failure.message}（请返回列表刷新后查看）`),
    onError: (failure) => setProblem(failure.message),
  });
  const submit = async (items: StarAssessmentInput[]) => {
    if (!star) return;
    // In the tap: the secretary may let WeChat tell them of 初审 / 复审 / 授星, a 撤星 and the annual result.
    void askConsent(['star_application_decided', 'star_withdrawn', 'star_annual_review']);
    const res = await run(() => api.applyForStar({ params: { branchId }, body: { star, clientKey, items } }));
    if (!res) return;
    Taro.showToast({ title: '已提交申报', icon: 'success' }).catch(() => undefined);
    onApplied(res.body.application.id);
  };
  if (!stars.length) return <EmptyView text="本支部的每颗星都已申报，进度见上方列表" />;
  return (
    <View className="cx-card cx-star-new">
      <Text className="cx-section-title">申报新的星</Text>
      <Text className="stars-hint">选择要申报的星，再逐条对照标准自评（标准：第 {catalogue.version} 版）</Text>
      <ChoiceChips
        choices={stars.map((s) => ({ key: s, label: STAR_LABELS[s] }))}
        isSelected={(s) => s === star}
        onPick={(s) => {
          setStar(s);
          setProblem(undefined);
        }}
        itemClassName="cx-star-pick"
        dataName="star"
      />
      {problem ? <Text className="cx-form-problem cx-star-apply-problem">{problem}</Text> : null}
      {entry ? <AssessmentForm branchId={branchId} initial={initial} busy={busy} submitLabel="提交申报" onSubmit={submit} /> : null}
    </View>
  );
}

/** 创星申报 (`?branchId=`, else the secretary's own branch): the branch's applications, and a new one. */
export default function ApplyPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const branchId = params.branchId || secretaryBranchIds(session.me)[0] || '';
  const { state, reload } = useResource(
    async () => {
      if (!branchId) throw failureError({ message: '创星申报由支部书记办理，请从首页的“创星申报”进入' });
      const [list, detail, catalogue] = await Promise.all([
        api.listBranchStarApplications({ params: { branchId } }),
        api.getBranch({ params: { branchId } }),
        api.getCatalogue({}),
      ]);
      return { list: expectStatus(list, 200), branch: expectStatus(detail, 200).branch, catalogue: expectStatus(catalogue, 200) };
    },
    [branchId, session.token],
    { enabled: signedIn },
  );
  const canApply = secretaryBranchIds(session.me).includes(branchId);
  const open = (id: string) => Taro.navigateTo({ url: PAGES.starApplication(id) }).catch(() => undefined);

  if (!signedIn)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      <ResourceView state={state} onRetry={reload}>
        {({ list, branch, catalogue }) => {
          const claimed = new Set(list.applications.map((a) => a.star));
          return (
            <View>
              <Text className="stars-heading">{list.branchName}</Text>
              <View className="cx-star-list">
                <Text className="cx-section-title">本支部的申报</Text>
                {list.applications.length ? (
                  list.applications.map((a) => <ApplicationCard key={a.id} app={a} onOpen={() => open(a.id)} />)
                ) : (
                  <EmptyView text="还没有申报。对照创星标准自评后，在下方选择一颗星申报" />
                )}
              </View>
              {canApply ? (
                <NewApplication
                  branchId={branchId}
                  stars={branch.stars.filter((s) => !claimed.has(s))}
                  catalogue={catalogue}
                  type={branch.type}
                  onApplied={(id) => Taro.redirectTo({ url: PAGES.starApplication(id) }).catch(() => undefined)}
                />
              ) : null}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
