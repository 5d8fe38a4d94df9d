import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { SignInGate } from '../../components/sign-in-gate';
import { pageClass, useLargeText } from '../../services/large-text';
import { useSignedIn } from '../../services/use-signed-in';
import { WriteForm } from './write-form';
import '../../mailbox.css';
import './index.css';

export default function WriteLetterPage() {
  const { params } = useRouter();
  const signIn = useSignedIn();
  const [large, toggleLarge] = useLargeText();
  return (
    <View className={pageClass('mailbox-write', large)}>
      <LargeTextToggle large={large} onToggle={toggleLarge} />
      <SignInGate signIn={signIn}>{() => <WriteForm linkedBranchId={params.branchId || undefined} />}</SignInGate>
    </View>
  );
}
