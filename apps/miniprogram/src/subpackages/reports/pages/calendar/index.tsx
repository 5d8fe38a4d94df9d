import { type BranchCalendar, type DailyRules, REPORT_STATUS_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError, toFailure } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { readContext } from '../../../../services/report-context';
import { PAGES } from '../../../../services/routes';
import { taroStorage } from '../../offline/taro-ports';
import { DEVICE_DAY_LABELS, useDeviceDays, useOnSent } from '../../services/device-days';
import { canFile, filerBranchIds } from '../../services/report-access';
import { reportSync } from '../../services/report-sync';
import {
  addMonths,
  daysBetween,
  isMonthKey,
  monthLabel,
  monthOf,
  monthWeeks,
  shanghaiDay,
  WEEKDAY_LABELS,
} from '../../services/shanghai-day';
import { useLoader, useOnline } from '../../services/use-report-sync';
import '../../report.css';
import './index.css';

type DayStatus = BranchCalendar['days'][number]['status'];
/** A cell's status: the server's, the device's 待发送 (queued or on the wire), or unknown (offline, not on the device). */
type CellStatus = DayStatus | 'pending' | 'unknown';

const CALENDAR_LABELS: Record<DayStatus, string> = { ...REPORT_STATUS_LABELS, upcoming: '未到' };
const LEGEND: DayStatus[] = ['on_time', 'late', 'missing', 'exempt', 'upcoming'];

interface CalendarData {
  branch: { id: string; name: string };
  /** Absent when opened offline from the device's copy: only the device's own days are known. */
  calendar?: BranchCalendar;
  rules?: DailyRules;
}

const ignore = () => undefined;

/** 我的日报日历: `?branchId=&month=`; each day coloured by its status. */
export default function ReportCalendarPage() {
  const { params } = useRouter();
  const session = useSession();
  const [today] = useState(() => shanghaiDay());
  const branchId = params.branchId || filerBranchIds(session.me)[0] || '';
  const [month, setMonth] = useState(() => (isMonthKey(params.month) ? params.month : monthOf(today)));
  const filer = canFile(session.me, branchId);
  // Days this device has queued, is sending or has just sent: shown at once, before the server's calendar knows.
  const deviceDays = useDeviceDays(branchId);
  const online = useOnline();
  useEffect(() => reportSync().start(), []);

  const { state, refresh, retry } = useLoader<CalendarData>(async () => {
    if (!session.token) return new Promise<CalendarData>(() => undefined);
    if (!branchId) throw failureError({ status: 404, message: '没有可查看的支部' });
    try {
      const [b, c, r] = await Promise.all([
        api.getBranch({ params: { branchId } }),
        api.getBranchCalendar({ params: { branchId }, query: { month } }),
        filer ? api.getDailyRules({}) : Promise.resolve(undefined),
      ]);
      return { branch: expectStatus(b, 200).branch, calendar: expectStatus(c, 200), rules: r && r.status === 200 ? r.body : undefined };
    } catch (err) {
      // No network: the device's copy of the branch and rules, and the days this device knows.
      const cached = filer && toFailure(err).status === undefined ? readContext(taroStorage, branchId) : undefined;
      if (!cached) throw err;
      return { branch: cached.branch, rules: cached.rules };
    }
  }, [branchId, month, session.token]);
  // A send that completes changes the server's counts; the network coming back fills an offline calendar.
  const silentRefresh = useCallback(() => void refresh(), [refresh]);
  useOnSent(branchId, silentRefresh);
  const offline = state.kind === 'ready' && !state.data.calendar;
  useEffect(() => {
    if (online && offline) silentRefresh();
  }, [online, offline, silentRefresh]);

  useEffect(() => {
    if (state.kind === 'ready') Taro.setNavigationBarTitle({ title: `${state.data.branch.name} · 日报日历` }).catch(ignore);
  }, [state]);

  const open = (data: CalendarData, day: string, status: CellStatus) => {
    const fileable =
      filer && data.rules ? daysBetween(day, today) >= 0 && daysBetween(day, today) <= data.rules.maxBackfillDays : filer && day === today;
    if (status === 'pending') openPage(PAGES.reportEdit(branchId, day));
    else if (status === 'on_time' || status === 'late') openPage(PAGES.reportDetail(branchId, day));
    else if (fileable) openPage(PAGES.reportEdit(branchId, day));
    else if (status === 'missing') Taro.showToast({ title: '当天未提交日报', icon: 'none' }).catch(ignore);
    else if (status === 'exempt') Taro.showToast({ title: '当天免报', icon: 'none' }).catch(ignore);
  };

  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );

  return (
    <PageRoot className="report-calendar">
      <View className="cx-card report-switcher report-calendar__month">
        <View
          className="report-switcher__btn cx-calendar-prev"
          hoverClass="cx-pressed"
          {...accessibleControl({ label: '上月', onActivate: () => setMonth((m) => addMonths(m, -1)) })}
        >
          <Text>‹ 上月</Text>
        </View>
        <Text className="report-switcher__label cx-calendar-month">{monthLabel(month)}</Text>
        <View
          className={`report-switcher__btn cx-calendar-next${month >= monthOf(today) ? ' is-disabled' : ''}`}
          hoverClass="cx-pressed"
          {...accessibleControl({ label: '下月', disabled: month >= monthOf(today), onActivate: () => setMonth((m) => addMonths(m, 1)) })}
        >
          <Text>下月 ›</Text>
        </View>
      </View>
      <ResourceView state={state} onRetry={retry}>
        {(data) => {
          const byDay = new Map((data.calendar?.days ?? []).map((d) => [d.day, d]));
          const c = data.calendar?.counts;
          const statusOf = (day: string): CellStatus => {
            const device = deviceDays[day];
            if (device?.kind === 'pending' || device?.kind === 'sending') return 'pending';
            const server: CellStatus = byDay.get(day)?.status ?? (day > today ? 'upcoming' : data.calendar ? 'missing' : 'unknown');
            // Just sent from this device: filed, whatever the server's calendar said when it loaded.
            if (device?.kind === 'sent' && (server === 'missing' || server === 'unknown')) return device.report.status;
            return server;
          };
          const markOf = (day: string, status: CellStatus): string => {
            const device = deviceDays[day];
            if (device?.kind === 'pending' || device?.kind === 'sending') return DEVICE_DAY_LABELS[device.kind];
            if (day === today && (status === 'missing' || status === 'unknown')) return '今天';
            return status === 'unknown' || status === 'pending' ? '' : CALENDAR_LABELS[status];
          };
          const todayStatus = statusOf(today);
          const todayButton =
            todayStatus === 'pending'
              ? '今日日报待发送'
              : todayStatus === 'on_time' || todayStatus === 'late'
                ? '查看/修改今日日报'
                : '填写今日日报';
          return (
            <View>
              {c ? null : (
                <Text className="cx-card report-calendar__offline cx-calendar-offline">
                  当前无网络：只显示本机保存的日报，联网后自动更新
                </Text>
              )}
              {c ? (
                <View className="cx-card report-calendar__counts">
                  {(
                    [
                      ['on_time', c.onTime],
                      ['late', c.late],
                      ['missing', c.missing],
                      ['exempt', c.exempt],
                    ] as const
                  ).map(([s, n]) => (
                    <View key={s} className={`report-calendar__count cx-calendar-count--${s}`}>
                      <Text className={`report-calendar__count-value report-text--${s}`}>{n}</Text>
                      <Text className="report-calendar__count-label">{CALENDAR_LABELS[s]}</Text>
                    </View>
                  ))}
                </View>
              ) : null}
              <View className="cx-card report-calendar__grid">
                <View className="report-calendar__week report-calendar__weekdays">
                  {WEEKDAY_LABELS.map((w) => (
                    <Text key={w} className="report-calendar__weekday">
                      {w}
                    </Text>
                  ))}
                </View>
                {monthWeeks(month).map((week) => (
                  // Every week holds at least one day of the month: its first names the row.
                  <View key={week.find(Boolean)} className="report-calendar__week">
                    {week.map((day, j) => {
                      // A blank cell stands for its weekday in that row.
                      if (!day) return <View key={WEEKDAY_LABELS[j]} className="report-calendar__cell report-calendar__cell--blank" />;
                      const status = statusOf(day);
                      return (
                        <View
                          key={day}
                          className={`report-calendar__cell cx-calendar-day report-status--${status}${day === today ? ' is-today' : ''}`}
                          data-day={day}
                          data-status={status}
                          hoverClass="cx-pressed"
                          {...accessibleControl({ onActivate: () => open(data, day, status) })}
                        >
                          <Text className="report-calendar__date">{Number(day.slice(8, 10))}</Text>
                          <Text className="report-calendar__mark">{markOf(day, status)}</Text>
                        </View>
                      );
                    })}
                  </View>
                ))}
              </View>
              <View className="report-calendar__legend">
                {LEGEND.map((s) => (
                  <View key={s} className="report-calendar__legend-item">
                    <View className={`report-calendar__swatch report-status--${s}`} />
                    <Text className="report-calendar__legend-label">{CALENDAR_LABELS[s]}</Text>
                  </View>
                ))}
              </View>
              {filer ? (
                <View
                  className="cx-btn cx-btn--primary report-calendar__today"
                  hoverClass="cx-pressed"
                  {...accessibleControl({ onActivate: () => openPage(PAGES.reportEdit(branchId)) })}
                >
                  <Text className="cx-calendar-today">{todayButton}</Text>
                </View>
              ) : null}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
