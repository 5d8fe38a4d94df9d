import { formatShanghaiDate, type IntegrityBoard } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { keyedByContent } from '../../../../services/list-keys';
import { rememberCommunity } from '../../../../services/my-community';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { CommunityPicker } from '../../components/community-picker';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { SignInGate } from '../../components/sign-in-gate';
import { mailboxClass, useLargeText } from '../../services/large-text';
import { canEditIntegrity } from '../../services/letter-access';
import { useSignedIn } from '../../services/use-signed-in';
import { type DraftCommitment, draftOf, IntegrityEditor } from './integrity-editor';
import '../../mailbox.css';
import './index.css';

function Commitments({ board }: { board: IntegrityBoard }) {
  if (!board.commitments.length) return <EmptyView text="本社区还没有公布廉洁承诺" />;
  return (
    <View>
      {keyedByContent(board.commitments, (c) => `${c.position}:${c.name}`).map(({ item: c, key }) => (
        <View key={key} className="cx-card mailbox-commitment cx-integrity-item">
          <View className="mailbox-commitment__head">
            <Text className="mailbox-commitment__position">{c.position}</Text>
            <Text className="mailbox-commitment__name">{c.name}</Text>
          </View>
          {c.powers.length ? (
            <View>
              <Text className="mailbox-subtitle">小微权力</Text>
              <View className="mailbox-powers">
                {c.powers.map((p) => (
                  <Text key={p} className="mailbox-power cx-integrity-power">
                    {p}
                  </Text>
                ))}
              </View>
            </View>
          ) : null}
          <Text className="mailbox-subtitle">廉洁承诺</Text>
          <Text className="mailbox-commitment__text">{c.commitment}</Text>
        </View>
      ))}
    </View>
  );
}

function IntegrityView({ branchId }: { branchId: string }) {
  const session = useSession();
  const [saved, setSaved] = useState<IntegrityBoard>();
  const [editing, setEditing] = useState<DraftCommitment[]>();
  /** After a 409: the writer's own edit, kept to continue from on top of the latest version. */
  const [kept, setKept] = useState<DraftCommitment[]>();
  const { state, reload } = useResource(async () => {
    const board = expectStatus(await api.getIntegrityBoard({ params: { branchId } }), 200);
    Taro.setNavigationBarTitle({ title: `${board.branchName} · 微权说廉` }).catch(() => undefined);
    setSaved(undefined);
    return board;
  }, [branchId, session.token]);

  return (
    <ResourceView state={state} onRetry={reload}>
      {(loaded) => {
        const board = saved && saved.version >= loaded.version ? saved : loaded;
        // Township staff may edit the boards of their township: the board names it.
        const editor = canEditIntegrity(session.me, { id: board.branchId, townshipId: board.townshipId });
        return (
          <View>
            <View className="cx-card mailbox-integrity-head">
              <Text className="mailbox-integrity-head__name">{board.branchName}</Text>
              <Text className="mailbox-intro__text">干部手中的“小微权力”和廉洁承诺，请大家监督。发现问题可以写信反映。</Text>
              {board.updatedAt ? <Text className="mailbox-letter__meta">更新于 {formatShanghaiDate(board.updatedAt)}</Text> : null}
            </View>
            {kept && !editing ? (
              <View className="cx-card mailbox-notice cx-integrity-notice">
                <Text className="mailbox-notice__title">已被他人修改，已刷新为最新内容</Text>
                <Text className="mailbox-notice__text">您的修改还保留着，可以在最新内容上继续编辑后再保存。</Text>
                <Button
                  className="cx-btn cx-btn--primary cx-integrity-keep-mine"
                  onClick={() => {
                    setEditing(kept);
                    setKept(undefined);
                  }}
                >
                  继续编辑我的修改
                </Button>
                <Button className="cx-btn" onClick={() => setKept(undefined)}>
                  放弃我的修改
                </Button>
              </View>
            ) : null}
            {editing ? (
              <IntegrityEditor
                key={board.version}
                board={board}
                initial={editing}
                onCancel={() => setEditing(undefined)}
                onSaved={(next) => {
                  setEditing(undefined);
                  setSaved(next);
                  Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
                }}
                onStale={(draft) => {
                  setEditing(undefined);
                  setKept(draft);
                  reload();
                }}
              />
            ) : (
              <View>
                <Commitments board={board} />
                {editor && !kept ? (
                  <Button className="cx-btn cx-integrity-edit" onClick={() => setEditing(draftOf(board.commitments))}>
                    编辑
                  </Button>
                ) : null}
                <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.writeLetter(board.branchId))}>
                  我要写信反映
                </Button>
              </View>
            )}
          </View>
        );
      }}
    </ResourceView>
  );
}

export default function IntegrityPage() {
  const { params } = useRouter();
  const signIn = useSignedIn();
  const [large, toggleLarge] = useLargeText();
  const [picked, setPicked] = useState<string>();
  const branchId = params.branchId || picked;
  return (
    <PageRoot className={mailboxClass('mailbox-integrity', large)}>
      <LargeTextToggle large={large} onToggle={toggleLarge} />
      <SignInGate signIn={signIn}>
        {() =>
          branchId ? (
            <IntegrityView branchId={branchId} />
          ) : (
            <View className="cx-card">
              <Text className="mailbox-intro__title">看哪个社区的微权说廉</Text>
              <CommunityPicker
                onPick={(c) => {
                  // Home opens this community's 微权说廉 and 公开栏 from now on.
                  rememberCommunity({ id: c.id, name: c.name });
                  setPicked(c.id);
                }}
              />
            </View>
          )
        }
      </SignInGate>
    </PageRoot>
  );
}
