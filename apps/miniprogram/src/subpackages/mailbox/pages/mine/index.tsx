import type { MyLetter } from '@chuangxing/shared';
import { Button, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { SignInGate } from '../../components/sign-in-gate';
import { mailboxClass, useLargeText } from '../../services/large-text';
import { useSignedIn } from '../../services/use-signed-in';
import { LetterCard } from './letter-card';
import { TrackBox } from './track-box';
import '../../mailbox.css';
import './index.css';

function MyLetters({ code }: { code?: string }) {
  const session = useSession();
  /** Letters rated, withdrawn or supplemented on this page, until the list is read again. */
  const [updated, setUpdated] = useState<Record<string, MyLetter>>({});
  const { state, reload } = useResource(async () => {
    const letters = expectStatus(await api.listMyLetters({}), 200).letters;
    setUpdated({});
    return letters;
  }, [session.token]);
  // Back from 写信: read the list again; pull down does the same.
  useDidShow(() => {
    if (state.kind === 'ready') reload();
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });

  return (
    <View>
      <View className="cx-section-title">用查询码查询</View>
      <TrackBox initialCode={code} />
      <View className="cx-section-title">我写的信</View>
      <ResourceView state={state} onRetry={reload}>
        {(letters) =>
          letters.length === 0 ? (
            <EmptyView text="您还没有写过信">
              <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.writeLetter())}>
                去写信
              </Button>
            </EmptyView>
          ) : (
            <View>
              {[...letters]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((l) => updated[l.id] ?? l)
                .map((l) => (
                  <LetterCard key={l.id} letter={l} onChanged={(next) => setUpdated((u) => ({ ...u, [next.id]: next }))} onStale={reload} />
                ))}
            </View>
          )
        }
      </ResourceView>
    </View>
  );
}

export default function MyLettersPage() {
  const { params } = useRouter();
  const signIn = useSignedIn();
  const [large, toggleLarge] = useLargeText();
  return (
    <PageRoot className={mailboxClass('mailbox-mine', large)}>
      <LargeTextToggle large={large} onToggle={toggleLarge} />
      <SignInGate signIn={signIn}>{() => <MyLetters code={params.code || undefined} />}</SignInGate>
    </PageRoot>
  );
}
