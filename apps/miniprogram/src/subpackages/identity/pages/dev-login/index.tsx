import { type DevUser, ROLE_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { EmptyView, ErrorView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus, type Failure, failureError, toFailure } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { sessionStore } from '../../../../services/session-store';
import './index.css';

function UserRow({ user, pending, onPick }: { user: DevUser; pending: boolean; onPick: (user: DevUser) => void }) {
  return (
    <View className="cx-card cx-devuser-item" hoverClass="cx-pressed" {...accessibleControl({ onActivate: () => onPick(user) })}>
      <View className="devlogin-user__head">
        <Text className="devlogin-user__name">{user.displayName}</Text>
        <Text className="cx-tag cx-tag--role">{ROLE_LABELS[user.role]}</Text>
      </View>
      <Text className="devlogin-user__scope">{pending ? '正在登录…' : user.scopeLabel}</Text>
    </View>
  );
}

export default function DevLoginPage() {
  const [loginFailure, setLoginFailure] = useState<Failure>();
  // The running login is labelled with the user it is for.
  const { pending: pendingId, run } = useMutation<string>({ onError: setLoginFailure });
  const { state, reload } = useResource(async () => {
    const res = await api.listDevUsers({});
    if (res.status === 404) {
      // The deployed API has no demo users; say so instead of 无权查看或不存在.
      throw failureError({ message: '演示登录仅在本地环境可用' });
    }
    return expectStatus(res, 200);
  }, []);

  const pick = async (user: DevUser) => {
    if (pendingId) return;
    setLoginFailure(undefined);
    const res = await run(() => api.devLogin({ body: { userId: user.userId } }), { label: user.userId });
    if (!res) return;
    sessionStore.setSession(res.body);
    await Taro.switchTab({ url: PAGES.home }).catch((err: unknown) => setLoginFailure(toFailure(err)));
  };

  return (
    <PageRoot className="devlogin">
      <Text className="devlogin-hint">本地演示环境：点一位用户即以其身份登录。</Text>
      {loginFailure ? <ErrorView failure={{ message: loginFailure.message }} /> : null}
      <ResourceView state={state} onRetry={reload}>
        {({ users }) =>
          users.length === 0 ? (
            <EmptyView text="暂无演示用户" />
          ) : (
            <View>
              {users.map((u) => (
                <UserRow key={u.userId} user={u} pending={pendingId === u.userId} onPick={pick} />
              ))}
            </View>
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
