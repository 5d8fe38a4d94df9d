import { type AppraisalSession, SCORER_GROUP_LABELS, SCORER_GROUPS } from '@chuangxing/shared';
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
import { formatScore, quarterLabel, quarterParam } from '../../appraisal-helpers';
import { StateChip } from '../../components/state-chip';
import { ReportForm } from './report-form';
import '../../appraisals.css';

/** The branch's own result after close (the server sends a secretary only theirs). */
function OwnResult({ session, branchId }: { session: AppraisalSession; branchId: string }) {
  const result = session.results?.find((r) => r.branchId === branchId);
  if (!result) return <EmptyView text="暂无本支部的评议结果" />;
  return (
    <View className="cx-card cx-appr-own-result">
      <Text className="cx-field__label">本支部评议结果</Text>
      <Text className="appr-rank cx-appr-own-rank">{result.rank ? `全乡镇（街道）第 ${result.rank} 名` : '无名次（未收到评分）'}</Text>
      <Text className="appr-total cx-appr-own-score">得分 {formatScore(result.score)}</Text>
      {SCORER_GROUPS.map((g) => (
        <Text key={g} className="appr-meta">
          {SCORER_GROUP_LABELS[g]}：{formatScore(result.groups[g])}（权重 {result.appliedWeights[g]}%）
        </Text>
      ))}
    </View>
  );
}

function Mine({
  session,
  branchId,
  onChanged,
}: {
  session: AppraisalSession;
  branchId: string;
  onChanged: (s?: AppraisalSession) => void;
}) {
  const { townshipId, quarter } = session;
  const branch = session.branches.find((b) => b.branchId === branchId);
  return (
    <View>
      <View className="cx-card">
        <View className="appr-head">
          <Text className="appr-title">{quarterLabel(quarter)}述职评议</Text>
          <StateChip state={session.state} />
        </View>
        <Text className="appr-meta">
          {branch?.branchName ?? ''} · 评议日期 {session.date}
        </Text>
        {session.state === 'scoring' ? (
          <Button className="cx-btn cx-btn--primary cx-appr-go-score" onClick={() => openPage(PAGES.appraisalScore(townshipId, quarter))}>
            给其他支部打分（书记互评）
          </Button>
        ) : null}
      </View>
      {session.state === 'draft' ? <EmptyView text="评议还在筹备，开始述职后可以提交述职" /> : null}
      {session.state === 'open' && branch ? (
        <ReportForm townshipId={townshipId} quarter={quarter} branchId={branchId} report={branch.report} onSaved={onChanged} />
      ) : null}
      {(session.state === 'scoring' || session.state === 'closed') && branch ? (
        <View className="cx-card cx-appr-report">
          <Text className="cx-field__label">我的述职</Text>
          {branch.report ? <Text className="appr-report">{branch.report.text}</Text> : <Text className="appr-hint">未提交书面述职</Text>}
        </View>
      ) : null}
      {session.state !== 'draft' && !branch ? <EmptyView text="本支部不在这次评议中" /> : null}
      {session.state === 'closed' ? <OwnResult session={session} branchId={branchId} /> : null}
    </View>
  );
}

/** 我的述职 (`?townshipId=&quarter=&branchId=`): a secretary's 述职 while open, and later their branch's result and rank. */
export default function AppraisalMinePage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const townshipId = params.townshipId ?? '';
  const branchId = params.branchId ?? '';
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
        {(loaded) => <Mine session={fresh ?? loaded} branchId={branchId} onChanged={(s) => (s ? setFresh(s) : reload())} />}
      </ResourceView>
    </PageRoot>
  );
}
