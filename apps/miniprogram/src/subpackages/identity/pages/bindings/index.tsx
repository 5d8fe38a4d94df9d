import { formatShanghaiDate, ROLE_LABELS, type RoleBinding } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { isDistrictAdmin } from '../../../../services/me-helpers';
import { TownshipFilter } from '../../components/township-filter';
import { grantableRoles, mayRevoke, newestFirst } from '../../services/binding-rules';
import '../../identity.css';
import '../../../../shared-ui/manage.css';
import './index.css';

const CONFIRM_TEXT = '撤销后对方将立即失去该身份，确定撤销吗？';

/** 撤销 after a confirm; a 409 means someone revoked it meanwhile: either way it is gone. */
function BindingRow({
  binding,
  name,
  self,
  revocable,
  onRevoked,
}: {
  binding: RoleBinding;
  name?: string;
  self: boolean;
  revocable: boolean;
  onRevoked: (bindingId: string) => void;
}) {
  const [problem, setProblem] = useState<string>();
  const { busy: pending, run } = useMutation({
    onConflict: (failure) => {
      onRevoked(binding.bindingId);
      Taro.showToast({ title: failure.message, icon: 'none' }).catch(() => undefined);
    },
    onError: (failure) => setProblem(failure.message),
  });

  const revoke = async () => {
    if (pending) return;
    const { confirm } = await Taro.showModal({
      title: '撤销身份',
      content: CONFIRM_TEXT,
      confirmText: '撤销',
      confirmColor: '#b71c1c',
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setProblem(undefined);
    if (!(await run(() => api.revokeBinding({ params: { userId: binding.userId, bindingId: binding.bindingId } })))) return;
    onRevoked(binding.bindingId);
    Taro.showToast({ title: '已撤销', icon: 'success' }).catch(() => undefined);
  };
  return (
    <View className="cx-card cx-binding-item">
      <View className="manage-item__head">
        <Text className="manage-item__title binding-item__role">{ROLE_LABELS[binding.role]}</Text>
        {self ? <Text className="cx-tag cx-tag--muted">本人</Text> : null}
      </View>
      <Text className="manage-item__line binding-item__scope">{binding.scopeLabel}</Text>
      <Text className="manage-item__line binding-item__who">{name ? `持有人：${name}` : `用户编号：${binding.userId}`}</Text>
      {binding.holderPhone ? (
        <View className="manage-item__line binding-item__phone">
          <Text>工作电话：{binding.holderPhone}</Text>
          <Text
            className="binding-item__call cx-binding-call"
            {...accessibleControl({
              onActivate: () => Taro.makePhoneCall({ phoneNumber: binding.holderPhone ?? '' }).catch(() => undefined),
            })}
          >
            拨打
          </Text>
        </View>
      ) : null}
      <Text className="manage-item__line binding-item__since">自 {formatShanghaiDate(binding.createdAt)} 起</Text>
      {problem ? <Text className="manage-item__problem">{problem}</Text> : null}
      {revocable ? (
        <View className="binding-item__actions">
          <Button
            className={`cx-btn cx-binding-revoke binding-item__revoke${pending ? ' cx-btn--disabled' : ''}`}
            disabled={pending || undefined}
            onClick={revoke}
          >
            {pending ? '正在撤销…' : '撤销'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default function BindingsPage() {
  const session = useSession();
  const me = session.me;
  const allowed = Boolean(session.token) && grantableRoles(me).length > 0;
  const districtAdmin = isDistrictAdmin(me);
  const [townshipId, setTownshipId] = useState<string>();
  /** Bindings revoked on this page: hidden without reloading the list. */
  const [revoked, setRevoked] = useState<readonly string[]>([]);

  const tree = useResource(async () => expectStatus(await api.getOrgTree({}), 200), [session.token], {
    enabled: allowed && districtAdmin,
  });
  const list = useResource(
    async () => {
      const { bindings } = expectStatus(await api.listBindings({ query: townshipId ? { townshipId } : {} }), 200);
      return newestFirst(bindings);
    },
    [session.token, townshipId],
    { enabled: allowed },
  );

  let body: ReactNode;
  if (!session.token) body = <SignInNeeded />;
  else if (!allowed) body = <EmptyView text="只有区委组织部管理员和乡镇（街道）工作人员可以管理身份。" />;
  else {
    body = (
      <View>
        <Text className="manage-hint">这里列出范围内所有有效的身份绑定。撤销后，对方立即失去该身份。</Text>
        {districtAdmin && tree.state.kind === 'ready' ? (
          <TownshipFilter townships={tree.state.data.townships} value={townshipId} onChange={setTownshipId} />
        ) : null}
        <ResourceView state={list.state} onRetry={list.reload}>
          {(bindings) => {
            const shown = bindings.filter((b) => !revoked.includes(b.bindingId));
            if (shown.length === 0) return <EmptyView text="暂无有效的身份绑定" />;
            return (
              <View>
                {shown.map((b) => (
                  <BindingRow
                    key={b.bindingId}
                    binding={b}
                    name={b.holderName}
                    self={b.userId === me?.user.id}
                    revocable={mayRevoke(me, b)}
                    onRevoked={(id) => setRevoked((ids) => [...ids, id])}
                  />
                ))}
              </View>
            );
          }}
        </ResourceView>
      </View>
    );
  }

  return <PageRoot className="identity-bindings">{body}</PageRoot>;
}
