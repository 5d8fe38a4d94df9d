import { type FindingFilter, STAR_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { FindingCard } from '../../components/finding-card';
import '../../inspect.css';

const FILTERS: { key: FindingFilter; label: string }[] = [
  { key: 'open', label: '未销号' },
  { key: 'overdue', label: '已超期' },
  { key: 'closed', label: '已销号' },
  { key: 'all', label: '全部' },
];

/** Without `?townshipId=`: the townships in the caller's reach, to pick from. */
function TownshipChooser() {
  const { state, reload } = useResource(async () => expectStatus(await api.getOrgTree({}), 200).townships, []);
  return (
    <ResourceView state={state} onRetry={reload}>
      {(townships) => (
        <View>
          <Text className="cx-section-title">选择乡镇（街道）</Text>
          {townships.length === 0 ? <EmptyView text="没有可查看的乡镇（街道）" /> : null}
          {townships.map((t) => (
            <View
              key={t.id}
              className="cx-card inspect-item cx-findings-township"
              data-id={t.id}
              hoverClass="cx-pressed"
              {...accessibleControl({ onActivate: () => openPage(PAGES.townshipFindings(t.id)) })}
            >
              <Text className="inspect-item__name">{t.name}</Text>
            </View>
          ))}
        </View>
      )}
    </ResourceView>
  );
}

/** 整改督办 (`?townshipId=`): the township's findings by open / overdue / closed, and per branch per star counts. */
export default function TownshipFindingsPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const townshipId = params.townshipId ?? '';
  const [filter, setFilter] = useState<FindingFilter>('open');
  const { state, reload } = useResource(
    async () => {
      const res = expectStatus(await api.listTownshipFindings({ params: { townshipId }, query: { status: filter } }), 200);
      Taro.setNavigationBarTitle({ title: '整改督办' }).catch(() => undefined);
      return res;
    },
    [townshipId, filter, session.token],
    { enabled: signedIn && Boolean(townshipId) },
  );
  if (!signedIn)
    return (
      <PageRoot className="inspect">
        <SignInNeeded />
      </PageRoot>
    );
  if (!townshipId)
    return (
      <PageRoot className="inspect">
        <TownshipChooser />
      </PageRoot>
    );
  return (
    <PageRoot className="inspect">
      <ChoiceChips
        className="inspect-filters"
        itemClassName="cx-findings-filter"
        dataName="filter"
        check={false}
        choices={FILTERS}
        isSelected={(key) => key === filter}
        onPick={setFilter}
      />
      <ResourceView state={state} onRetry={reload}>
        {(data) => (
          <View>
            {data.branches.length ? (
              <View className="cx-card">
                <Text className="cx-section-title">各支部未销号 / 超期（按星级）</Text>
                {data.branches.map((b) => (
                  <View
                    key={b.branchId}
                    className="inspect-branch-counts cx-findings-branch"
                    data-id={b.branchId}
                    hoverClass="cx-pressed"
                    {...accessibleControl({ onActivate: () => openPage(PAGES.findings(b.branchId)) })}
                  >
                    <Text className="inspect-item__name">{b.branchName}</Text>
                    <Text className="inspect-hint">
                      {b.stars
                        .filter((s) => s.open)
                        .map((s) => `${STAR_LABELS[s.star]} ${s.open}${s.overdue ? `（超期 ${s.overdue}）` : ''}`)
                        .join('；') || '全部已销号'}
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}
            {data.findings.length === 0 ? <EmptyView text={data.filter === 'overdue' ? '没有超期的问题' : '暂无问题'} /> : null}
            {data.findings.map((f) => (
              <FindingCard key={f.id} finding={f} showBranch />
            ))}
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
