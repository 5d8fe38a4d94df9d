import { type OrgTree, TOWNSHIP_KIND_LABELS, type TownshipSummary } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { accessibleControl } from '../../components/accessible-control';
import { PageRoot } from '../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../components/state-views';
import { useResource } from '../../hooks/use-resource';
import { useSession } from '../../hooks/use-session';
import { api } from '../../services/api';
import { expectStatus } from '../../services/api-failure';
import { isOfficial } from '../../services/me-helpers';
import { openPage } from '../../services/navigation';
import { PAGES } from '../../services/routes';
import { refreshUnreadBadge } from '../../services/unread-badge';
import './index.css';

function Counts({ counts }: { counts: TownshipSummary['counts'] }) {
  return (
    <View className="org-counts">
      <Text className="org-count">农村 {counts.rural}</Text>
      <Text className="org-count">社区 {counts.community}</Text>
      <Text className="org-count org-count--total">合计 {counts.total}</Text>
    </View>
  );
}

function TownshipCard({ township }: { township: TownshipSummary }) {
  return (
    <View
      className="cx-card cx-township-item"
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => openPage(PAGES.township(township.id)) })}
    >
      <View className="org-township__head">
        <Text className="org-township__name">{township.name}</Text>
        <Text className="cx-tag cx-tag--muted">{TOWNSHIP_KIND_LABELS[township.kind]}</Text>
        {township.isDemo ? <Text className="cx-tag cx-tag--demo">示例</Text> : null}
        <Text className="org-township__arrow">›</Text>
      </View>
      <Counts counts={township.counts} />
    </View>
  );
}

function Tree({ tree }: { tree: OrgTree }) {
  return (
    <View>
      <View className="cx-card org-district">
        <Text className="org-district__name">{tree.district.name}</Text>
        <Text className="org-district__sub">{tree.townships.length} 个乡镇（街道）</Text>
        <Counts counts={tree.totals} />
      </View>
      {tree.townships.length === 0 ? (
        <EmptyView text="暂无可查看的乡镇（街道）" />
      ) : (
        tree.townships.map((t) => <TownshipCard key={t.id} township={t} />)
      )}
    </View>
  );
}

export default function OrgPage() {
  const session = useSession();
  useDidShow(() => void refreshUnreadBadge());
  const allowed = Boolean(session.token) && (!session.me || isOfficial(session.me));
  const { state, reload } = useResource(async () => expectStatus(await api.getOrgTree({}), 200), [session.token], {
    enabled: allowed,
  });

  let body: ReactNode;
  if (!session.token) body = <SignInNeeded />;
  else if (!allowed) body = <BindingNeeded text="组织架构仅对党务工作人员开放。干部和工作人员请先绑定身份。" />;
  else
    body = (
      <ResourceView state={state} onRetry={reload}>
        {(tree) => <Tree tree={tree} />}
      </ResourceView>
    );

  return <PageRoot className="org">{body}</PageRoot>;
}
