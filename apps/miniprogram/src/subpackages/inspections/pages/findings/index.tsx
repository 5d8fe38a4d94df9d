import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { FindingCard, StarCountsView } from '../../components/finding-card';
import { ownsBranch } from '../../inspect-form';
import '../../inspect.css';

/** 问题清单 of a branch (`?branchId=`): what the inspectors found, overdue items first and in red; tap one to fix or verify it. */
export default function BranchFindingsPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const branchId = params.branchId ?? '';
  const { state, reload } = useResource(
    async () => {
      if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
      const list = expectStatus(await api.listBranchFindings({ params: { branchId } }), 200);
      Taro.setNavigationBarTitle({ title: `${list.branchName} · 问题清单` }).catch(() => undefined);
      return list;
    },
    [branchId, session.token],
    { enabled: signedIn },
  );
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) reload();
    shown.current = true;
  });
  if (!signedIn)
    return (
      <PageRoot className="inspect">
        <SignInNeeded />
      </PageRoot>
    );
  const own = ownsBranch(session.me, branchId);
  return (
    <PageRoot className="inspect">
      <ResourceView state={state} onRetry={reload}>
        {(list) => {
          const open = list.findings.filter((f) => f.status !== 'closed');
          const overdue = list.findings.filter((f) => f.overdue);
          return (
            <View>
              <View className="cx-card inspect-intro">
                <Text className="inspect-intro__title">{list.branchName}</Text>
                <Text className="inspect-hint cx-findings-summary">
                  共 {list.findings.length} 项 · 未销号 {open.length} 项{overdue.length ? ` · 超期 ${overdue.length} 项` : ''}
                </Text>
                {own && open.length ? (
                  <Text className="inspect-hint">请在整改时限内整改，点开问题提交整改情况和照片，督导组核实后销号。</Text>
                ) : null}
                <StarCountsView stars={list.stars} />
              </View>
              {list.findings.length === 0 ? <EmptyView text="暂无督导发现的问题" /> : null}
              {list.findings.map((f) => (
                <FindingCard key={f.id} finding={f} />
              ))}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
