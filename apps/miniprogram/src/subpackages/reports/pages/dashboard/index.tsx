import type { BranchFilers, ComplianceCounts, DistrictDayCompliance, RemindResult, TownshipDayCompliance } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { ConsentSheet } from '../../../../components/consent-sheet';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, toFailure } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { askConsent, prefetchConsent } from '../../../../services/subscribe-consent';
import { downloadComplianceXlsx } from '../../services/export-xlsx';
import { canRemind, seesDistrict, staffTownships } from '../../services/report-access';
import { addDays, addMonths, dayLabel, daysInMonth, isDayKey, monthOf, shanghaiDay } from '../../services/shanghai-day';
import { type Loaded, useLoader } from '../../services/use-report-sync';
import { BranchRows } from './branch-rows';
import { ReminderResult } from './reminder-result';
import '../../report.css';
import './index.css';

const ignore = () => undefined;
/** How far back the day switcher goes. */
const MAX_DAYS_BACK = 92;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

function DaySwitcher({ day, today, onChange }: { day: string; today: string; onChange: (day: string) => void }) {
  const canBack = day > addDays(today, -MAX_DAYS_BACK);
  const canForward = day < today;
  return (
    <View className="cx-card report-switcher dashboard-day">
      <View
        className={`report-switcher__btn cx-dashboard-prev${canBack ? '' : ' is-disabled'}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => canBack && onChange(addDays(day, -1)) })}
      >
        <Text>‹ 前一天</Text>
      </View>
      <Text className="report-switcher__label cx-dashboard-day">
        {dayLabel(day)}
        {day === today ? '（今天）' : ''}
      </Text>
      <View
        className={`report-switcher__btn cx-dashboard-next${canForward ? '' : ' is-disabled'}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => canForward && onChange(addDays(day, 1)) })}
      >
        <Text>后一天 ›</Text>
      </View>
    </View>
  );
}

/** The rate as a big number over a stacked bar (pure CSS: 按时 green, 迟交 amber, 未提交 red). */
function RateCard({ counts, deadline, deadlinePassed }: { counts: ComplianceCounts; deadline?: string; deadlinePassed?: boolean }) {
  const total = Math.max(1, counts.expected);
  const seg = (n: number) => `${(n / total) * 100}%`;
  return (
    <View className="cx-card dashboard-rate">
      <View className="dashboard-rate__top">
        <View>
          <Text className="dashboard-rate__value cx-dashboard-rate">{counts.expected ? percent(counts.rate) : '—'}</Text>
          <Text className="dashboard-rate__caption">
            {counts.expected ? `已报 ${counts.onTime + counts.late} / 应报 ${counts.expected}` : '今日无需报送'}
          </Text>
        </View>
        {deadline ? (
          <View className="dashboard-rate__deadline">
            <Text className="dashboard-rate__deadline-time">截止 {deadline}</Text>
            <Text className="report-muted">{deadlinePassed ? '已过截止时间' : '截止前提交均为按时'}</Text>
          </View>
        ) : null}
      </View>
      <View className="dashboard-bar">
        <View className="dashboard-bar__seg report-status--on_time-bg" style={{ width: seg(counts.onTime) }} />
        <View className="dashboard-bar__seg report-status--late-bg" style={{ width: seg(counts.late) }} />
        <View className="dashboard-bar__seg report-status--missing-bg" style={{ width: seg(counts.missing) }} />
      </View>
      <View className="dashboard-counts">
        {(
          [
            ['on_time', '按时', counts.onTime],
            ['late', '迟交', counts.late],
            ['missing', '未提交', counts.missing],
            ['exempt', '免报', counts.exempt],
          ] as const
        ).map(([s, label, n]) => (
          <View key={s} className={`dashboard-count cx-dashboard-count--${s}`}>
            <Text className={`dashboard-count__value report-text--${s}`}>{n}</Text>
            <Text className="dashboard-count__label">{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

interface Range {
  key: string;
  label: string;
  from: string;
  to: string;
}

function exportRanges(today: string): Range[] {
  const month = monthOf(today);
  const last = addMonths(month, -1);
  return [
    { key: 'month', label: '本月至今', from: `${month}-01`, to: today },
    { key: 'last-month', label: '上月', from: `${last}-01`, to: `${last}-${String(daysInMonth(last)).padStart(2, '0')}` },
    { key: '7', label: '近 7 天', from: addDays(today, -6), to: today },
    { key: '30', label: '近 30 天', from: addDays(today, -29), to: today },
  ];
}

function ExportPanel({ townshipId, today, onClose }: { townshipId: string; today: string; onClose: () => void }) {
  const ranges = exportRanges(today);
  const [range, setRange] = useState(ranges[0]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setProblem('');
    Taro.showLoading({ title: '正在导出' }).catch(ignore);
    try {
      await downloadComplianceXlsx(townshipId, range.from, range.to);
    } catch (err) {
      setProblem(toFailure(err).message);
    } finally {
      Taro.hideLoading();
      setBusy(false);
    }
  };
  return (
    <View className="cx-card dashboard-export cx-dashboard-export-panel">
      <Text className="dashboard-export__title">导出报送情况（Excel）</Text>
      <ChoiceChips
        itemClassName="cx-dashboard-export-range"
        choices={ranges}
        isSelected={(key) => key === range.key}
        onPick={(key) => setRange(ranges.find((r) => r.key === key) ?? ranges[0])}
      />
      <Text className="report-muted dashboard-export__range">
        {range.from} 至 {range.to}
      </Text>
      <FieldProblem text={problem} />
      <Button
        className={`cx-btn cx-btn--primary cx-dashboard-export-download${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={download}
      >
        {busy ? '正在导出…' : '下载表格'}
      </Button>
      <Button className="cx-btn" onClick={onClose}>
        取消
      </Button>
    </View>
  );
}

function usePullRefresh(refresh: () => Promise<void>) {
  usePullDownRefresh(() => {
    refresh().finally(() => Taro.stopPullDownRefresh());
  });
}

function Stateful<T>({ state, onRetry, children }: { state: Loaded<T>; onRetry: () => void; children: (data: T) => ReactNode }) {
  if (state.kind === 'loading') return <LoadingView />;
  if (state.kind === 'failed') return <ErrorView failure={state.failure} onRetry={onRetry} />;
  return <>{children(state.data)}</>;
}

function TownshipDashboard({ townshipId, initialDay, today }: { townshipId: string; initialDay: string; today: string }) {
  const session = useSession();
  const [day, setDay] = useState(initialDay);
  const [exporting, setExporting] = useState(false);
  const { state, refresh, retry } = useLoader(async () => {
    const data = expectStatus(await api.getTownshipCompliance({ params: { townshipId }, query: { day } }), 200);
    Taro.setNavigationBarTitle({ title: `${data.township.name} · 日报看板` }).catch(ignore);
    return data;
  }, [townshipId, day]);
  usePullRefresh(refresh);

  const manager = canRemind(session.me, townshipId);
  const [reminded, setReminded] = useState<RemindResult>();
  // Who files each branch, with their phones: only the township's managers get them.
  const [filers, setFilers] = useState<Map<string, BranchFilers['branches'][number]['filers']>>();
  useEffect(() => {
    if (!manager) return;
    void prefetchConsent();
    api
      .listBranchFilers({ params: { townshipId } })
      .then((res) => {
        if (res.status === 200) setFilers(new Map(res.body.branches.map((b) => [b.branchId, b.filers])));
      })
      .catch(ignore);
  }, [manager, townshipId]);

  const { run } = useMutation({ onError: (failure) => Taro.showToast({ title: failure.message, icon: 'none' }).catch(ignore) });
  const remind = async (data: TownshipDayCompliance) => {
    const { confirm } = await Taro.showModal({
      title: '一键提醒',
      content: `将向 ${data.counts.missing} 个未提交支部的干部发送提醒，确定吗？`,
      confirmText: '提醒',
      cancelText: '取消',
    });
    if (!confirm) return;
    const res = await run(() => api.remindMissing({ params: { townshipId }, body: { day: data.day } }));
    if (res) setReminded(res.body);
  };

  return (
    <View>
      <DaySwitcher day={day} today={today} onChange={setDay} />
      <Stateful state={state} onRetry={retry}>
        {(data) => (
          <View>
            <Text className="dashboard-township">{data.township.name}</Text>
            <RateCard counts={data.counts} deadline={data.deadline} deadlinePassed={data.deadlinePassed} />
            <ConsentSheet />
            {reminded ? <ReminderResult result={reminded} onClose={() => setReminded(undefined)} /> : null}
            <View className="dashboard-actions">
              {manager && data.day === today ? (
                <Button
                  className={`cx-btn cx-btn--primary cx-dashboard-remind${data.counts.missing ? '' : ' cx-btn--disabled'}`}
                  disabled={!data.counts.missing || undefined}
                  onClick={() => void remind(data)}
                >
                  {data.counts.missing ? `一键提醒未提交（${data.counts.missing}）` : '全部已提交'}
                </Button>
              ) : null}
              {!exporting ? (
                <Button className="cx-btn cx-dashboard-export" onClick={() => setExporting(true)}>
                  导出
                </Button>
              ) : null}
            </View>
            {exporting ? <ExportPanel townshipId={townshipId} today={today} onClose={() => setExporting(false)} /> : null}
            {manager ? (
              // 督办: the township hears when its communities' letters run late (asked from this tap).
              <Button className="cx-btn cx-btn--compact cx-dashboard-overdue-consent" onClick={() => void askConsent(['letter_overdue'])}>
                接收来信督办微信提醒
              </Button>
            ) : null}
            {data.branches.length ? <BranchRows data={data} filers={filers} /> : <EmptyView text="该乡镇（街道）暂无支部" />}
          </View>
        )}
      </Stateful>
    </View>
  );
}

/** No township given: district roles pick one from the per-township rates; multi-township staff from their list. */
function TownshipPicker({ today }: { today: string }) {
  const session = useSession();
  const district = seesDistrict(session.me);
  const [day, setDay] = useState(today);
  const { state, refresh, retry } = useLoader(async (): Promise<{
    district?: DistrictDayCompliance;
    townships: { id: string; name: string }[];
  }> => {
    if (district) {
      const data = expectStatus(await api.getDistrictCompliance({ query: { day } }), 200);
      return { district: data, townships: data.townships.map((t) => ({ id: t.townshipId, name: t.name })) };
    }
    const mine = staffTownships(session.me);
    const tree = expectStatus(await api.getOrgTree({}), 200);
    return { townships: tree.townships.filter((t) => mine.includes(t.id)).map((t) => ({ id: t.id, name: t.name })) };
  }, [district, day]);
  usePullRefresh(refresh);

  return (
    <View>
      {district ? <DaySwitcher day={day} today={today} onChange={setDay} /> : null}
      <Stateful state={state} onRetry={retry}>
        {(data) => (
          <View>
            {data.district ? <RateCard counts={data.district.totals} /> : null}
            <View className="cx-section-title">选择乡镇（街道）</View>
            {data.townships.length ? (
              <View className="cx-card dashboard-list">
                {data.townships.map((t) => {
                  const counts = data.district?.townships.find((x) => x.townshipId === t.id)?.counts;
                  return (
                    <View
                      key={t.id}
                      className="report-row dashboard-township-row cx-dashboard-township"
                      hoverClass="cx-pressed"
                      {...accessibleControl({ onActivate: () => openPage(PAGES.reportDashboard(t.id, day)) })}
                    >
                      <View className="report-row__main">
                        <Text className="report-row__title">{t.name}</Text>
                        {counts ? (
                          <View className="dashboard-mini-bar">
                            <View className="dashboard-mini-bar__fill" style={{ width: `${Math.round(counts.rate * 100)}%` }} />
                          </View>
                        ) : null}
                        {counts ? (
                          <Text className="report-row__sub">{`已报 ${counts.onTime + counts.late} / 应报 ${counts.expected} · 未提交 ${counts.missing}`}</Text>
                        ) : null}
                      </View>
                      {counts ? (
                        <Text className="dashboard-township-row__rate cx-dashboard-township-rate">
                          {counts.expected ? percent(counts.rate) : '—'}
                        </Text>
                      ) : null}
                      <Text className="report-row__arrow">›</Text>
                    </View>
                  );
                })}
              </View>
            ) : (
              <EmptyView text="没有可查看的乡镇（街道）" />
            )}
          </View>
        )}
      </Stateful>
    </View>
  );
}

/** 日报看板: `?townshipId=&day=`; without a township, a list to pick one from. */
export default function ReportDashboardPage() {
  const { params } = useRouter();
  const session = useSession();
  const [today] = useState(() => shanghaiDay());
  const day = isDayKey(params.day) && params.day <= today ? params.day : today;
  const mine = staffTownships(session.me);
  const townshipId = params.townshipId || (!seesDistrict(session.me) && mine.length === 1 ? mine[0] : '');

  let body: ReactNode;
  if (!session.token) body = <SignInNeeded />;
  else if (townshipId) body = <TownshipDashboard townshipId={townshipId} initialDay={day} today={today} />;
  else body = <TownshipPicker today={today} />;
  return <PageRoot className="report-dashboard">{body}</PageRoot>;
}
