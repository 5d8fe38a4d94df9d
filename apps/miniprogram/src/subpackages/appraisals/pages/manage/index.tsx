import type { AppraisalSession } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { staffTownshipIds } from '../../../../services/me-helpers';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { NEXT_STEP, quarterLabel, quarterParam } from '../../appraisal-helpers';
import { ProgressTable, ResultsTable, SeatCodes } from '../../components/session-tables';
import { StateChip } from '../../components/state-chip';
import '../../appraisals.css';

function Session({ session, staff, onChanged }: { session: AppraisalSession; staff: boolean; onChanged: (s?: AppraisalSession) => void }) {
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    // Someone moved it (or a sheet landed just before the close): reload and say so; pressing again counts it.
    onConflict: (failure) => {
      setProblem(`${failure.message}，已刷新，请再试一次`);
      onChanged();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const step = NEXT_STEP[session.state];
  const { townshipId, quarter } = session;

  const moveOn = async () => {
    if (!step || busy) return;
    if (step.to === 'closed') {
      const { confirm } = await Taro.showModal({
        title: '结束评分',
        content: '结束后不再接收评分，结果冻结并计入季度排名。确定结束吗？',
        confirmText: '结束评分',
        cancelText: '再等等',
      });
      if (!confirm) return;
    }
    setProblem(undefined);
    const res = await run(() =>
      api.transitionAppraisal({ params: { townshipId, quarter }, body: { to: step.to, version: session.version } }),
    );
    if (!res) return;
    Taro.showToast({ title: '已更新', icon: 'success' }).catch(() => undefined);
    onChanged(res.body);
  };

  const reported = session.branches.filter((b) => b.report).length;
  return (
    <View>
      <View className="cx-card">
        <View className="appr-head">
          <Text className="appr-title">{quarterLabel(quarter)}述职评议</Text>
          <StateChip state={session.state} />
        </View>
        <Text className="appr-meta">
          评议日期 {session.date} · 评分项 {session.items.map((i) => `${i.name} ${i.maxPoints} 分`).join('、')}
        </Text>
        {session.state !== 'draft' ? (
          <Text className="appr-meta cx-appr-reported">
            已提交述职 {reported}/{session.branches.length} 个支部
          </Text>
        ) : null}
        {staff && step ? <Text className="appr-hint">{step.hint}</Text> : null}
        {problem ? <Text className="cx-form-problem cx-appr-problem">{problem}</Text> : null}
        {staff && session.state === 'draft' ? (
          <Button className="cx-btn cx-appr-edit" onClick={() => openPage(PAGES.appraisalEdit(townshipId, quarter))}>
            修改评议方案
          </Button>
        ) : null}
        {staff && step ? (
          <Button
            className={`cx-btn cx-btn--primary cx-appr-next${busy ? ' cx-btn--disabled' : ''}`}
            data-to={step.to}
            disabled={busy || undefined}
            onClick={moveOn}
          >
            {step.label}
          </Button>
        ) : null}
        {session.state === 'scoring' && session.me.group ? (
          <Button className="cx-btn cx-appr-go-score" onClick={() => openPage(PAGES.appraisalScore(townshipId, quarter))}>
            去打分（党委评议）
          </Button>
        ) : null}
      </View>
      {session.seats?.length && session.state !== 'closed' ? (
        <SeatCodes seats={session.seats} redeemUrl={PAGES.appraisalRedeem(townshipId, quarter)} />
      ) : null}
      {session.state === 'scoring' && session.progress ? <ProgressTable session={session} /> : null}
      {session.results ? <ResultsTable results={session.results} /> : null}
    </View>
  );
}

/** 述职评议 (`?townshipId=&quarter=`): the session for its organisers: move it on, codes, progress, results. */
export default function AppraisalManagePage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const townshipId = params.townshipId ?? '';
  const quarter = quarterParam(params.quarter);
  const staff = staffTownshipIds(session.me).includes(townshipId);
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
        {(loaded) => <Session session={fresh ?? loaded} staff={staff} onChanged={(s) => (s ? setFresh(s) : reload())} />}
      </ResourceView>
    </PageRoot>
  );
}
