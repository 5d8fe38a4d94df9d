import { addMonths, formatShanghaiDate, monthOf, type PublicBoard, shanghaiDay } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { keyedByContent } from '../../../../services/list-keys';
import { rememberCommunity } from '../../../../services/my-community';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { CommunityPicker } from '../../components/community-picker';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { SignInGate } from '../../components/sign-in-gate';
import { CategoryTag, LetterStatusChip } from '../../components/status-chip';
import { mailboxClass, useLargeText } from '../../services/large-text';
import { percent } from '../../services/letter-labels';
import { useSignedIn } from '../../services/use-signed-in';
import '../../mailbox.css';
import './index.css';

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

function Board({ board, onMonth }: { board: PublicBoard; onMonth: (month: string) => void }) {
  const { rates } = board;
  const thisMonth = monthOf(shanghaiDay());
  const canForward = board.month < thisMonth;
  return (
    <View>
      <View className="cx-card mailbox-board-head">
        <Text className="mailbox-board-head__name">{board.branchName}</Text>
        <View className="mailbox-switcher">
          <View
            className="mailbox-switcher__btn cx-board-prev"
            hoverClass="cx-pressed"
            {...accessibleControl({ label: '上月', onActivate: () => onMonth(addMonths(board.month, -1)) })}
          >
            <Text>‹ 上月</Text>
          </View>
          <Text className="mailbox-switcher__label cx-board-month">{monthLabel(board.month)}</Text>
          <View
            className={`mailbox-switcher__btn cx-board-next${canForward ? '' : ' is-disabled'}`}
            hoverClass="cx-pressed"
            {...accessibleControl({ label: '下月', disabled: !canForward, onActivate: () => onMonth(addMonths(board.month, 1)) })}
          >
            <Text>下月 ›</Text>
          </View>
        </View>
      </View>

      <View className="cx-card mailbox-board-rate">
        <Text className="mailbox-board-rate__value cx-board-satisfaction">{rates.rated ? percent(rates.satisfactionRate) : '—'}</Text>
        <Text className="mailbox-board-rate__caption">群众满意率{rates.rated ? `（${rates.rated} 人评价）` : '（本月暂无评价）'}</Text>
      </View>

      <View className="mailbox-board-counts">
        <View className="cx-card mailbox-board-count">
          <Text className="mailbox-board-count__value cx-board-received">{rates.received}</Text>
          <Text className="mailbox-board-count__label">收到来信</Text>
        </View>
        <View className="cx-card mailbox-board-count">
          <Text className="mailbox-board-count__value cx-board-replied">{rates.replied}</Text>
          <Text className="mailbox-board-count__label">已答复</Text>
        </View>
        <View className="cx-card mailbox-board-count">
          <Text className="mailbox-board-count__value">{rates.received ? percent(rates.responseRate) : '—'}</Text>
          <Text className="mailbox-board-count__label">按时响应率</Text>
        </View>
        <View className="cx-card mailbox-board-count">
          <Text className="mailbox-board-count__value">{rates.accepted ? percent(rates.resolutionRate) : '—'}</Text>
          <Text className="mailbox-board-count__label">解决率</Text>
        </View>
      </View>

      <View className="cx-section-title">公开的来信</View>
      {board.letters.length === 0 ? (
        <EmptyView text="本月暂无公开的来信" />
      ) : (
        keyedByContent(board.letters, (l) => `${l.createdAt}:${l.text}`).map(({ item: l, key }) => (
          <View key={key} className="cx-card mailbox-letter cx-board-letter">
            <View className="mailbox-letter__head">
              <CategoryTag category={l.category} />
              <LetterStatusChip status={l.status} audience="resident" />
            </View>
            <Text className="mailbox-letter__meta">{formatShanghaiDate(l.createdAt)} 来信</Text>
            <Text className="mailbox-letter__text">{l.text}</Text>
            {l.reply ? (
              <View className="mailbox-reply">
                <Text className="mailbox-reply__label">社区答复</Text>
                <Text className="mailbox-reply__text">{l.reply}</Text>
              </View>
            ) : null}
          </View>
        ))
      )}
      <Text className="mailbox-hint">只公开来信人同意公开的信件，已隐去姓名、电话等个人信息。</Text>
      <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.writeLetter(board.branchId))}>
        给{board.branchName}写信
      </Button>
      <Button className="cx-btn" onClick={() => openPage(PAGES.integrityBoard(board.branchId))}>
        微权说廉
      </Button>
    </View>
  );
}

function BoardLoader({ branchId }: { branchId: string }) {
  const [month, setMonth] = useState<string>();
  const { state, reload } = useResource(async () => {
    const board = expectStatus(await api.getPublicBoard({ params: { branchId }, query: month ? { month } : {} }), 200);
    Taro.setNavigationBarTitle({ title: `${board.branchName}公开栏` }).catch(() => undefined);
    return board;
  }, [branchId, month]);
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });
  return (
    <ResourceView state={state} onRetry={reload}>
      {(board) => <Board board={board} onMonth={setMonth} />}
    </ResourceView>
  );
}

export default function PublicBoardPage() {
  const { params } = useRouter();
  const signIn = useSignedIn();
  const [large, toggleLarge] = useLargeText();
  const [picked, setPicked] = useState<string>();
  const branchId = params.branchId || picked;
  return (
    <PageRoot className={mailboxClass('mailbox-board', large)}>
      <LargeTextToggle large={large} onToggle={toggleLarge} />
      <SignInGate signIn={signIn}>
        {() =>
          branchId ? (
            <BoardLoader branchId={branchId} />
          ) : (
            <View className="cx-card">
              <Text className="mailbox-intro__title">看哪个社区的公开栏</Text>
              <CommunityPicker
                onPick={(c) => {
                  // Home opens this community's 微权说廉 and 公开栏 from now on.
                  rememberCommunity({ id: c.id, name: c.name });
                  setPicked(c.id);
                }}
              />
            </View>
          )
        }
      </SignInGate>
    </PageRoot>
  );
}
