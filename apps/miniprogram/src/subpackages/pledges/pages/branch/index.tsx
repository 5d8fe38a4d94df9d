import {
  type BranchPledges,
  formatShanghaiDate,
  PLEDGE_PERIOD_LABELS,
  type PledgeProgress,
  pledgeInForce,
  STAR_LABELS,
} from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { monthLabel, publishesPledges, reportsProgress, thisMonth, yearParam } from '../../pledge-helpers';
import { PledgeEditor } from './pledge-editor';
import { ProgressForm } from './progress-form';
import '../../pledges.css';

const ignore = () => undefined;

/** The latest progress of each commitment, and this month's entry (the one a new report updates). */
function progressOf(progress: PledgeProgress[], itemId: string, month: string) {
  const own = progress.filter((p) => p.itemId === itemId && p.month <= month);
  return { latest: own[own.length - 1], thisMonth: own.find((p) => p.month === month) };
}

function Commitments({
  data,
  canReport,
  onProgress,
}: {
  data: BranchPledges;
  canReport: boolean;
  onProgress: (p: PledgeProgress) => void;
}) {
  const month = thisMonth();
  const reportable = data.year === Number(month.slice(0, 4));
  if (!data.items.length) return <EmptyView text="本年度还没有亮承诺" />;
  return (
    <View>
      {data.items.map((item) => {
        const { latest, thisMonth: current } = progressOf(data.progress, item.id, month);
        return (
          <View key={item.id} className="cx-card pledge-item cx-pledge-item" data-id={item.id}>
            <Text className="pledge-item__star">
              {STAR_LABELS[item.star]} · {PLEDGE_PERIOD_LABELS[item.period]}
            </Text>
            <Text className="pledge-item__text">{item.text}</Text>
            <Text className="pledge-muted">衡量标准：{item.measure}</Text>
            <View className="pledge-bar" role="img" aria-label={`最新完成度 ${latest?.percent ?? 0}%`}>
              <View className="pledge-bar__fill" style={{ width: `${latest?.percent ?? 0}%` }} />
            </View>
            <Text className="pledge-muted cx-pledge-latest">
              {latest ? `${monthLabel(latest.month)}：完成 ${latest.percent}% · ${latest.text}（${latest.byName}）` : '还没有填报实绩'}
            </Text>
            {canReport && reportable && pledgeInForce(item.period, month) ? (
              <ProgressForm
                target={{ branchId: data.branchId, year: data.year, month, itemId: item.id }}
                current={current}
                onSaved={onProgress}
              />
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/** 亮承诺 · 赛实绩 (`?branchId=&year=`): the branch's commitments of the year with their progress; its secretary publishes, its cadres report. */
export default function BranchPledgesPage() {
  const { params } = useRouter();
  const session = useSession();
  const branchId = params.branchId ?? '';
  const year = yearParam(params.year);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<BranchPledges>();
  const { state, reload } = useResource(
    async () => {
      if (!branchId) throw failureError({ status: 404, message: '缺少支部' });
      const data = expectStatus(await api.getBranchPledges({ params: { branchId, year } }), 200);
      Taro.setNavigationBarTitle({ title: `${data.branchName} · 亮承诺` }).catch(ignore);
      return data;
    },
    [branchId, year],
    { enabled: Boolean(session.token) },
  );
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  const canPublish = publishesPledges(session.me, branchId);
  const canReport = reportsProgress(session.me, branchId);
  return (
    <PageRoot className="cx-pledges-page">
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const data = saved && saved.version >= loaded.version ? saved : loaded;
          if (editing)
            return (
              <PledgeEditor
                data={data}
                onCancel={() => setEditing(false)}
                onSaved={(d) => {
                  setSaved(d);
                  setEditing(false);
                }}
              />
            );
          return (
            <View>
              <View className="cx-card pledge-head">
                <Text className="pledge-head__title">
                  {data.branchName} · {data.year} 年亮承诺
                </Text>
                <Text className="pledge-muted cx-pledge-status">
                  {data.publishedAt
                    ? `已于 ${formatShanghaiDate(data.publishedAt)} 公开（${data.publishedByName}），第 ${data.version} 版`
                    : '尚未公开承诺'}
                </Text>
              </View>
              <Commitments
                data={data}
                canReport={canReport}
                onProgress={(p) =>
                  setSaved({ ...data, progress: [...data.progress.filter((x) => !(x.itemId === p.itemId && x.month === p.month)), p] })
                }
              />
              {canPublish ? (
                <Button className="cx-btn cx-btn--primary cx-pledge-edit" onClick={() => setEditing(true)}>
                  {data.items.length ? '修改承诺' : '亮承诺'}
                </Button>
              ) : null}
              <Button className="cx-btn cx-pledge-board" onClick={() => openPage(PAGES.pledgeBoard(data.townshipId))}>
                看看本乡镇（街道）的亮赛比擂台
              </Button>
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
