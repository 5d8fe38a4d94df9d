import { STAR_LABELS, type StarReviewStage } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { ApplicationCard } from '../../components/application-card';
import { reviewStages, STAGE_LABELS, taskforceStarsOf } from '../../services/star-access';
import '../../stars.css';

const EMPTY_TEXT: Record<StarReviewStage, string> = {
  township: '没有待初审的申报。支部提交后会出现在这里',
  district: '没有待复审的申报。乡镇（街道）初审通过后会出现在这里',
  publicity: '没有正在公示的申报',
};

/** 评星审核 (`?stage=`): the applications at a stage within the caller's scope, oldest first as the server sends them. */
export default function ReviewQueuePage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const stages = reviewStages(session.me);
  // A 专班 sees only its own star's applications (the server filters); the page says which star that is.
  const ownStars = taskforceStarsOf(session.me);
  const first = stages.find((s) => s === params.stage) ?? stages[0];
  const [stage, setStage] = useState<StarReviewStage | undefined>(first);
  const current = stage ?? first;
  const { state, reload } = useResource(
    async () => {
      if (!current) throw failureError({ message: '评星审核由乡镇（街道）工作人员、各星专班和区委组织部办理，您的身份不在其中' });
      return expectStatus(await api.listStarReviewQueue({ query: { stage: current } }), 200);
    },
    [current, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      {ownStars.length ? (
        <View className="cx-card cx-star-taskforce">
          <Text className="stars-hint">您是{ownStars.map((s) => STAR_LABELS[s]).join('、')}专班，复审全区该星的申报</Text>
          <Button
            className="cx-btn cx-star-taskforce-board"
            onClick={() => Taro.navigateTo({ url: PAGES.starTaskforceBoard(ownStars[0]) }).catch(() => undefined)}
          >
            查看专班进度
          </Button>
        </View>
      ) : null}
      {stages.length > 1 ? (
        <ChoiceChips
          choices={stages.map((s) => ({ key: s, label: STAGE_LABELS[s] }))}
          isSelected={(s) => s === current}
          onPick={setStage}
          itemClassName="cx-star-stage"
          dataName="stage"
          check={false}
        />
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {(queue) =>
          queue.applications.length ? (
            <View className="cx-star-queue">
              <Text className="stars-hint">共 {queue.applications.length} 份，点开逐项审核</Text>
              {queue.applications.map((a) => (
                <ApplicationCard
                  key={a.id}
                  app={a}
                  showBranch
                  onOpen={() => Taro.navigateTo({ url: PAGES.starApplication(a.id) }).catch(() => undefined)}
                />
              ))}
            </View>
          ) : (
            <EmptyView text={EMPTY_TEXT[queue.stage]} />
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
