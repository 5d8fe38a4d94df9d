import { type MyTest, TEST_STATUS_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
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
import { takes, when } from '../../services/learn-helpers';
import '../../learn.css';

function action(t: MyTest): string {
  if (t.inProgress) return '继续答题 ›';
  if (t.canStart) return t.attemptsUsed ? '再考一次 ›' : '开始答题 ›';
  if (t.session.status === 'upcoming') return '尚未开始';
  return t.bestScore !== undefined ? '查看成绩 ›' : '未参考';
}

/** 我的测试: the tests sent to the caller's roles and branch, open ones first. */
export default function MyTestsPage() {
  const session = useSession();
  const allowed = takes(session.me);
  const { state, reload } = useResource(async () => expectStatus(await api.listMyTests({}), 200).tests, [session.token], {
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
        <BindingNeeded text="支部书记和村（社区）干部参加应知应会测试" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      <ResourceView state={state} onRetry={reload}>
        {(tests) =>
          tests.length === 0 ? (
            <EmptyView text="目前没有需要参加的测试。安排测试后会在这里出现。" />
          ) : (
            <View>
              {tests.map((t) => (
                <View
                  key={t.session.id}
                  className="cx-card cx-learn-mytest"
                  data-id={t.session.id}
                  hoverClass="cx-pressed"
                  {...accessibleControl({ onActivate: () => openPage(PAGES.learnTake(t.session.id)) })}
                >
                  <View className="learn-row">
                    <Text className="learn-title">{t.session.title}</Text>
                    <Text className={`cx-tag learn-status--${t.session.status}`}>{TEST_STATUS_LABELS[t.session.status]}</Text>
                  </View>
                  <Text className="learn-sub">
                    {t.session.organiserLabel} · {t.session.questionCount} 题 · 限时 {t.session.durationMinutes} 分钟
                  </Text>
                  <Text className="learn-sub">截止 {when(t.session.closesAt)}</Text>
                  <Text className="learn-sub">
                    已参考 {t.attemptsUsed}/{t.session.maxAttempts} 次{t.bestScore !== undefined ? ` · 最好成绩 ${t.bestScore} 分` : ''}
                  </Text>
                  <Text className="learn-link cx-learn-mytest-action">{action(t)}</Text>
                </View>
              ))}
            </View>
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
