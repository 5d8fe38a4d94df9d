import { ROLE_LABELS, type RoleBinding } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { useMutation } from '../../../../hooks/use-mutation';
import { useSession } from '../../../../hooks/use-session';
import { api, refreshMe } from '../../../../services/api';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { invitationCodeProblem, normaliseInvitationCode } from './invitation-code';
import './index.css';

type BindState = { kind: 'editing'; problem?: string } | { kind: 'bound'; binding: RoleBinding };

function Bound({ binding }: { binding: RoleBinding }) {
  return (
    <View className="cx-card bind-success">
      <Text className="bind-success__title">绑定成功</Text>
      <Text className="bind-success__role">{ROLE_LABELS[binding.role]}</Text>
      <Text className="bind-success__scope">{binding.scopeLabel}</Text>
      <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.home)}>
        返回首页
      </Button>
    </View>
  );
}

export default function BindPage() {
  const session = useSession();
  const [raw, setRaw] = useState('');
  const [state, setState] = useState<BindState>({ kind: 'editing' });
  const { busy: submitting, run } = useMutation({ onError: (failure) => setState({ kind: 'editing', problem: failure.message }) });

  const submit = async () => {
    if (submitting) return;
    const code = normaliseInvitationCode(raw);
    const problem = invitationCodeProblem(code);
    if (problem) {
      setState({ kind: 'editing', problem });
      return;
    }
    setState({ kind: 'editing' });
    const res = await run(() => api.redeemInvitation({ body: { code } }));
    if (!res) return;
    setState({ kind: 'bound', binding: res.body.binding });
    // The new role changes the home cards and the org tab; a failed refresh is retried on the next show.
    refreshMe().catch(() => undefined);
  };

  if (!session.token) {
    return (
      <View className="cx-page bind">
        <SignInNeeded text="请先登录，再绑定身份" />
      </View>
    );
  }

  if (state.kind === 'bound') {
    return (
      <View className="cx-page bind">
        <Bound binding={state.binding} />
      </View>
    );
  }

  return (
    <View className="cx-page bind">
      <View className="cx-card">
        <Text className="bind-label">邀请码</Text>
        <Text className="bind-help">请输入组织部门或乡镇（街道）发给您的 8 位邀请码，不区分大小写。</Text>
        <Input
          className="bind-input"
          type="text"
          value={raw}
          maxlength={16}
          placeholder="例如 ABCD-EFGH"
          confirmType="done"
          onInput={(e) => setRaw(e.detail.value)}
          onConfirm={submit}
        />
        {state.kind === 'editing' && state.problem ? <Text className="bind-problem">{state.problem}</Text> : null}
        <Button
          className={`cx-btn cx-btn--primary bind-submit${submitting ? ' cx-btn--disabled' : ''}`}
          disabled={submitting || undefined}
          onClick={submit}
        >
          {submitting ? '正在绑定…' : '绑定'}
        </Button>
      </View>
    </View>
  );
}
