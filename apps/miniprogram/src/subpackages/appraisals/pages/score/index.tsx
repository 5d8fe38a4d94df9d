import { type AppraisalSession, SCORER_GROUP_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { quarterLabel, quarterParam } from '../../appraisal-helpers';
import { StateChip } from '../../components/state-chip';
import { BranchSheet } from './branch-sheet';
import '../../appraisals.css';

function Sheets({ session, onSaved }: { session: AppraisalSession; onSaved: (s?: AppraisalSession) => void }) {
  const [locked, setLocked] = useState<string>();
  const { me, townshipId, quarter } = session;
  // The secretary's own branch is never theirs to score.
  const branches = session.branches.filter((b) => b.branchId !== me.ownBranchId);
  const scored = branches.filter((b) => me.sheets.some((s) => s.branchId === b.branchId)).length;
  const header = (
    <View className="cx-card">
      <View className="appr-head">
        <Text className="appr-title">{quarterLabel(quarter)}述职评议</Text>
        <StateChip state={session.state} />
      </View>
      {me.group ? <Text className="appr-meta cx-appr-group">评议身份：{SCORER_GROUP_LABELS[me.group]}</Text> : null}
      {me.group ? (
        <Text className="appr-meta cx-appr-my-progress">
          已评 {scored}/{me.toScore || branches.length} 个支部
        </Text>
      ) : null}
      <Text className="appr-hint">只有您自己能看到您的评分；结果只显示汇总，不显示谁打了多少分。</Text>
    </View>
  );
  if (!me.group)
    return (
      <View>
        {header}
        <EmptyView text="您不是这次评议的评议人。居民代表请先输入评议码">
          <Button className="cx-btn cx-btn--primary cx-appr-to-redeem" onClick={() => openPage(PAGES.appraisalRedeem(townshipId, quarter))}>
            输入评议码
          </Button>
        </EmptyView>
      </View>
    );
  if (session.state !== 'scoring' || locked)
    return (
      <View>
        {header}
        {locked ? <Text className="cx-form-problem cx-appr-problem">{locked}</Text> : null}
        <EmptyView
          text={session.state === 'closed' || locked ? '评分已结束，不能再提交' : '评分还没有开始，请等乡镇（街道）开始评分后再来'}
        />
      </View>
    );
  return (
    <View>
      {header}
      {branches.map((b) => (
        <BranchSheet
          key={b.branchId}
          townshipId={townshipId}
          quarter={quarter}
          items={session.items}
          branch={b}
          saved={me.sheets.find((s) => s.branchId === b.branchId)}
          onSaved={onSaved}
          onLocked={setLocked}
        />
      ))}
    </View>
  );
}

/** 评议打分 (`?townshipId=&quarter=`): the caller's sheets per branch while scoring, with their own progress. */
export default function AppraisalScorePage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const townshipId = params.townshipId ?? '';
  const quarter = quarterParam(params.quarter);
  const [fresh, setFresh] = useState<AppraisalSession>();
  const { state, reload } = useResource(
    async () => {
      setFresh(undefined);
      return expectStatus(await api.getAppraisal({ params: { townshipId, quarter } }), 200);
    },
    [townshipId, quarter, session.token],
    { enabled: signedIn && Boolean(townshipId) },
  );

  if (!signedIn)
    return (
      <PageRoot className="appr">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="appr">
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => <Sheets session={fresh ?? loaded} onSaved={(s) => (s ? setFresh(s) : reload())} />}
      </ResourceView>
    </PageRoot>
  );
}
