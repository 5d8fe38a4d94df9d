import { type OrgTree, REVIEW_LIST_LABELS, REVIEW_LISTS, type TownshipReviewSummary } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
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
import { monthLabel, monthParam, nextMonth, prevMonth, thisMonth } from '../../review-helpers';
import '../../review.css';

const ignore = () => undefined;

type Loaded = { kind: 'pick'; tree: OrgTree } | { kind: 'summary'; summary: TownshipReviewSummary };

/** Without a township: the townships in the caller's reach (a single one opens directly). */
async function load(townshipId: string, month: string): Promise<Loaded> {
  if (townshipId) {
    const summary = expectStatus(await api.getTownshipReviewSummary({ params: { townshipId, month } }), 200);
    Taro.setNavigationBarTitle({ title: `${summary.township.name} · 学讲评` }).catch(ignore);
    return { kind: 'summary', summary };
  }
  const tree = expectStatus(await api.getOrgTree({}), 200);
  if (tree.townships.length === 1) return load(tree.townships[0].id, month);
  return { kind: 'pick', tree };
}

function Summary({ summary, month }: { summary: TownshipReviewSummary; month: string }) {
  if (!summary.branches.length) return <EmptyView text="这个乡镇（街道）还没有支部" />;
  const totals = REVIEW_LISTS.map((l) =>
    summary.branches.reduce((acc, b) => ({ open: acc.open + b.lists[l].open, done: acc.done + b.lists[l].done }), { open: 0, done: 0 }),
  );
  const overdue = summary.branches.reduce((n, b) => n + b.overdue.length, 0);
  return (
    <View>
      <View className="cx-card review-totals cx-review-totals">
        <Text className="review-intro__name">{summary.township.name}</Text>
        <View className="review-counts">
          {REVIEW_LISTS.map((l, i) => (
            <View key={l} className="review-count">
              <Text className="review-count__label">{REVIEW_LIST_LABELS[l]}</Text>
              <Text className="review-count__value">
                未解决 {totals[i].open} · 已解决 {totals[i].done}
              </Text>
            </View>
          ))}
        </View>
        <Text className={`review-totals__overdue${overdue ? ' review-totals__overdue--on' : ''}`}>逾期未解决：{overdue} 条</Text>
      </View>
      {summary.branches.map((b) => (
        <View
          key={b.branchId}
          className="cx-card review-branch cx-review-summary-branch"
          data-id={b.branchId}
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => openPage(PAGES.reviewBoard(b.branchId, month)) })}
        >
          <View className="review-branch__head">
            <Text className="review-branch__name">{b.branchName}</Text>
            {b.overdue.length ? <Text className="cx-tag review-overdue">逾期 {b.overdue.length}</Text> : null}
            <Text className="review-branch__more">查看 ›</Text>
          </View>
          <View className="review-counts">
            {REVIEW_LISTS.map((l) => (
              <View key={l} className="review-count cx-review-summary-count" data-list={l}>
                <Text className="review-count__label">{REVIEW_LIST_LABELS[l].replace('清单', '')}</Text>
                <Text className="review-count__value">
                  <Text className={b.lists[l].open ? 'review-count__open' : ''}>{b.lists[l].open}</Text> / {b.lists[l].done}
                </Text>
              </View>
            ))}
          </View>
          {b.overdue.map((o) => (
            <Text key={o.id} className="review-branch__overdue cx-review-overdue-item">
              {o.due} 到期 · {REVIEW_LIST_LABELS[o.list]} · {o.text}（{o.owner}）
            </Text>
          ))}
        </View>
      ))}
      <Text className="review-legend">每格为“未解决 / 已解决”，含往期未解决的条目。</Text>
    </View>
  );
}

/** 学讲评汇总 (`?townshipId=&month=`): per branch, open and done per list, and the overdue open items. */
export default function ReviewSummaryPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const [townshipId, setTownshipId] = useState(params.townshipId ?? '');
  const [month, setMonth] = useState(() => monthParam(params.month));
  const { state, reload } = useResource(() => load(townshipId, month), [townshipId, month, session.token], { enabled: signedIn });

  if (!signedIn)
    return (
      <PageRoot className="review">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="review">
      <View className="review-month cx-review-month">
        <View
          className="review-month__step cx-review-prev"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => setMonth(prevMonth(month)) })}
        >
          <Text>‹ 上月</Text>
        </View>
        <Text className="review-month__label cx-review-month-label">{monthLabel(month)}</Text>
        {month < thisMonth() ? (
          <View
            className="review-month__step cx-review-next"
            hoverClass="cx-pressed"
            {...accessibleControl({ onActivate: () => setMonth(nextMonth(month)) })}
          >
            <Text>下月 ›</Text>
          </View>
        ) : (
          <View className="review-month__step review-month__step--off" />
        )}
      </View>
      <ResourceView state={state} onRetry={reload}>
        {(data) =>
          data.kind === 'summary' ? (
            <Summary summary={data.summary} month={month} />
          ) : data.tree.townships.length ? (
            <View>
              <View className="cx-section-title">选择乡镇（街道）</View>
              {data.tree.townships.map((t) => (
                <View
                  key={t.id}
                  className="cx-card review-township cx-review-township-option"
                  data-id={t.id}
                  hoverClass="cx-pressed"
                  {...accessibleControl({ onActivate: () => setTownshipId(t.id) })}
                >
                  <Text>{t.name}</Text>
                  <Text className="review-branch__more">查看 ›</Text>
                </View>
              ))}
            </View>
          ) : (
            <EmptyView text="您的范围内没有乡镇（街道）" />
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
