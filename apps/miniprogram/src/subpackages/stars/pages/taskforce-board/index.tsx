import { STAR_LABELS, STARS, type Star, type StarTaskforceBoard, type StarTaskforceRow } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { hasRole, taskforceStarsOf } from '../../services/star-access';
import '../../stars.css';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** One township's (or the district's) line: holding / branches as a bar, then the counts in words. */
function BoardRow({ name, row, total }: { name: string; row: StarTaskforceRow; total?: boolean }) {
  const share = percent(row.holding, row.branches);
  const a = row.applications;
  return (
    <View className={`cx-tf-row${total ? ' cx-tf-row--total' : ''}`} data-name={name}>
      <View className="stars-app__head">
        <Text className="stars-app__title">{name}</Text>
        <Text className="cx-tf-holding">
          持星 {row.holding} / {row.branches} 个支部
        </Text>
      </View>
      <View className="cx-tf-bar" aria-label={`${name}持星比例 ${share}%`}>
        <View className="cx-tf-bar__fill" style={{ width: `${share}%` }} />
      </View>
      <Text className="cx-tf-counts">
        待初审 {a.township_review} · 待复审 {a.district_review} · 公示中 {a.publicity} · 已授星 {a.awarded} · 已退回 {a.returned}
      </Text>
      <Text className={`cx-tf-findings${row.findings.overdue ? ' stars-warn' : ''}`}>
        问题未整改 {row.findings.open} 条{row.findings.overdue ? `，其中超期 ${row.findings.overdue} 条` : ''}
      </Text>
    </View>
  );
}

/**
 * 专班进度 (`?star=`): the progress of one star per township for its 专班 (its own star) and the district admin (any
 * star, picked with chips). The server decides who may read which star (403 for another 专班's).
 */
export default function TaskforceBoardPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const admin = hasRole(session.me, 'district_admin');
  const own = taskforceStarsOf(session.me);
  const stars: readonly Star[] = admin ? STARS : own;
  const [picked, setPicked] = useState<Star | undefined>(stars.find((s) => s === params.star) ?? stars[0]);
  const star = picked ?? stars[0];
  const { state, reload } = useResource<StarTaskforceBoard>(
    async () => {
      if (!star) throw failureError({ message: '专班进度由各星专班和区委组织部查看，您的身份不在其中' });
      return expectStatus(await api.getStarTaskforceBoard({ params: { star } }), 200);
    },
    [star, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="stars">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="stars">
      {stars.length > 1 ? (
        <ChoiceChips
          choices={stars.map((s) => ({ key: s, label: STAR_LABELS[s] }))}
          isSelected={(s) => s === star}
          onPick={setPicked}
          itemClassName="cx-tf-star"
          dataName="star"
          check={false}
        />
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {(board) => (
          <View className="cx-tf-board">
            <Text className="stars-heading">
              {STAR_LABELS[board.star]} · {board.department}专班
            </Text>
            {board.townships.length ? (
              <>
                <BoardRow name="全区合计" row={board.total} total />
                {board.townships.map((t) => (
                  <BoardRow key={t.townshipId} name={t.townshipName} row={t} />
                ))}
              </>
            ) : (
              <EmptyView text="还没有乡镇（街道），区委组织部建立组织架构后这里会显示各乡镇的进度" />
            )}
            {/* Also the page's keyboard stop: a long board scrolls, and the scroll region needs a focusable control. */}
            <Button className="cx-btn cx-tf-refresh" onClick={reload}>
              刷新进度
            </Button>
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
