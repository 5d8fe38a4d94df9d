import {
  STAR_WITHDRAWAL_STATUS_LABELS,
  STAR_WITHDRAWAL_STATUSES,
  type StarWithdrawalList,
  type StarWithdrawalStatus,
} from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { OpenFromCase } from './open-from-case';
import { WithdrawalCard, type WithdrawalDecision } from './withdrawal-card';
import '../../stars.css';

const TABS = STAR_WITHDRAWAL_STATUSES.map((s) => ({ key: s, label: STAR_WITHDRAWAL_STATUS_LABELS[s] }));

/** The district's 撤星 queue: open ones to confirm (the star ends and is published) or reject, with a reason. */
function WithdrawalQueue() {
  const [status, setStatus] = useState<StarWithdrawalStatus>('open');
  const [latest, setLatest] = useState<StarWithdrawalList>();
  const [problem, setProblem] = useState<string>();
  const { state, reload } = useResource(async () => {
    setLatest(undefined);
    return expectStatus(await api.listStarWithdrawals({ query: { status } }), 200);
  }, [status]);
  const { busy, run } = useMutation({
    onConflict: (failure) => {
      setProblem(`${failure.message}。页面已刷新，请看最新结果。`);
      reload();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const decide = async (list: StarWithdrawalList, id: string, version: number, action: WithdrawalDecision, reason: string) => {
    const res = await run(() => api.decideStarWithdrawal({ params: { withdrawalId: id }, body: { action, reason, version } }));
    if (!res) return;
    setProblem(undefined);
    setLatest({ ...list, withdrawals: list.withdrawals.filter((w) => w.id !== id) });
    Taro.showToast({ title: action === 'confirm' ? '已撤星并公示' : '已不予撤星', icon: 'success' }).catch(() => undefined);
  };
  return (
    <View>
      <ChoiceChips
        choices={TABS}
        isSelected={(k) => k === status}
        onPick={setStatus}
        itemClassName="cx-star-withdrawal-tab"
        dataName="status"
        check={false}
      />
      {problem ? <Text className="cx-form-problem cx-star-problem">{problem}</Text> : null}
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const list = latest ?? loaded;
          return list.withdrawals.length ? (
            <View className="cx-star-withdrawals">
              {list.withdrawals.map((w) => (
                <WithdrawalCard
                  key={`${w.id}-${w.version}`}
                  w={w}
                  busy={busy}
                  onDecide={(action, reason) => decide(list, w.id, w.version, action, reason)}
                />
              ))}
            </View>
          ) : (
            <EmptyView text={status === 'open' ? '没有待确认的撤星。' : `没有${STAR_WITHDRAWAL_STATUS_LABELS[status]}的记录。`} />
          );
        }}
      </ResourceView>
    </View>
  );
}

/**
 * 撤星管理. With `?letterId=&branchId=`: 纪检监察 open a 撤星 from a 廉情 case found 属实. Otherwise the district's queue.
 * (Inspectors open one from a finding's page; the server checks every role and scope.)
 */
export default function WithdrawalsPage() {
  const { params } = useRouter();
  const session = useSession();
  if (!session.token)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      {params.letterId && params.branchId ? <OpenFromCase letterId={params.letterId} branchId={params.branchId} /> : <WithdrawalQueue />}
    </PageRoot>
  );
}
