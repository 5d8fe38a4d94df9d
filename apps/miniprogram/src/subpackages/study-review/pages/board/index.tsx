import { REVIEW_LIST_LABELS, REVIEW_LISTS, type ReviewBoard, type ReviewItem, type ReviewList } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { keepsLists, monthLabel, monthParam, nextMonth, prevMonth, thisMonth } from '../../review-helpers';
import { AddItemForm } from './add-item-form';
import { ItemCard } from './item-card';
import '../../review.css';

const ignore = () => undefined;

const LIST_HINTS: Record<ReviewList, string> = {
  difficulty: '学习讨论中摆出的困难',
  problem: '讲评中查找出的问题',
  solution: '针对困难和问题提出的办法',
  measure: '落实办法的具体举措',
};

async function loadBoard(branchId: string, month: string): Promise<ReviewBoard> {
  if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
  const board = expectStatus(await api.getReviewBoard({ params: { branchId, month } }), 200);
  Taro.setNavigationBarTitle({ title: `${board.branchName} · 学讲评` }).catch(ignore);
  return board;
}

/**
 * 学讲评 (`?branchId=&month=`): the branch's 困难清单, 问题清单, 办法清单 and 举措清单 for a month, with the
 * still-open items of earlier months (往期). Its own cadres and secretary add and work through the items;
 * township staff, leaders, inspectors and the district read.
 */
export default function ReviewBoardPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const branchId = params.branchId ?? '';
  const [month, setMonth] = useState(() => monthParam(params.month));
  /** Items changed or added on this page since the load (the list index may lag a moment behind a write). */
  const [changed, setChanged] = useState<Record<string, ReviewItem>>({});
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    async () => {
      const board = await loadBoard(branchId, month);
      setChanged({});
      return board;
    },
    [branchId, month, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="review">
        <SignInNeeded />
      </PageRoot>
    );
  const keep = (item: ReviewItem) => {
    setNotice(undefined);
    setChanged((c) => ({ ...c, [item.id]: { ...item, carried: item.period < month } }));
  };
  const stale = (message: string) => {
    setNotice(message);
    reload();
  };
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
      {notice ? (
        <View className="cx-card review-notice cx-review-notice">
          <Text>{notice}</Text>
        </View>
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {(board) => {
          const writer = keepsLists(session.me, board.branchId);
          const loadedIds = new Set(board.items.map((i) => i.id));
          const items = [
            ...board.items.map((i) => changed[i.id] ?? i),
            ...Object.values(changed).filter((i) => !loadedIds.has(i.id) && i.period === month),
          ];
          return (
            <View>
              <View className="cx-card review-intro">
                <Text className="review-intro__name">{board.branchName}</Text>
                <Text className="review-intro__text">
                  学文件、讲体会、评自己和他人，形成四张清单，一项一项解决、一件一件攻克。未解决的往期条目会一直留在清单上。
                </Text>
              </View>
              {REVIEW_LISTS.map((list) => {
                const rows = items.filter((i) => i.list === list);
                const open = rows.filter((i) => i.status !== 'done').length;
                return (
                  <View key={list} className="review-list cx-review-list" data-list={list}>
                    <View className="cx-section-title">
                      {REVIEW_LIST_LABELS[list]}（未解决 {open} / 共 {rows.length}）
                    </View>
                    <View className="cx-card">
                      <Text className="review-list__hint">{LIST_HINTS[list]}</Text>
                      {rows.length ? (
                        rows.map((item) => (
                          <ItemCard
                            key={`${item.id}-${item.version}`}
                            branchId={board.branchId}
                            item={item}
                            writer={writer}
                            onChanged={keep}
                            onStale={stale}
                          />
                        ))
                      ) : (
                        <Text className="review-list__empty cx-review-list-empty">
                          {writer ? '还没有条目，点下方添加' : '本月还没有条目'}
                        </Text>
                      )}
                      {writer ? <AddItemForm branchId={board.branchId} month={month} list={list} onAdded={keep} /> : null}
                    </View>
                  </View>
                );
              })}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
