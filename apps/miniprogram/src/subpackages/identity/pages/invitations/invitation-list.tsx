import { formatShanghaiDateTime, type Invitation, ROLE_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { EmptyView } from '../../../../components/state-views';
import { INVITATION_STATUS_LABELS, invitationStatus, newestFirst } from '../../services/binding-rules';

function InvitationRow({ invitation, now }: { invitation: Invitation; now: number }) {
  const status = invitationStatus(invitation, now);
  let when: string;
  if (status === 'redeemed' && invitation.redeemedAt) when = `${formatShanghaiDateTime(invitation.redeemedAt)} 已绑定`;
  else if (status === 'open') when = `有效期至 ${formatShanghaiDateTime(invitation.expiresAt)}`;
  else if (status === 'expired') when = `已于 ${formatShanghaiDateTime(invitation.expiresAt)} 过期`;
  else when = `创建于 ${formatShanghaiDateTime(invitation.createdAt)}`;
  return (
    <View className="cx-card cx-invitation-item">
      <View className="manage-item__head">
        <Text className="manage-item__title invitation-item__name">{invitation.inviteeName}</Text>
        <Text className={`cx-tag identity-status--${status} cx-invitation-status`}>{INVITATION_STATUS_LABELS[status]}</Text>
      </View>
      <Text className="manage-item__line">
        {ROLE_LABELS[invitation.role]} · {invitation.scopeLabel}
      </Text>
      <Text className="manage-item__line invitation-item__when">{when}</Text>
    </View>
  );
}

export function InvitationList({ invitations, now }: { invitations: readonly Invitation[]; now: number }) {
  if (invitations.length === 0) return <EmptyView text="暂无邀请记录" />;
  return (
    <View>
      {newestFirst(invitations).map((inv) => (
        <InvitationRow key={inv.id} invitation={inv} now={now} />
      ))}
    </View>
  );
}
