import { addMonths, type LetterRates, type LetterStats, monthOf, shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import LetterStatsPage from '../../src/subpackages/mailbox/pages/stats/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeOrgTree, makeSession, residentMe, stationBinding } from '../support/factories';
import { errorReply, fakeApi, type SentRequest } from '../support/fake-api';

const admin = makeBinding({
  bindingId: 'b-adm',
  userId: 'u-admin',
  role: 'district_admin',
  scope: { level: 'district', districtId: 'erqi' },
  scopeLabel: '二七区',
});

function rates(c: Pick<LetterRates, 'received' | 'respondedInTime' | 'accepted' | 'replied' | 'rated' | 'satisfied'>): LetterRates {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    ...c,
    responseRate: ratio(c.respondedInTime, c.received),
    resolutionRate: ratio(c.replied, c.accepted),
    satisfactionRate: ratio(c.satisfied, c.rated),
  };
}

/** The server's order (by township, then branch); the page sorts by letters received. */
function stats(month: string): LetterStats {
  return {
    month,
    communities: [
      {
        branchId: 'quiet',
        name: '安静社区',
        townshipId: 'wulibao',
        rates: rates({ received: 0, respondedInTime: 0, accepted: 0, replied: 0, rated: 0, satisfied: 0 }),
      },
      {
        branchId: 'small',
        name: '建新南街社区',
        townshipId: 'wulibao',
        rates: rates({ received: 2, respondedInTime: 1, accepted: 1, replied: 1, rated: 1, satisfied: 0 }),
      },
      {
        branchId: 'busy',
        name: '长江路社区',
        townshipId: 'dehuajie',
        rates: rates({ received: 8, respondedInTime: 6, accepted: 6, replied: 3, rated: 3, satisfied: 2 }),
      },
    ],
  };
}

const rows = () => Array.from(document.querySelectorAll<HTMLElement>('.cx-stats-row'));
/** [percentage, counts] of each rate in a row or the totals, in the order 响应率, 解决率, 满意率. */
const ratesIn = (el: Element) =>
  Array.from(el.querySelectorAll<HTMLElement>('.cx-stats-rate')).map((r) => [
    r.dataset.kind,
    r.querySelector('.cx-stats-rate-value')?.textContent,
    r.querySelector('.cx-stats-rate-count')?.textContent,
  ]);
const queryOf = (req: SentRequest) => Object.fromEntries(new URL(req.url).searchParams);

describe('来信三率', () => {
  it('one row per community, most letters first, each rate with its percentage and counts; quiet communities greyed', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
    const month = monthOf(shanghaiDay());
    fakeApi({ 'GET /v1/org/tree': { status: 200, body: makeOrgTree() }, 'GET /v1/letters/stats': { status: 200, body: stats(month) } });

    render(<LetterStatsPage />);

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => r.querySelector('.stats-row__name')?.textContent)).toEqual(['长江路社区', '建新南街社区', '安静社区']);
    expect(ratesIn(rows()[0])).toEqual([
      ['response', '75%', '6/8'],
      ['resolution', '50%', '3/6'],
      ['satisfaction', '67%', '2/3'],
    ]);
    expect(ratesIn(rows()[1])).toEqual([
      ['response', '50%', '1/2'],
      ['resolution', '100%', '1/1'],
      ['satisfaction', '0%', '0/1'],
    ]);
    expect(rows()[0].textContent).toContain('收到 8 封');
    // Each row's bar is as long as its rate.
    expect((rows()[0].querySelector('.stats-bar__fill') as HTMLElement).style.width).toBe('75%');
    // No letters: greyed, no bars.
    expect(rows()[2].classList.contains('is-empty')).toBe(true);
    expect(rows()[2].textContent).toContain('本月暂无来信');
    expect(ratesIn(rows()[2])).toEqual([]);
    // Rows name their township when several are shown.
    expect(rows()[0].textContent).toContain('德化街街道');
    // Each rate explained under the header.
    expect(screen.getByText('已答复的来信 ÷ 已受理的来信', { exact: false })).toBeTruthy();
  });

  it('totals are recomputed from the summed counters, never averaged rates', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
    fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/letters/stats': { status: 200, body: stats(monthOf(shanghaiDay())) },
    });

    const { container } = render(<LetterStatsPage />);

    await waitFor(() => expect(container.querySelector('.cx-stats-total')).toBeTruthy());
    const total = container.querySelector('.cx-stats-total') as HTMLElement;
    expect(total.querySelector('.cx-stats-total-received')?.textContent).toBe('10');
    expect(total.textContent).toContain('3 个社区');
    // 7/10 = 70% (the average of 75% and 50% would be 63%); 4/7 = 57% (not 75%); 2/4 = 50% (not 33%).
    expect(ratesIn(total)).toEqual([
      ['response', '70%', '7/10'],
      ['resolution', '57%', '4/7'],
      ['satisfaction', '50%', '2/4'],
    ]);
  });

  it('the month switcher refetches with the new month; no months after this one', async () => {
    sessionStore.setSession(makeSession()); // township staff: no township filter
    const thisMonth = monthOf(shanghaiDay());
    const server = fakeApi({ 'GET /v1/letters/stats': (req) => ({ status: 200, body: stats(queryOf(req).month) }) });

    const { container } = render(<LetterStatsPage />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(queryOf(server.calls('GET /v1/letters/stats')[0])).toEqual({ month: thisMonth });
    expect(container.querySelector('.cx-stats-next')?.classList.contains('is-disabled')).toBe(true);
    fireEvent.click(container.querySelector('.cx-stats-next') as HTMLElement);
    expect(server.calls('GET /v1/letters/stats')).toHaveLength(1);

    fireEvent.click(container.querySelector('.cx-stats-prev') as HTMLElement);

    const previous = addMonths(thisMonth, -1);
    await waitFor(() => expect(server.calls('GET /v1/letters/stats')).toHaveLength(2));
    expect(queryOf(server.calls('GET /v1/letters/stats')[1])).toEqual({ month: previous });
    expect(container.querySelector('.cx-stats-month')?.textContent).toBe(`${previous.slice(0, 4)}年${Number(previous.slice(5, 7))}月`);
    expect(container.querySelector('.cx-stats-next')?.classList.contains('is-disabled')).toBe(false);
    expect(container.querySelector('.cx-stats-township-filter')).toBeNull();
    expect(server.calls('GET /v1/org/tree')).toHaveLength(0);
  });

  it('opens on the linked month and township', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
    router.params = { month: '2025-03', townshipId: 'dehuajie' };
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/letters/stats': { status: 200, body: stats('2025-03') },
    });

    const { container } = render(<LetterStatsPage />);

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(queryOf(server.calls('GET /v1/letters/stats')[0])).toEqual({ month: '2025-03', townshipId: 'dehuajie' });
    expect(container.querySelector('.cx-stats-month')?.textContent).toBe('2025年3月');
    await waitFor(() => expect(container.querySelector('.cx-stats-township-filter')?.textContent).toContain('德化街街道'));
  });

  it('district-wide callers narrow to a township with chips from the org tree; the month is kept', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
    const thisMonth = monthOf(shanghaiDay());
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/letters/stats': (req) => {
        const all = stats(queryOf(req).month);
        const townshipId = queryOf(req).townshipId;
        return {
          status: 200,
          body: townshipId ? { ...all, communities: all.communities.filter((c) => c.townshipId === townshipId) } : all,
        };
      },
    });

    const { container } = render(<LetterStatsPage />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(await waitFor(() => container.querySelector('.cx-stats-township-filter') as HTMLElement));
    const chips = Array.from(container.querySelectorAll<HTMLElement>('.cx-stats-township'));
    expect(chips.map((c) => c.textContent)).toEqual(['✓全部', '五里堡街道', '德化街街道', '侯寨乡']);
    fireEvent.click(chips[2]);

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(queryOf(server.calls('GET /v1/letters/stats')[1])).toEqual({ month: thisMonth, townshipId: 'dehuajie' });
    const total = container.querySelector('.cx-stats-total') as HTMLElement;
    expect(total.textContent).toContain('德化街街道合计');
    expect(ratesIn(total)[0]).toEqual(['response', '75%', '6/8']);
    // One township shown: rows do not repeat its name.
    expect(rows()[0].querySelector('.stats-row__township')).toBeNull();
  });

  it('廉情来信统计 (kind=integrity): 纪检监察 read their own tally from the integrity route, never the communities’ 三率', async () => {
    const discipline = makeBinding({ role: 'discipline', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [discipline] }) }));
    router.params = { kind: 'integrity' };
    const month = monthOf(shanghaiDay());
    const tally = { month, communities: [stats(month).communities[1]] };
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/letters/integrity-stats': { status: 200, body: tally },
    });

    const { container } = render(<LetterStatsPage />);

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(queryOf(server.calls('GET /v1/letters/integrity-stats')[0])).toEqual({ month });
    expect(server.calls('GET /v1/letters/stats')).toHaveLength(0);
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '廉情来信统计' });
    expect(container.querySelector('.cx-stats-integrity-note')?.textContent).toContain('不计入所涉社区的三率');
    // District-wide 纪检监察 narrow it by township too.
    await waitFor(() => expect(container.querySelector('.cx-stats-township-filter')).toBeTruthy());
  });

  it('廉情来信统计 is refused to everyone but 纪检监察 (the 督导员 included), without asking the server', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
    router.params = { kind: 'integrity' };
    const server = fakeApi({});

    const { container, unmount } = render(<LetterStatsPage />);

    await waitFor(() => expect(container.textContent).toContain('廉情来信统计仅对纪检监察开放'));
    expect(server.calls('GET /v1/letters/integrity-stats')).toHaveLength(0);
    unmount();

    const inspector = makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [inspector] }) }));
    const again = render(<LetterStatsPage />);
    await waitFor(() => expect(again.container.textContent).toContain('廉情来信统计仅对纪检监察开放'));
    expect(server.calls('GET /v1/letters/integrity-stats')).toHaveLength(0);
  });

  it('station handler: 本社区三率, no township filter', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
    const month = monthOf(shanghaiDay());
    const own = { month, communities: [stats(month).communities[1]] };
    const server = fakeApi({ 'GET /v1/letters/stats': { status: 200, body: own } });

    const { container } = render(<LetterStatsPage />);

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0].textContent).toContain('建新南街社区');
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '本社区三率' });
    expect(container.querySelector('.cx-stats-township-filter')).toBeNull();
    expect(server.calls('GET /v1/org/tree')).toHaveLength(0);
  });

  it('a failed load shows the server’s message and 重试', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/letters/stats': [
        errorReply(503, 'INTERNAL', '服务暂时不可用，请稍后再试'),
        { status: 200, body: stats(monthOf(shanghaiDay())) },
      ],
    });

    render(<LetterStatsPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(server.calls('GET /v1/letters/stats')).toHaveLength(2);
  });

  it('no communities: says so', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/letters/stats': { status: 200, body: { month: monthOf(shanghaiDay()), communities: [] } } });

    render(<LetterStatsPage />);

    expect(await screen.findByText('没有可以统计的社区')).toBeTruthy();
  });

  it('residents are asked to bind; other officials are told who may look; no request is made', () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({});
    const { unmount } = render(<LetterStatsPage />);
    expect(screen.getByText('来信三率仅对党务工作人员开放。干部和工作人员请先绑定身份。')).toBeTruthy();
    unmount();

    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'inspector' })] }) }));
    render(<LetterStatsPage />);
    expect(screen.getByText('只有民情气象站接待员、乡镇（街道）工作人员、县级领导和区委组织部管理员可以查看来信三率。')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});
