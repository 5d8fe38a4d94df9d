import { useRouter } from '@tarojs/taro';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { inspectorTownships } from '../../inspect-form';
import { InspectionEditor } from './inspection-editor';
import { loadInspection } from './load-inspection';
import '../../inspect.css';

/** 新建 / 编辑督导记录 (`?id=` a draft of the caller's): the visit, its photos and its findings; 保存草稿 or 记录. */
export default function InspectionEditPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const draftId = params.id || undefined;
  const { state, reload } = useResource(() => loadInspection(draftId, inspectorTownships(session.me)), [draftId, session.token], {
    enabled: signedIn,
  });
  if (!signedIn)
    return (
      <PageRoot className="inspect">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="inspect">
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => <InspectionEditor key={loaded.draft?.id ?? 'new'} loaded={loaded} />}
      </ResourceView>
    </PageRoot>
  );
}
