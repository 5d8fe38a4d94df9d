import { useRouter } from '@tarojs/taro';
import { PageRoot } from '../../../../components/page-root';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { SignInGate } from '../../components/sign-in-gate';
import { mailboxClass, useLargeText } from '../../services/large-text';
import { useSignedIn } from '../../services/use-signed-in';
import { WriteForm } from './write-form';
import '../../mailbox.css';
import './index.css';

export default function WriteLetterPage() {
  const { params } = useRouter();
  const signIn = useSignedIn();
  const [large, toggleLarge] = useLargeText();
  return (
    <PageRoot className={mailboxClass('mailbox-write', large)}>
      <LargeTextToggle large={large} onToggle={toggleLarge} />
      <SignInGate signIn={signIn}>{() => <WriteForm linkedBranchId={params.branchId || undefined} />}</SignInGate>
    </PageRoot>
  );
}
