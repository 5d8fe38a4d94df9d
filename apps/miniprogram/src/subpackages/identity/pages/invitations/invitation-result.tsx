import { formatShanghaiDateTime, ROLE_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PrivacyPopup } from '../../../../shared-ui/privacy-popup';
import type { CreatedInvitation } from './invitation-form';

function copy(code: string) {
  // WeChat (and Taro's H5 version) confirm with their own 内容已复制 toast.
  Taro.setClipboardData({ data: code }).catch(() => {
    Taro.showToast({ title: '复制失败，请长按邀请码手动复制', icon: 'none' }).catch(() => undefined);
  });
}

/** The one-time code, shown once: the server keeps only its hash. */
export function InvitationResult({ created, onAgain }: { created: CreatedInvitation; onAgain: () => void }) {
  const { invitation, code } = created;
  return (
    <View className="cx-card invite-result cx-invite-result">
      <Text className="invite-result__title">邀请码已生成</Text>
      <Text className="invite-result__who">
        {invitation.inviteeName} · {ROLE_LABELS[invitation.role]}
      </Text>
      <Text className="invite-result__scope">{invitation.scopeLabel}</Text>
      <Text className="cx-invite-code invite-result__code" userSelect>
        {code}
      </Text>
      <Text className="invite-result__expiry">有效期至 {formatShanghaiDateTime(invitation.expiresAt)}（北京时间）</Text>
      <Text className="invite-result__howto">请对方在小程序「我的 → 绑定身份」中输入此邀请码</Text>
      <Text className="invite-result__once">邀请码只显示这一次，请现在复制并发给对方。</Text>
      <Button className="cx-btn cx-btn--primary cx-invite-copy" onClick={() => copy(code)}>
        复制邀请码
      </Button>
      <Button className="cx-btn invite-result__again" onClick={onAgain}>
        继续邀请
      </Button>
      {/* Copying the code is a privacy API: our 隐私保护指引 popup answers it here. */}
      <PrivacyPopup />
    </View>
  );
}
