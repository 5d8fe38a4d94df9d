import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { isDistrictAdmin } from '../../../../services/me-helpers';
import { TownshipFilter } from '../../components/township-filter';
import { grantableRoles } from '../../services/binding-rules';
import { type CreatedInvitation, InvitationForm } from './invitation-form';
import { InvitationList } from './invitation-list';
import { InvitationResult } from './invitation-result';
import '../../identity.css';
import '../../../../shared-ui/manage.css';
import './index.css';

export default function InvitationsPage() {
  const session = useSession();
  const me = session.me;
  const allowed = Boolean(session.token) && grantableRoles(me).length > 0;
  const districtAdmin = isDistrictAdmin(me);
  const [created, setCreated] = useState<CreatedInvitation>();
  const [townshipId, setTownshipId] = useState<string>();

  const tree = useResource(async () => expectStatus(await api.getOrgTree({}), 200), [session.token], { enabled: allowed });
  const list = useResource(
    async () => {
      const res = await api.listInvitations({ query: townshipId ? { townshipId } : {} });
      return { invitations: expectStatus(res, 200).invitations, loadedAt: Date.now() };
    },
    [session.token, townshipId],
    { enabled: allowed },
  );

  if (!session.token) {
    return (
      <PageRoot className="identity-invitations">
        <SignInNeeded />
      </PageRoot>
    );
  }
  if (!allowed) {
    return (
      <PageRoot className="identity-invitations">
        <EmptyView text="只有区委组织部管理员和乡镇（街道）工作人员可以邀请绑定。" />
      </PageRoot>
    );
  }

  const onCreated = (result: CreatedInvitation) => {
    setCreated(result);
    list.reload();
    // The form was long; the code card replaces it at the top of the page.
    Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  return (
    <PageRoot className="identity-invitations">
      <View className="cx-section-title">新建邀请</View>
      {created ? (
        <InvitationResult created={created} onAgain={() => setCreated(undefined)} />
      ) : (
        <ResourceView state={tree.state} onRetry={tree.reload}>
          {(orgTree) => <InvitationForm me={me} tree={orgTree} onCreated={onCreated} />}
        </ResourceView>
      )}

      <View className="cx-section-title">邀请记录</View>
      <Text className="manage-hint">已使用的邀请会成为身份绑定；过期的邀请码不能再使用，请重新邀请。</Text>
      {districtAdmin && tree.state.kind === 'ready' ? (
        <TownshipFilter townships={tree.state.data.townships} value={townshipId} onChange={setTownshipId} />
      ) : null}
      <ResourceView state={list.state} onRetry={list.reload}>
        {({ invitations, loadedAt }) => <InvitationList invitations={invitations} now={loadedAt} />}
      </ResourceView>
    </PageRoot>
  );
}
