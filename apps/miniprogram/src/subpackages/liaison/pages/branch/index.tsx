import { type FiveStarCandidate, LIAISON_VISIT_KIND_LABELS, type LiaisonVisit } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { LevelBars } from '../../level-bars';
import { branchInHome } from '../../liaison-helpers';
import { CandidateForm } from './candidate-form';
import { VisitForm } from './visit-form';
import '../../liaison.css';

const ignore = () => undefined;

/** 包联 · a branch (`?branchId=`): its level, a new visit, its visits so far and its 五星 candidacy. */
export default function LiaisonBranchPage() {
  const { params } = useRouter();
  const session = useSession();
  const branchId = params.branchId ?? '';
  // What was saved here since the page loaded: shown at once, without reloading the home.
  const [saved, setSaved] = useState<LiaisonVisit[]>([]);
  const [candidate, setCandidate] = useState<FiveStarCandidate>();
  const { state, reload } = useResource(
    async () => {
      const home = expectStatus(await api.getMyLiaison({}), 200);
      const found = branchInHome(home, branchId);
      if (found) Taro.setNavigationBarTitle({ title: `${found.branch.name} · 包联` }).catch(ignore);
      return found ?? null;
    },
    [branchId],
    { enabled: Boolean(session.token) },
  );
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="cx-liaison-branch-page">
      <ResourceView state={state} onRetry={reload}>
        {(found) => {
          if (!found) return <EmptyView text="这个支部不在您包联的乡镇（街道）里" />;
          const { township, branch, candidate: loaded, visits } = found;
          const shown = [...saved, ...visits.filter((v) => !saved.some((s) => s.id === v.id))];
          return (
            <View>
              <View className="cx-card">
                <Text className="liaison-title cx-liaison-branch-name">{branch.name}</Text>
                <Text className="liaison-muted">{township.name}</Text>
                <View className="liaison-row">
                  <LevelBars stars={branch.stars} />
                  <Text className="liaison-text">{branch.stars.length ? `${branch.stars.length} 星` : '尚未获星'}</Text>
                </View>
              </View>
              <VisitForm branchId={branch.id} onSaved={(v) => setSaved((list) => [v, ...list])} />
              <View className="cx-card">
                <Text className="cx-section-title">本支部的走访</Text>
                {shown.length ? (
                  shown.map((v) => (
                    <Text key={v.id} className="liaison-muted cx-liaison-branch-visit">
                      {v.date} · {LIAISON_VISIT_KIND_LABELS[v.kind]} · {v.leaderName}：{v.notes}
                    </Text>
                  ))
                ) : (
                  <Text className="liaison-muted">还没有走访记录</Text>
                )}
              </View>
              <CandidateForm branchId={branch.id} current={candidate ?? loaded} onSaved={setCandidate} />
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
