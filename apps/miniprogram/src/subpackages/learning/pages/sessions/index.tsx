import { AUDIENCE_ROLE_LABELS, TEST_STATUS_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { organises, when } from '../../services/learn-helpers';
import '../../learn.css';

/** 应知应会测试 for organisers: the sessions reaching their townships, each opening its 参考情况. */
export default function SessionsPage() {
  const session = useSession();
  const allowed = organises(session.me);
  const { state, reload } = useResource(async () => expectStatus(await api.listTestSessions({}), 200).sessions, [session.token], {
    enabled: Boolean(session.token) && allowed,
  });
  useDidShow(() => {
    if (session.token && allowed) reload();
  });
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!allowed)
    return (
      <PageRoot>
        <BindingNeeded text="区委组织部和乡镇（街道）工作人员可以安排测试" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <View className="learn-actions">
        <Button className="cx-btn cx-btn--primary cx-learn-new-session" onClick={() => openPage(PAGES.learnSchedule)}>
          安排测试
        </Button>
        <Button className="cx-btn cx-learn-open-bank" onClick={() => openPage(PAGES.learnBank)}>
          题库
        </Button>
      </View>
      <Text className="cx-section-title">测试场次</Text>
      <ResourceView state={state} onRetry={reload}>
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyView text="还没有安排测试。点“安排测试”，从题库选题并选择参考人员。" />
          ) : (
            <View>
              {sessions.map((s) => (
                <View
                  key={s.id}
                  className="cx-card cx-learn-session"
                  data-id={s.id}
                  hoverClass="cx-pressed"
                  {...accessibleControl({ onActivate: () => openPage(PAGES.learnResults(s.id)) })}
                >
                  <View className="learn-row">
                    <Text className="learn-title">{s.title}</Text>
                    <Text className={`cx-tag learn-status--${s.status}`}>{TEST_STATUS_LABELS[s.status]}</Text>
                  </View>
                  <Text className="learn-sub">
                    {s.organiserLabel} · {s.roles.map((r) => AUDIENCE_ROLE_LABELS[r]).join('、')} · {s.questionCount} 题 · 限时{' '}
                    {s.durationMinutes} 分钟
                  </Text>
                  <Text className="learn-sub">
                    {when(s.opensAt)} 至 {when(s.closesAt)}
                  </Text>
                  <Text className="learn-link">查看参考率和成绩 ›</Text>
                </View>
              ))}
            </View>
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
