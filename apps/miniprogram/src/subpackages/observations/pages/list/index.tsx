import { addMonths, OBSERVATION_STATUS_LABELS, type ObservationSummary } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { isDistrictAdmin, staffTownshipIds } from '../../../../services/me-helpers';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { monthLabel, monthParam, splitObservations } from '../../observe-helpers';
import '../../observe.css';

function ObservationCard({ o }: { o: ObservationSummary }) {
  const scoring = o.assigned && o.status === 'open';
  return (
    <View
      className="cx-card cx-observe-item"
      data-id={o.id}
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => openPage(scoring ? PAGES.observationScore(o.id) : PAGES.observationResults(o.id)) })}
    >
      <View className="observe-item__head">
        <Text className="observe-item__title cx-observe-title">{o.title}</Text>
        <Text className={`cx-tag observe-status--${o.status} cx-observe-status`}>{OBSERVATION_STATUS_LABELS[o.status]}</Text>
      </View>
      <Text className="observe-item__meta">
        {o.organiserLabel} · {o.branchCount} 个支部 · {o.observerCount} 名评分人员
      </Text>
      {o.assigned ? (
        <Text className="observe-item__meta cx-observe-progress">
          我已评 {o.myScoredCount}/{o.branchCount} 个支部{scoring ? '，点此继续评分' : ''}
        </Text>
      ) : (
        <Text className="observe-item__meta">点此查看评分进度和结果</Text>
      )}
      {o.assigned ? (
        <View className="observe-actions">
          <Button
            className="cx-btn cx-observe-open-results"
            onClick={(e) => {
              e.stopPropagation();
              openPage(PAGES.observationResults(o.id));
            }}
          >
            查看结果
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Section({ title, items, empty, className }: { title: string; items: ObservationSummary[]; empty: string; className: string }) {
  return (
    <View className={className}>
      <Text className="cx-section-title">{title}</Text>
      {items.length ? items.map((o) => <ObservationCard key={o.id} o={o} />) : <EmptyView text={empty} />}
    </View>
  );
}

/** 每月一观摩 (`?month=`): 待我评分 and 我组织的 for the month, and the observations overseen in the caller's reach. */
export default function ObservationListPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const [month, setMonth] = useState(monthParam(params.month));
  const organiser = isDistrictAdmin(session.me) || staffTownshipIds(session.me).length > 0;
  const { state, reload } = useResource(
    async () => expectStatus(await api.listObservations({ query: { month } }), 200),
    [month, session.token],
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
        <Text className="observe-month__nav cx-observe-prev" {...accessibleControl({ onActivate: () => setMonth(addMonths(month, -1)) })}>
          ‹ 上月
        </Text>
        <Text className="observe-month__label cx-observe-month">{monthLabel(month)}</Text>
        <Text className="observe-month__nav cx-observe-next" {...accessibleControl({ onActivate: () => setMonth(addMonths(month, 1)) })}>
          下月 ›
        </Text>
      </View>
      {organiser ? (
        <Button className="cx-btn cx-btn--primary cx-observe-create" onClick={() => openPage(PAGES.observationCreate)}>
          发起观摩
        </Button>
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {({ observations }) => {
          const { toScore, organised, overseen } = splitObservations(observations);
          return (
            <View>
              <Section title="待我评分" items={toScore} empty="本月没有需要您评分的观摩" className="cx-observe-to-score" />
              {organiser ? (
                <Section title="我组织的" items={organised} empty="本月还没有组织观摩，点“发起观摩”开始" className="cx-observe-organised" />
              ) : null}
              {overseen.length ? <Section title="辖区观摩" items={overseen} empty="" className="cx-observe-overseen" /> : null}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
