import { RedeemSeatBody } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { addQuarters, currentQuarter, quarterLabel, quarterParam } from '../../appraisal-helpers';
import '../../appraisals.css';

type Township = { id: string; name: string };

function RedeemForm({
  townships,
  fixedTownship,
  initialQuarter,
}: {
  townships: Township[];
  fixedTownship?: string;
  initialQuarter: string;
}) {
  const [townshipId, setTownshipId] = useState(fixedTownship ?? townships[0]?.id ?? '');
  const [quarter, setQuarter] = useState(initialQuarter);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useMutation({
    // Unknown and used codes answer alike (404), so codes cannot be probed.
    onError: (failure) => setError(failure.status === 404 ? '评议码无效或已被使用，请核对后重新输入' : failure.message),
  });
  const quarters = [...new Set([initialQuarter, currentQuarter(), addQuarters(currentQuarter(), -1)])];

  const submit = async () => {
    if (busy) return;
    const body = { code: code.trim().toUpperCase() };
    const local = RedeemSeatBody.safeParse(body);
    if (!local.success) return setError(local.error.issues[0]?.message);
    if (!townshipId) return setError('请选择乡镇（街道）');
    setError(undefined);
    const res = await run(() => api.redeemAppraisalSeat({ params: { townshipId, quarter }, body }));
    if (!res) return;
    Taro.showToast({ title: '已确认代表身份', icon: 'success' }).catch(() => undefined);
    Taro.redirectTo({ url: PAGES.appraisalScore(townshipId, quarter) }).catch(() => undefined);
  };

  return (
    <View className="cx-card">
      <Text className="appr-hint">请输入乡镇（街道）当面发给您的 8 位评议码。每个码只能用一次，确认后您以居民代表身份给各支部打分。</Text>
      {fixedTownship ? null : (
        <View>
          <Text className="cx-field__label">乡镇（街道）</Text>
          <ChoiceChips
            itemClassName="cx-appr-township"
            dataName="id"
            choices={townships.map((t) => ({ key: t.id, label: t.name }))}
            isSelected={(id) => id === townshipId}
            onPick={setTownshipId}
          />
          <Text className="cx-field__label">评议季度</Text>
          <ChoiceChips
            itemClassName="cx-appr-quarter"
            dataName="quarter"
            choices={quarters.map((q) => ({ key: q, label: quarterLabel(q) }))}
            isSelected={(q) => q === quarter}
            onPick={setQuarter}
          />
        </View>
      )}
      <Text className="cx-field__label">评议码</Text>
      <View className="cx-field cx-appr-code-input">
        <Input
          className="cx-input"
          value={code}
          maxlength={8}
          placeholder="8 位字母或数字"
          aria-label="评议码"
          onInput={(e) => setCode(e.detail.value)}
        />
      </View>
      <FieldProblem text={error} className="cx-appr-error" path="code" />
      <Button
        className={`cx-btn cx-btn--primary cx-appr-redeem${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        确认
      </Button>
    </View>
  );
}

/** 输入评议码 (`?townshipId=&quarter=`): a resident representative redeems the code handed out at the meeting. */
export default function AppraisalRedeemPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const fixedTownship = params.townshipId;
  const { state, reload } = useResource(
    async (): Promise<Township[]> => {
      if (fixedTownship) return [];
      const dir = expectStatus(await api.getDirectory({}), 200);
      return dir.townships.map((t) => ({ id: t.id, name: t.name }));
    },
    [fixedTownship, session.token],
    { enabled: signedIn },
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
        {(townships) =>
          fixedTownship || townships.length ? (
            <RedeemForm townships={townships} fixedTownship={fixedTownship} initialQuarter={quarterParam(params.quarter)} />
          ) : (
            <EmptyView text="暂时没有可以选择的乡镇（街道）" />
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
