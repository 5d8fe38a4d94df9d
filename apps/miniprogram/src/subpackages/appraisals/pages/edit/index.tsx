import { useRouter } from '@tarojs/taro';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { staffTownshipIds } from '../../../../services/me-helpers';
import { quarterLabel, quarterParam } from '../../appraisal-helpers';
import { DraftForm } from './draft-form';
import '../../appraisals.css';

/** 编辑评议方案 (`?townshipId=&quarter=`): township staff create the quarter's session or edit it while a draft. */
export default function AppraisalEditPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const townshipId = params.townshipId ?? '';
  const quarter = quarterParam(params.quarter);
  const staff = staffTownshipIds(session.me).includes(townshipId);
  const { state, reload } = useResource(
    async () => {
      const res = await api.getAppraisal({ params: { townshipId, quarter } });
      // None yet: the form starts from the defaults.
      if (res.status === 404) return { saved: undefined };
      return { saved: expectStatus(res, 200) };
    },
    [townshipId, quarter, session.token],
    { enabled: signedIn && staff },
  );

  if (!signedIn)
    return (
      <PageRoot className="appr">
        <SignInNeeded />
      </PageRoot>
    );
  if (!staff)
    return (
      <PageRoot className="appr">
        <EmptyView text="只有本乡镇（街道）工作人员可以设置评议方案" />
      </PageRoot>
    );
  return (
    <PageRoot className="appr">
      <ResourceView state={state} onRetry={reload}>
        {({ saved }) =>
          saved && saved.state !== 'draft' ? (
            <EmptyView text={`${quarterLabel(quarter)}述职评议已开始，评议方案不能再修改`} />
          ) : (
            <DraftForm townshipId={townshipId} quarter={quarter} saved={saved} />
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
