import { type InvitationPreview, ROLE_LABELS, type RoleBinding } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { useMutation } from '../../../../hooks/use-mutation';
import { useSession } from '../../../../hooks/use-session';
import { api, refreshMe } from '../../../../services/api';
import { displayMessage } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { serverProblems } from '../../../../services/server-problems';
import { PersonFields } from '../../components/person-fields';
import { type PersonProblems, personBody } from '../../services/person-form';
import { invitationCodeProblem, normaliseInvitationCode } from './invitation-code';
import '../../identity.css';
import './index.css';

/** Enter the code → confirm (or correct) the name the invitation gives, add a work phone → bound. */
type BindState =
  | { kind: 'code'; problem?: string }
  | { kind: 'confirm'; code: string; preview: InvitationPreview }
  | { kind: 'bound'; binding: RoleBinding };

/** The server's field details of a redemption, on the confirmation's fields. */
const fieldOfRedeem = (path: string) => (path === 'name' ? 'displayName' : path === 'workPhone' ? 'workPhone' : undefined);

function Bound({ binding }: { binding: RoleBinding }) {
  return (
    <View className="cx-card bind-success">
      <Text className="bind-success__title">绑定成功</Text>
      <Text className="bind-success__role">{ROLE_LABELS[binding.role]}</Text>
      <Text className="bind-success__scope">{binding.scopeLabel}</Text>
      {binding.holderName ? <Text className="bind-success__name cx-bind-name">{binding.holderName}</Text> : null}
      <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.home)}>
        返回首页
      </Button>
    </View>
  );
}

function Confirm({
  code,
  preview,
  onBound,
  onBack,
}: {
  code: string;
  preview: InvitationPreview;
  onBound: (binding: RoleBinding) => void;
  onBack: () => void;
}) {
  const [name, setName] = useState(preview.inviteeName);
  const [phone, setPhone] = useState('');
  const [problems, setProblems] = useState<PersonProblems>({});
  const { busy, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, fieldOfRedeem, displayMessage(failure)) as PersonProblems),
  });
  const redeem = async () => {
    if (busy) return;
    const { body, problems: local } = personBody({ displayName: name, workPhone: phone }, { withPhone: true, emptyIsResident: false });
    setProblems(local);
    if (!body) return;
    const res = await run(() =>
      api.redeemInvitation({ body: { code, name: body.displayName, ...(body.workPhone ? { workPhone: body.workPhone } : {}) } }),
    );
    if (!res) return;
    onBound(res.body.binding);
  };
  return (
    <View className="cx-card bind-confirm">
      <Text className="bind-label">邀请您担任</Text>
      <Text className="bind-confirm__role cx-bind-role">{ROLE_LABELS[preview.role]}</Text>
      <Text className="bind-confirm__scope">{preview.scopeLabel}</Text>
      <PersonFields
        name={name}
        phone={phone}
        withPhone
        nameLabel="请确认您的姓名"
        nameHelp="邀请中写的是下面这个名字；如有错字请改正。您的日报、批注、整改等记录都会显示这个名字。"
        namePlaceholder="请填写真实姓名"
        problems={problems}
        onName={(v) => {
          setName(v);
          setProblems((p) => ({ ...p, displayName: undefined, form: undefined }));
        }}
        onPhone={(v) => {
          setPhone(v);
          setProblems((p) => ({ ...p, workPhone: undefined, form: undefined }));
        }}
      />
      {problems.form ? <Text className="bind-problem cx-bind-problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary bind-submit cx-bind-confirm${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={redeem}
      >
        {busy ? '正在绑定…' : '确认并绑定'}
      </Button>
      <Button className="cx-btn bind-back" onClick={onBack}>
        重新输入邀请码
      </Button>
    </View>
  );
}

export default function BindPage() {
  const session = useSession();
  const [raw, setRaw] = useState('');
  const [state, setState] = useState<BindState>({ kind: 'code' });
  const { busy: checking, run } = useMutation({ onError: (failure) => setState({ kind: 'code', problem: failure.message }) });

  const check = async () => {
    if (checking) return;
    const code = normaliseInvitationCode(raw);
    const problem = invitationCodeProblem(code);
    if (problem) {
      setState({ kind: 'code', problem });
      return;
    }
    setState({ kind: 'code' });
    const res = await run(() => api.previewInvitation({ body: { code } }));
    if (!res) return;
    setState({ kind: 'confirm', code, preview: res.body });
  };

  if (!session.token) {
    return (
      <PageRoot className="bind">
        <SignInNeeded text="请先登录，再绑定身份" />
      </PageRoot>
    );
  }

  if (state.kind === 'bound') {
    return (
      <PageRoot className="bind">
        <Bound binding={state.binding} />
      </PageRoot>
    );
  }

  if (state.kind === 'confirm') {
    return (
      <PageRoot className="bind">
        <Confirm
          code={state.code}
          preview={state.preview}
          onBack={() => setState({ kind: 'code' })}
          onBound={(binding) => {
            setState({ kind: 'bound', binding });
            // The new role and name change the home cards and 我的; a failed refresh is retried on the next show.
            refreshMe().catch(() => undefined);
          }}
        />
      </PageRoot>
    );
  }

  return (
    <PageRoot className="bind">
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
          onConfirm={check}
        />
        {state.problem ? <Text className="bind-problem">{state.problem}</Text> : null}
        <Button
          className={`cx-btn cx-btn--primary bind-submit${checking ? ' cx-btn--disabled' : ''}`}
          disabled={checking || undefined}
          onClick={check}
        >
          {checking ? '正在查询…' : '下一步'}
        </Button>
      </View>
    </PageRoot>
  );
}
