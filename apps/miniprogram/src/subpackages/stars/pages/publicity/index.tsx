import type { StarApplicationSummary } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { rememberedCommunity } from '../../../../services/my-community';
import { PAGES } from '../../../../services/routes';
import { ApplicationCard } from '../../components/application-card';
import { HeldStarsCard } from '../../components/held-stars-card';
import { MyObjections } from '../../components/my-objections';
import { ObjectionForm } from '../../components/objection-form';
import { hasRole, isOfficial } from '../../services/star-access';
import '../../stars.css';

const go = (url: string) => Taro.navigateTo({ url }).catch(() => undefined);

function Award({ app, district, onFiled }: { app: StarApplicationSummary; district: boolean; onFiled: () => void }) {
  const [objecting, setObjecting] = useState(false);
  return (
    <View className="cx-star-award-item" data-id={app.id}>
      <ApplicationCard app={app} showBranch />
      <View className="stars-award-actions">
        {objecting ? (
          <ObjectionForm
            app={app}
            onCancel={() => setObjecting(false)}
            onFiled={() => {
              setObjecting(false);
              onFiled();
            }}
          />
        ) : (
          <Button className="cx-btn cx-star-object" onClick={() => setObjecting(true)}>
            提出异议
          </Button>
        )}
        {district ? (
          <Button className="cx-btn cx-star-resolve-link" onClick={() => go(PAGES.starObjections(app.id))}>
            处理异议{app.openObjections ? `（待处理 ${app.openObjections} 件）` : ''}
          </Button>
        ) : null}
      </View>
    </View>
  );
}

/**
 * 星级公示: officials read the district's board, a resident their community's (`?branchId=`, else the community
 * they chose for letters). Anyone may object while an award is in 公示; 我的异议 shows the outcomes.
 */
export default function PublicityPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const official = isOfficial(session.me);
  const community = params.branchId ? { id: params.branchId, name: '' } : official ? undefined : rememberedCommunity();
  const district = hasRole(session.me, 'district_admin');
  const board = useResource(
    async () => {
      if (community)
        return { ...expectStatus(await api.getBranchStarPublicity({ params: { branchId: community.id } }), 200), scope: 'community' };
      return { ...expectStatus(await api.getStarPublicityBoard({}), 200), scope: 'district' };
    },
    [community?.id, official, session.token],
    { enabled: signedIn && (official || Boolean(community)) },
  );
  const mine = useResource(async () => expectStatus(await api.listMyStarObjections({}), 200), [session.token], { enabled: signedIn });
  // A community's page also says what its branch holds now (everyone reads a branch's stars).
  const held = useResource(
    async () => (community ? expectStatus(await api.getBranchHeldStars({ params: { branchId: community.id } }), 200) : undefined),
    [community?.id, session.token],
    { enabled: signedIn && Boolean(community) },
  );

  if (!signedIn)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      <Text className="stars-hint">公示期内，对评星结果有不同意见的，可以提出异议（可匿名）。区委组织部逐件核实，异议成立的终止授星。</Text>
      {!official && !community ? (
        <EmptyView text="还没有选择社区。请先在“公开栏”里选择您所在的社区，再回来查看本社区的公示">
          <Button className="cx-btn cx-btn--primary cx-star-choose-community" onClick={() => go(PAGES.letterBoard())}>
            去选择社区
          </Button>
        </EmptyView>
      ) : (
        <View>
          {held.state.kind === 'ready' && held.state.data ? <HeldStarsCard data={held.state.data} /> : null}
          <ResourceView state={board.state} onRetry={board.reload}>
            {(data) =>
              data.applications.length ? (
                <View className="cx-star-board">
                  <Text className="cx-section-title">
                    {data.scope === 'community' ? `${community?.name || '本社区'}正在公示` : '全区正在公示'}
                  </Text>
                  {data.applications.map((a) => (
                    <Award key={a.id} app={a} district={district} onFiled={mine.reload} />
                  ))}
                </View>
              ) : (
                <EmptyView text={data.scope === 'community' ? '本社区目前没有正在公示的评星结果' : '全区目前没有正在公示的评星结果'} />
              )
            }
          </ResourceView>
        </View>
      )}
      <MyObjections state={mine.state} onRetry={mine.reload} />
    </PageRoot>
  );
}
