import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReportCalendarPage from '../../src/subpackages/reports/pages/calendar/index';
import { addMonths, monthOf, shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { router, taroMock } from '../mocks/taro';
import { makeBranch, makeMe, makeSession, secretaryBinding } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const BRANCH = { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } };
const RULES = { status: 200, body: { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' } };

function june() {
  const days = Array.from({ length: 30 }, (_, i) => `2025-06-${String(i + 1).padStart(2, '0')}`);
  const status = (d: string) => {
    if (d === '2025-06-02') return 'late' as const;
    if (d === '2025-06-03') return 'missing' as const;
    if (d === '2025-06-04') return 'exempt' as const;
    return 'on_time' as const;
  };
  return {
    status: 200,
    body: {
      branchId: 'jianxinnan',
      month: '2025-06',
      days: days.map((day) => ({ day, status: status(day), submittedAt: status(day) === 'on_time' ? `${day}T18:00:00+08:00` : undefined })),
      counts: { onTime: 27, late: 1, missing: 1, exempt: 1 },
    },
  };
}

describe('我的日报日历', () => {
  it('renders a Monday-first month grid coloured by status, with counts and a legend; a filed day opens its detail', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding()] }) }));
    router.params = { branchId: 'jianxinnan', month: '2025-06' };
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/calendar': june(),
    });

    const { container } = render(<ReportCalendarPage />);

    expect(await screen.findByText('2025年6月')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.cx-calendar-count--on_time')?.textContent).toBe('27已提交'));
    expect(container.querySelector('.cx-calendar-count--missing')?.textContent).toBe('1未提交');
    expect(server.calls('GET /v1/branches/jianxinnan/calendar')[0].url).toContain('month=2025-06');
    const weekdays = Array.from(container.querySelectorAll('.report-calendar__weekday')).map((w) => w.textContent);
    expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    // 2025-06-01 is a Sunday: six blanks before it.
    const firstWeek = container.querySelectorAll('.report-calendar__week')[1].children;
    expect(
      Array.from(firstWeek)
        .slice(0, 6)
        .every((c) => c.classList.contains('report-calendar__cell--blank')),
    ).toBe(true);
    const cell = (day: string) => container.querySelector(`[data-day="${day}"]`)!;
    expect(cell('2025-06-01').getAttribute('data-status')).toBe('on_time');
    expect(cell('2025-06-02').className).toContain('report-status--late');
    expect(cell('2025-06-03').className).toContain('report-status--missing');
    expect(cell('2025-06-04').className).toContain('report-status--exempt');
    const legend = Array.from(container.querySelectorAll('.report-calendar__legend-label')).map((l) => l.textContent);
    expect(legend).toEqual(['已提交', '迟交', '未提交', '免报', '未到']);

    fireEvent.click(cell('2025-06-02'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/reports/pages/detail/index?branchId=jianxinnan&day=2025-06-02' });
    fireEvent.click(cell('2025-06-03'));
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '当天未提交日报', icon: 'none' });
  });

  it('switches months; today opens the form for a filer', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding()] }) }));
    router.params = { branchId: 'jianxinnan' };
    const today = shanghaiDay();
    const month = monthOf(today);
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/calendar': (req) => ({
        status: 200,
        body: {
          branchId: 'jianxinnan',
          month: new URL(req.url).searchParams.get('month'),
          days: [{ day: today, status: 'missing' }],
          counts: { onTime: 0, late: 0, missing: 1, exempt: 0 },
        },
      }),
    });

    const { container } = render(<ReportCalendarPage />);
    await screen.findByText('今天');
    fireEvent.click(container.querySelector(`[data-day="${today}"]`)!);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/subpackages/reports/pages/edit/index?branchId=jianxinnan&day=${today}` });

    fireEvent.click(screen.getByText('‹ 上月'));
    await waitFor(() => expect(server.calls('GET /v1/branches/jianxinnan/calendar')).toHaveLength(2));
    const months = server.calls('GET /v1/branches/jianxinnan/calendar').map((r) => new URL(r.url).searchParams.get('month'));
    expect(months).toEqual([month, addMonths(month, -1)]);
  });
});
