import { formatQueryCode, type LetterSlip } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { useSession } from '../../../../hooks/use-session';
import { PAGES } from '../../../../services/routes';
import { SignInGate } from '../../components/sign-in-gate';
import { stationBranches } from '../../services/letter-access';
import { useSignedIn } from '../../services/use-signed-in';
import { RecordForm } from './record-form';
import { RecordSlip } from './record-slip';
import '../../mailbox.css';
import './index.css';

function Record() {
  const session = useSession();
  const branches = stationBranches(session.me);
  const [done, setDone] = useState<{ slip: LetterSlip; replayed: boolean }>();
  // The weapp's 发给居民: a link that opens 我的信件 with this code looked up; nothing about the resident.
  useShareAppMessage(() =>
    done
      ? { title: `清风邮局查询码 ${formatQueryCode(done.slip.queryCode)}`, path: PAGES.trackLetter(done.slip.queryCode) }
      : { title: '清风邮局', path: PAGES.writeLetter() },
  );
  if (!branches.length) {
    return (
      <View className="cx-card">
        <Text className="mailbox-intro__text">只有民情气象站接待员可以代录来信。居民请在「清风邮局」自己写信。</Text>
      </View>
    );
  }
  if (done) {
    return <RecordSlip slip={done.slip} replayed={done.replayed} onAgain={() => setDone(undefined)} />;
  }
  return (
    <View>
      <View className="cx-card mailbox-intro cx-no-print">
        <Text className="mailbox-intro__title">代居民登记来信</Text>
        <Text className="mailbox-intro__text">
          居民来电、来访或送来纸质信件时，在这里登记。登记后出具查询码回执，居民凭查询码查看办理进度，办理时限和网上来信一样。
        </Text>
      </View>
      <RecordForm
        branches={branches}
        onRecorded={(slip, replayed) => {
          setDone({ slip, replayed });
          Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
        }}
      />
    </View>
  );
}

export default function RecordLetterPage() {
  const signIn = useSignedIn();
  return (
    <PageRoot className="mailbox mailbox-record">
      <SignInGate signIn={signIn}>{() => <Record />}</SignInGate>
    </PageRoot>
  );
}
