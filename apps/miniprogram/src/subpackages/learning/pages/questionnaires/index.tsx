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
import { organises, takes, when } from '../../services/learn-helpers';
import '../../learn.css';

const STATUS = { open: '收集中', closed: '已截止' } as const;

/** 调查问卷: the ones the caller runs (→ results) and the ones sent to the caller (→ answer). */
export default function QuestionnairesPage() {
  const session = useSession();
  const organiser = organises(session.me);
  const allowed = organiser || takes(session.me);
  const { state, reload } = useResource(async () => expectStatus(await api.listQuestionnaires({}), 200), [session.token], {
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
        <BindingNeeded text="乡镇（街道）发放问卷，支部干部填写" />
      </PageRoot>
    );
  return (
    <PageRoot className="learn">
      {organiser ? (
        <Button className="cx-btn cx-btn--primary cx-qn-new" onClick={() => openPage(PAGES.questionnaireBuild)}>
          新建问卷
        </Button>
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {({ organised, toAnswer }) => (
          <View>
            {takes(session.me) ? (
              <View>
                <Text className="cx-section-title">待填写</Text>
                {toAnswer.length === 0 ? <EmptyView text="目前没有发给您的问卷。" /> : null}
                {toAnswer.map(({ questionnaire: q, answered }) => (
                  <View
                    key={q.id}
                    className="cx-card cx-qn-to-answer"
                    data-id={q.id}
                    hoverClass="cx-pressed"
                    {...accessibleControl({ onActivate: () => openPage(PAGES.questionnaireAnswer(q.id)) })}
                  >
                    <View className="learn-row">
                      <Text className="learn-title">{q.title}</Text>
                      <Text className={`cx-tag learn-status--${q.status}`}>{answered ? '已填写' : STATUS[q.status]}</Text>
                    </View>
                    <Text className="learn-sub">
                      {q.townshipName} · {q.questions.length} 题 · 截止 {when(q.closesAt)}
                    </Text>
                    <Text className="learn-link">{q.status === 'open' ? (answered ? '修改答卷 ›' : '去填写 ›') : '查看 ›'}</Text>
                  </View>
                ))}
              </View>
            ) : null}
            {organiser ? (
              <View>
                <Text className="cx-section-title">我发起的</Text>
                {organised.length === 0 ? <EmptyView text="还没有问卷。点“新建问卷”，几分钟就能发给各支部。" /> : null}
                {organised.map(({ questionnaire: q, responses }) => (
                  <View
                    key={q.id}
                    className="cx-card cx-qn-organised"
                    data-id={q.id}
                    hoverClass="cx-pressed"
                    {...accessibleControl({ onActivate: () => openPage(PAGES.questionnaireResults(q.id)) })}
                  >
                    <View className="learn-row">
                      <Text className="learn-title">{q.title}</Text>
                      <Text className={`cx-tag learn-status--${q.status}`}>{STATUS[q.status]}</Text>
                    </View>
                    <Text className="learn-sub">
                      {q.townshipName} · 已收 {responses} 份 · 截止 {when(q.closesAt)}
                    </Text>
                    <Text className="learn-link">查看结果 ›</Text>
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
