import type { DistrictCreationPlan, TownshipCreationPlan } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { editsDistrictPlan, editsTownshipPlan, planYear } from '../../plan-access';
import { DistrictPlanForm } from './district-plan-form';
import { TownshipPlanForm } from './township-plan-form';
import '../../creation-plans.css';

/** The saved answer replaces the loaded one (it carries the new version and history). */
function History({ history }: { history: { version: number; at: string; byName: string }[] }) {
  if (!history.length) return null;
  return (
    <View className="cx-card cplan-section cx-cplan-history">
      <Text className="cplan-section__title">修改记录</Text>
      {history.map((h) => (
        <Text key={h.version} className="cplan-muted">
          第 {h.version} 版 · {h.at.slice(0, 10)} · {h.byName}
        </Text>
      ))}
    </View>
  );
}

function DistrictPlan({ year, editable }: { year: number; editable: boolean }) {
  const [saved, setSaved] = useState<DistrictCreationPlan>();
  const { state, reload } = useResource(async () => expectStatus(await api.getDistrictCreationPlan({ params: { year } }), 200), [year]);
  return (
    <ResourceView state={state} onRetry={reload}>
      {(loaded) => {
        const data = saved && saved.version >= loaded.version ? saved : loaded;
        return (
          <View>
            <DistrictPlanForm key={data.version} data={data} editable={editable} onSaved={setSaved} />
            <History history={data.history} />
          </View>
        );
      }}
    </ResourceView>
  );
}

function TownshipPlan({ year, townshipId, editable }: { year: number; townshipId: string; editable: boolean }) {
  const [saved, setSaved] = useState<TownshipCreationPlan>();
  const { state, reload } = useResource(
    async () => expectStatus(await api.getTownshipCreationPlan({ params: { year, townshipId } }), 200),
    [year, townshipId],
  );
  return (
    <ResourceView state={state} onRetry={reload}>
      {(loaded) => {
        const data = saved && saved.version >= loaded.version ? saved : loaded;
        return (
          <View>
            <TownshipPlanForm key={data.version} data={data} editable={editable} onSaved={setSaved} />
            <History history={data.history} />
          </View>
        );
      }}
    </ResourceView>
  );
}

/** 创建规划 (`?year=&townshipId=`): the district's plan, or a township's; its editors edit, other readers read. */
export default function CreationPlanPage() {
  const { params } = useRouter();
  const session = useSession();
  const year = planYear(params.year);
  const townshipId = params.townshipId ?? '';
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="cplan-page cx-cplan-page">
      {townshipId ? (
        <TownshipPlan year={year} townshipId={townshipId} editable={editsTownshipPlan(session.me, townshipId)} />
      ) : (
        <DistrictPlan year={year} editable={editsDistrictPlan(session.me)} />
      )}
    </PageRoot>
  );
}
