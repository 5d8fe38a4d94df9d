import { type BranchCalendar, type BranchDetail, type DailyRules, REPORT_STATUS_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
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
import '../../report.css';
import './index.css';

type DayStatus = BranchCalendar['days'][number]['status'];

const CALENDAR_LABELS: Record<DayStatus, string> = { ...REPORT_STATUS_LABELS, upcoming: '未到' };
const LEGEND: DayStatus[] = ['on_time', 'late', 'missing', 'exempt', 'upcoming'];

interface CalendarData {
  branch: BranchDetail['branch'];
  calendar: BranchCalendar;
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
  // Days with a submission still waiting on this device.
  const [waiting, setWaiting] = useState<string[]>([]);
  useDidShow(() => {
    const queued = reportSync()
      .queue.list()
      .filter((s) => s.branchId === branchId && (s.state === 'pending' || s.state === 'sending'));
    setWaiting(queued.map((s) => s.day));
  });

  const { state, reload } = useResource<CalendarData>(
    async () => {
      if (!branchId) throw failureError({ status: 404, message: '没有可查看的支部' });
      const [b, c, r] = await Promise.all([
        api.getBranch({ params: { branchId } }),
        api.getBranchCalendar({ params: { branchId }, query: { month } }),
        filer ? api.getDailyRules({}) : Promise.resolve(undefined),
      ]);
      return { branch: expectStatus(b, 200).branch, calendar: expectStatus(c, 200), rules: r && r.status === 200 ? r.body : undefined };
    },
    [branchId, month],
    { enabled: !!session.token },
  );

  useEffect(() => {
    if (state.kind === 'ready') Taro.setNavigationBarTitle({ title: `${state.data.branch.name} · 日报日历` }).catch(ignore);
  }, [state]);

  const open = (data: CalendarData, day: string, status: DayStatus) => {
    const fileable =
      filer && data.rules ? daysBetween(day, today) >= 0 && daysBetween(day, today) <= data.rules.maxBackfillDays : filer && day === today;
    if (status === 'on_time' || status === 'late') openPage(PAGES.reportDetail(branchId, day));
    else if (fileable) openPage(PAGES.reportEdit(branchId, day));
    else if (status === 'missing') Taro.showToast({ title: '当天未提交日报', icon: 'none' }).catch(ignore);
    else if (status === 'exempt') Taro.showToast({ title: '当天免报', icon: 'none' }).catch(ignore);
  };

  if (!session.token)
    return (
      <View className="cx-page">
        <SignInNeeded />
      </View>
    );

  return (
    <View className="cx-page report-calendar">
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
      <ResourceView state={state} onRetry={reload}>
        {(data) => {
          const byDay = new Map(data.calendar.days.map((d) => [d.day, d]));
          const c = data.calendar.counts;
          return (
            <View>
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
                      const entry = byDay.get(day);
                      const status: DayStatus = entry?.status ?? (day > today ? 'upcoming' : 'missing');
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
                          <Text className="report-calendar__mark">
                            {waiting.includes(day) ? '待发送' : day === today ? '今天' : CALENDAR_LABELS[status]}
                          </Text>
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
                  <Text>填写今日日报</Text>
                </View>
              ) : null}
            </View>
          );
        }}
      </ResourceView>
    </View>
  );
}
