import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { ResultCard } from '../../components/result-card';
import { addQuarters, monthLabel, quarterLabel, quarterParam } from '../../observe-helpers';
import '../../observe.css';

/** 观摩结果 of one branch (`?branchId=&quarter=`): the locked results only, with comments and without who scored. */
export default function BranchObservationsPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const branchId = params.branchId ?? '';
  const [quarter, setQuarter] = useState(quarterParam(params.quarter));
  const { state, reload } = useResource(
    async () => {
      if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
      return expectStatus(await api.getBranchObservationResults({ params: { branchId }, query: { quarter } }), 200);
    },
    [branchId, quarter, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="observe">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="observe">
      <View className="cx-card observe-month">
        <Text
          className="observe-month__nav cx-observe-prev"
          {...accessibleControl({ onActivate: () => setQuarter(addQuarters(quarter, -1)) })}
        >
          ‹ 上季度
        </Text>
        <Text className="observe-month__label cx-observe-quarter">{quarterLabel(quarter)}</Text>
        <Text
          className="observe-month__nav cx-observe-next"
          {...accessibleControl({ onActivate: () => setQuarter(addQuarters(quarter, 1)) })}
        >
          下季度 ›
        </Text>
      </View>
      <ResourceView state={state} onRetry={reload}>
        {({ results }) =>
          results.length ? (
            <View>
              {results.map((r) => (
                <ResultCard key={r.observationId} result={r} heading={`${monthLabel(r.month)} · ${r.title}`} />
              ))}
            </View>
          ) : (
            <EmptyView text="本季度还没有锁定的观摩结果" />
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
