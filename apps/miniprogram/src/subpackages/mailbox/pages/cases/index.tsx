import { type CaseSummary, formatShanghaiDateTime } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { CategoryTag, LetterStatusChip } from '../../components/status-chip';
import { handlesCases, queueTitle, readsCases, stationBranches } from '../../services/letter-access';
import '../../mailbox.css';
import './index.css';

type Tab = 'open' | 'closed';
const TABS: { key: Tab; label: string }[] = [
  { key: 'open', label: '待办' },
  { key: 'closed', label: '已办' },
];

/** Overdue letters first (they need action now); otherwise the server's order (newest first). */
function queueOrder(letters: readonly CaseSummary[]): CaseSummary[] {
  return [...letters].sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

function deadlineOf(c: CaseSummary): string | undefined {
  if (c.status === 'submitted') return `受理期限 ${formatShanghaiDateTime(c.acceptBy)}`;
  if ((c.status === 'accepted' || c.status === 'reopened') && c.replyBy) return `答复期限 ${formatShanghaiDateTime(c.replyBy)}`;
  return undefined;
}

function CaseRow({ c }: { c: CaseSummary }) {
  const deadline = deadlineOf(c);
  return (
    <View
      className={`cx-card mailbox-case cx-case-item${c.overdue ? ' mailbox-case--overdue is-overdue' : ''}`}
      data-status={c.status}
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => openPage(PAGES.letterCase(c.id)) })}
    >
      <View className="mailbox-letter__head">
        {c.overdue ? <Text className="cx-tag mailbox-tag--overdue cx-case-overdue">超期</Text> : null}
        <CategoryTag category={c.category} />
        <LetterStatusChip status={c.status} />
        <Text className="mailbox-case__arrow">›</Text>
      </View>
      <Text className="mailbox-case__excerpt">{c.excerpt}</Text>
      <Text className="mailbox-letter__meta">
        {c.branchName} · {formatShanghaiDateTime(c.createdAt)} 来信
      </Text>
      {deadline ? <Text className={`mailbox-case__deadline${c.overdue ? ' is-overdue' : ''}`}>{deadline}</Text> : null}
    </View>
  );
}

export default function CasesPage() {
  const session = useSession();
  const me = session.me;
  const allowed = Boolean(session.token) && readsCases(me);
  const [tab, setTab] = useState<Tab>('open');
  const { state, reload } = useResource(
    async () => expectStatus(await api.listCases({ query: { status: tab } }), 200).letters,
    [session.token, tab],
    { enabled: allowed },
  );
  const title = queueTitle(me);
  /** A station handler's communities: each links its 社区半月谈 from the header. */
  const stations = stationBranches(me);

  useEffect(() => {
    if (allowed) Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [allowed, title]);
  // Back from a case: its status may have changed.
  useDidShow(() => {
    if (state.kind === 'ready') reload();
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });

  if (!session.token) {
    return (
      <PageRoot className="mailbox mailbox-cases">
        <SignInNeeded />
      </PageRoot>
    );
  }
  if (!allowed) {
    return (
      <PageRoot className="mailbox mailbox-cases">
        <EmptyView text="只有民情气象站接待员、纪检监察、乡镇（街道）工作人员和区委组织部管理员可以查看来信。" />
      </PageRoot>
    );
  }

  return (
    <PageRoot className="mailbox mailbox-cases">
      {!handlesCases(me) ? (
        <Text className="mailbox-hint cx-case-readonly">督办（只读）：可以查看来信和办理进度，超期来信请督促办理。</Text>
      ) : null}
      {stations.map((s) => (
        <View
          key={s.id}
          className="cx-card mailbox-link mailbox-cases__meetings cx-cases-meetings"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => openPage(PAGES.meetings(s.id)) })}
        >
          <Text>社区半月谈{stations.length > 1 ? ` · ${s.label}` : ''}</Text>
          <Text className="mailbox-link__arrow">›</Text>
        </View>
      ))}
      <View className="mailbox-tabs">
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`mailbox-tab cx-case-tab${tab === t.key ? ' is-selected' : ''}`}
            hoverClass="cx-pressed"
            {...accessibleControl({ onActivate: () => setTab(t.key) })}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <ResourceView state={state} onRetry={reload}>
        {(letters) =>
          letters.length === 0 ? (
            <EmptyView text={tab === 'open' ? '暂无待办来信' : '暂无已办来信'} />
          ) : (
            <View>
              {tab === 'open' && letters.some((l) => l.overdue) ? (
                <Text className="mailbox-hint mailbox-hint--warn">
                  有 {letters.filter((l) => l.overdue).length} 封来信已超期，请尽快办理
                </Text>
              ) : null}
              {queueOrder(letters).map((c) => (
                <CaseRow key={c.id} c={c} />
              ))}
            </View>
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
