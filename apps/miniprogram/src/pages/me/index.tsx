import { DEFAULT_DISPLAY_NAME, type Me, ROLE_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { accessibleControl } from '../../components/accessible-control';
import { PageRoot } from '../../components/page-root';
import { SignInNeeded } from '../../components/sign-in-needed';
import { devLoginAvailable } from '../../config/runtime-config';
import { useSession } from '../../hooks/use-session';
import { openPage } from '../../services/navigation';
import { PAGES } from '../../services/routes';
import { sessionStore } from '../../services/session-store';
import { refreshUnreadBadge } from '../../services/unread-badge';
import { wechatPlatform } from '../../services/wechat-platform';
import { TextSizeSwitch } from './text-size-switch';
import './index.css';

function Profile({ me }: { me: Me }) {
  const bindings = me.bindings.filter((b) => !b.revokedAt);
  return (
    <View>
      <View className="cx-card me-profile">
        <View className="me-profile__head">
          <Text className="me-profile__name cx-me-name">{me.user.displayName}</Text>
          {me.user.isDemo ? <Text className="cx-tag cx-tag--demo">演示账号</Text> : null}
          <Text
            className="me-profile__edit cx-me-edit-name"
            {...accessibleControl({ label: '修改姓名', onActivate: () => openPage(PAGES.profile) })}
          >
            修改
          </Text>
        </View>
        {me.user.nameSetAt ? null : (
          <Text className="me-profile__hint cx-me-name-hint">尚未设置姓名，署名来信时显示为「{DEFAULT_DISPLAY_NAME}」</Text>
        )}
        {me.user.workPhone ? <Text className="me-profile__hint cx-me-phone">工作电话 {me.user.workPhone}（仅上级可见）</Text> : null}
      </View>
      <View className="cx-section-title">我的身份</View>
      <View className="cx-card me-bindings">
        <View className="me-binding">
          <Text className="me-binding__role">{ROLE_LABELS.resident}</Text>
          <Text className="me-binding__scope">所有微信用户</Text>
        </View>
        {bindings.map((b) => (
          <View key={b.bindingId} className="me-binding cx-binding-item">
            <Text className="me-binding__role">{ROLE_LABELS[b.role]}</Text>
            <Text className="me-binding__scope">{b.scopeLabel}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export default function MePage() {
  const session = useSession();
  const dev = devLoginAvailable();
  useDidShow(() => void refreshUnreadBadge());

  const signOut = () => {
    sessionStore.clear({ signedOut: true });
    Taro.showToast({ title: '已退出登录', icon: 'none' }).catch(() => undefined);
    openPage(PAGES.home);
  };

  return (
    <PageRoot className="me">
      {session.token ? (
        session.me ? (
          <Profile me={session.me} />
        ) : (
          <View className="cx-card">
            <Text>已登录</Text>
          </View>
        )
      ) : (
        <SignInNeeded text="尚未登录" />
      )}
      <TextSizeSwitch />
      <View className="me-actions">
        {session.token ? (
          <Button className="cx-btn me-inbox" onClick={() => openPage(PAGES.inbox)}>
            消息中心
          </Button>
        ) : null}
        {session.token ? (
          <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.bind)}>
            绑定身份
          </Button>
        ) : null}
        {session.token ? (
          // 述职评议: a resident representative redeems the code handed out at the meeting.
          <Button className="cx-btn me-appraisal-code" onClick={() => openPage(PAGES.appraisalRedeem())}>
            输入评议码（居民代表）
          </Button>
        ) : null}
        {dev ? (
          <Button className="cx-btn me-switch" onClick={() => openPage(PAGES.devLogin)}>
            切换演示用户
          </Button>
        ) : null}
        {dev ? (
          <Button className="cx-btn me-outbox" onClick={() => openPage(PAGES.outbox)}>
            通知发件箱
          </Button>
        ) : null}
        <Button
          className="cx-btn me-privacy"
          onClick={() =>
            wechatPlatform()
              .openPrivacyContract()
              .catch(() => undefined)
          }
        >
          隐私保护指引
        </Button>
        {session.token ? (
          <Button className="cx-btn me-signout" onClick={signOut}>
            退出登录
          </Button>
        ) : null}
      </View>
    </PageRoot>
  );
}
