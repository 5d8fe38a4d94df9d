import { shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import PledgeBoardPage, { boardOrder } from '../../src/subpackages/pledges/pages/board/index';
import BranchPledgesPage from '../../src/subpackages/pledges/pages/branch/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi, type Reply } from '../support/fake-api';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const type = (target: Element, value: string) => fireEvent.change(target, { target: { value } });
const YEAR = Number(shanghaiDay().slice(0, 4));
const MONTH = shanghaiDay().slice(0, 7);
const branch = { level: 'branch' as const, districtId: 'erqi', townshipId: 'demo-gwh', branchId: 'yingtaogou' };
const as = (role: 'secretary' | 'cadre') =>
  sessionStore.setSession(
    makeSession({ me: makeMe({ bindings: [makeBinding({ bindingId: `b-${role}`, role, scope: branch, scopeLabel: '樱桃沟社区' })] }) }),
  );
const blank = {
  branchId: 'yingtaogou',
  branchName: '樱桃沟社区',
  townshipId: 'demo-gwh',
  stars: ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'],
  year: YEAR,
  version: 0,
  items: [],
  progress: [],
};
const published = {
  ...blank,
  version: 1,
  publishedAt: '2026-03-01T02:00:00.000Z',
  publishedByName: '张书记',
  items: [{ id: 'PLCHERRY01', star: 'industry', period: 'year', text: '樱桃冷库建成投用', measure: '冷库投用' }],
};

describe('亮承诺 · 赛实绩', () => {
  it('the secretary writes commitments; an empty one is caught here; 公开承诺 sends them with the version and shows the publication', async () => {
    as('secretary');
    router.params = { branchId: 'yingtaogou' };
    const server = fakeApi({
      [`GET /v1/branches/yingtaogou/pledges/${YEAR}`]: { status: 200, body: blank },
      [`PUT /v1/branches/yingtaogou/pledges/${YEAR}`]: (req) => ({
        status: 200,
        body: { ...published, items: (req.body as { items: unknown[] }).items },
      }),
    });
    render(<BranchPledgesPage />);
    expect(await screen.findByText('本年度还没有亮承诺')).toBeTruthy();
    expect(el('.cx-pledge-status').textContent).toBe('尚未公开承诺');
    fireEvent.click(el('.cx-pledge-edit'));

    fireEvent.click(el('.cx-pledge-publish'));
    expect(await screen.findByText('请写明承诺的事项')).toBeTruthy();
    expect(server.calls(`PUT /v1/branches/yingtaogou/pledges/${YEAR}`)).toHaveLength(0);

    fireEvent.click(all('.cx-pledge-star').find((c) => c.textContent?.includes('产业'))!);
    type(el('.cx-pledge-text'), '樱桃冷库建成投用');
    type(el('.cx-pledge-measure'), '冷库投用');
    fireEvent.click(el('.cx-pledge-publish'));
    await waitFor(() => expect(server.calls(`PUT /v1/branches/yingtaogou/pledges/${YEAR}`)).toHaveLength(1));
    const sent = server.calls(`PUT /v1/branches/yingtaogou/pledges/${YEAR}`)[0].body as {
      version: number;
      items: { star: string; text: string }[];
    };
    expect([sent.version, sent.items.map((i) => [i.star, i.text])]).toEqual([0, [['industry', '樱桃冷库建成投用']]]);
    await waitFor(() => expect(el('.cx-pledge-status').textContent).toContain('张书记'));
    expect(all('.cx-pledge-item')).toHaveLength(1);
  });

  it('a cadre sees no 亮承诺 button but reports the month, checked here first', async () => {
    as('cadre');
    router.params = { branchId: 'yingtaogou' };
    const server = fakeApi({
      [`GET /v1/branches/yingtaogou/pledges/${YEAR}`]: { status: 200, body: published },
      [`PUT /v1/branches/yingtaogou/pledges/${YEAR}/progress/${MONTH}/PLCHERRY01`]: (req) => ({
        status: 200,
        body: { itemId: 'PLCHERRY01', month: MONTH, ...(req.body as object), version: 1, at: '2026-11-20T02:00:00.000Z', byName: '李明' },
      }),
    });
    render(<BranchPledgesPage />);
    await waitFor(() => expect(all('.cx-pledge-item')).toHaveLength(1));
    expect(el('.cx-pledge-edit')).toBeNull();
    expect(el('.cx-pledge-latest').textContent).toBe('还没有填报实绩');

    type(el('.cx-pledge-percent'), '120');
    type(el('.cx-pledge-progress-text'), '冷库主体完工');
    fireEvent.click(el('.cx-pledge-progress-submit'));
    expect(await screen.findByText('不能大于 100')).toBeTruthy();
    type(el('.cx-pledge-percent'), '60');
    fireEvent.click(el('.cx-pledge-progress-submit'));
    await waitFor(() => expect(el('.cx-pledge-latest').textContent).toContain('完成 60% · 冷库主体完工（李明）'));
    const body = server.calls(`PUT /v1/branches/yingtaogou/pledges/${YEAR}/progress/${MONTH}/PLCHERRY01`)[0].body;
    expect(body).toEqual({ percent: 60, text: '冷库主体完工', version: 0 });
    // The same form now updates the month's entry.
    expect(el('.cx-pledge-progress-submit').textContent).toBe('更新本月实绩');
  });

  it('a stale publication (409) says so and asks for a refresh', async () => {
    as('secretary');
    router.params = { branchId: 'yingtaogou' };
    fakeApi({
      [`GET /v1/branches/yingtaogou/pledges/${YEAR}`]: { status: 200, body: published },
      [`PUT /v1/branches/yingtaogou/pledges/${YEAR}`]: errorReply(409, 'CONFLICT', '承诺已被他人修改，请刷新后再改'),
    });
    render(<BranchPledgesPage />);
    await waitFor(() => expect(el('.cx-pledge-edit')).toBeTruthy());
    fireEvent.click(el('.cx-pledge-edit'));
    fireEvent.click(el('.cx-pledge-publish'));
    await waitFor(() => expect(el('.cx-pledge-problem').textContent).toBe('承诺已被他人修改，请刷新后再改（请返回刷新）'));
  });
});

describe('亮赛比擂台', () => {
  const board = {
    township: { id: 'demo-gwh', name: '示例管委会' },
    month: MONTH,
    branches: [
      { branchId: 'b-low', branchName: '侯寨村', published: true, items: [], averagePercent: 20 },
      {
        branchId: 'yingtaogou',
        branchName: '樱桃沟社区',
        published: true,
        averagePercent: 60,
        items: [
          {
            id: 'PLCHERRY01',
            star: 'industry',
            period: 'year',
            text: '樱桃冷库建成投用',
            measure: '冷库投用',
            latest: { month: MONTH, percent: 60, text: '主体完工' },
            reportedThisMonth: true,
          },
        ],
      },
      { branchId: 'b-none', branchName: '尖岗村', published: false, items: [], averagePercent: 0 },
    ],
    appraisal: {},
  };

  it('orders the branches with commitments by average progress, marks the caller’s own, and lists the silent ones', async () => {
    expect(boardOrder(board as never).ranked.map((b) => b.branchId)).toEqual(['yingtaogou', 'b-low']);
    as('cadre');
    router.params = { townshipId: 'demo-gwh' };
    fakeApi({ [`GET /v1/townships/demo-gwh/pledge-board/${MONTH}`]: { status: 200, body: board } });
    render(<PledgeBoardPage />);
    await waitFor(() => expect(all('.cx-pledge-board-branch')).toHaveLength(2));
    const [first, second] = all('.cx-pledge-board-branch');
    expect([first.getAttribute('data-id'), first.className.includes('is-mine'), second.className.includes('is-mine')]).toEqual([
      'yingtaogou',
      true,
      false,
    ]);
    expect(first.querySelector('.cx-pledge-board-average')?.textContent).toBe('平均 60%');
    expect(el('.cx-pledge-board-item').textContent).toBe('产业兴旺星（全年）樱桃冷库建成投用：60%');
    expect(el('.cx-pledge-board-silent').textContent).toBe('未亮承诺（1）：尖岗村');
    fireEvent.click(first);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: `/subpackages/pledges/pages/branch/index?branchId=yingtaogou&year=${MONTH.slice(0, 4)}`,
    });
  });
});

describe('亮赛比擂台 · 比干劲', () => {
  const boardUrl = `GET /v1/townships/demo-gwh/pledge-board/${MONTH}`;
  const base = { township: { id: 'demo-gwh', name: '示例管委会' }, month: MONTH, branches: [] };
  const closed = {
    quarter: '2026-Q3',
    results: [
      { branchId: 'b-top', branchName: '侯寨村', score: 91.5, rank: 1 },
      { branchId: 'yingtaogou', branchName: '樱桃沟社区', score: 80, rank: 2 },
      { branchId: 'b-none', branchName: '尖岗村', score: null, rank: null },
    ],
  };
  const texts = (selector: string) => all(selector).map((e) => e.textContent);
  const staff = () =>
    sessionStore.setSession(
      makeSession({
        me: makeMe({
          bindings: [makeBinding({ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: ['demo-gwh'] } })],
        }),
      }),
    );

  it('shows the closed session’s totals and ranks, 无数据 for an unscored branch, the caller’s branch marked and a session under way', async () => {
    as('cadre');
    router.params = { townshipId: 'demo-gwh' };
    fakeApi({ [boardUrl]: { status: 200, body: { ...base, appraisal: { closed, running: { quarter: '2026-Q4', state: 'scoring' } } } } });
    render(<PledgeBoardPage />);
    await waitFor(() => expect(all('.cx-pledge-appraisal-row')).toHaveLength(3));
    expect(el('.cx-pledge-appraisal-quarter').textContent).toBe('2026年第三季度述职评议结果（加权总分，满分 100）');
    expect(texts('.cx-pledge-appraisal-rank')).toEqual(['第 1 名', '第 2 名', '无名次']);
    expect(texts('.cx-pledge-appraisal-score')).toEqual(['91.50 分', '80.00 分', '无数据']);
    const rows = all('.cx-pledge-appraisal-row');
    expect(rows.map((r) => [r.getAttribute('data-id'), r.className.includes('is-mine')])).toEqual([
      ['b-top', false],
      ['yingtaogou', true],
      ['b-none', false],
    ]);
    expect(rows[1].textContent).toContain('樱桃沟社区（本支部）');
    expect(el('.cx-pledge-appraisal-running').textContent).toBe('2026年第四季度述职评议正在评议打分，结束后在这里公布结果。');
    // A cadre cannot open the session itself: no link is offered.
    expect(el('.cx-pledge-appraisal-link')).toBeNull();
  });

  it('links the secretary to their branch’s own result and the township’s staff to every result', async () => {
    as('secretary');
    router.params = { townshipId: 'demo-gwh' };
    fakeApi({ [boardUrl]: { status: 200, body: { ...base, appraisal: { closed } } } });
    const first = render(<PledgeBoardPage />);
    await waitFor(() => expect(el('.cx-pledge-appraisal-link')).toBeTruthy());
    expect(el('.cx-pledge-appraisal-running')).toBeNull();
    fireEvent.click(el('.cx-pledge-appraisal-link'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/appraisals/pages/mine/index?townshipId=demo-gwh&quarter=2026-Q3&branchId=yingtaogou',
    });
    first.unmount();

    staff();
    render(<PledgeBoardPage />);
    await waitFor(() => expect(el('.cx-pledge-appraisal-link')).toBeTruthy());
    expect(all('.cx-pledge-appraisal-row').some((r) => r.className.includes('is-mine'))).toBe(false);
    fireEvent.click(el('.cx-pledge-appraisal-link'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/appraisals/pages/manage/index?townshipId=demo-gwh&quarter=2026-Q3',
    });
  });

  it('says when no session has closed yet, and when the township’s session is under way', async () => {
    as('secretary');
    router.params = { townshipId: 'demo-gwh' };
    fakeApi({ [boardUrl]: { status: 200, body: { ...base, appraisal: {} } } });
    const first = render(<PledgeBoardPage />);
    expect(await screen.findByText(/还没有结束的述职评议。乡镇（街道）组织评议并结束打分后，结果会显示在这里/)).toBeTruthy();
    expect([all('.cx-pledge-appraisal-row').length, el('.cx-pledge-appraisal-link')]).toEqual([0, null]);
    first.unmount();

    fakeApi({ [boardUrl]: { status: 200, body: { ...base, appraisal: { running: { quarter: '2026-Q4', state: 'open' } } } } });
    render(<PledgeBoardPage />);
    await waitFor(() =>
      expect(el('.cx-pledge-appraisal-running')?.textContent).toBe('2026年第四季度述职评议正在述职，结束后在这里公布结果。'),
    );
    expect(el('.cx-pledge-appraisal .cx-state--empty').textContent).toBe('本乡镇（街道）还没有结束的述职评议。');
  });

  it('shows loading, then the error with 重试, and the section once the retry succeeds', async () => {
    as('cadre');
    router.params = { townshipId: 'demo-gwh' };
    let answer: (r: Reply) => void = () => undefined;
    const server = fakeApi({
      [boardUrl]: [() => new Promise<Reply>((resolve) => (answer = resolve)), { status: 200, body: { ...base, appraisal: { closed } } }],
    });
    render(<PledgeBoardPage />);
    expect(await screen.findByText('加载中…')).toBeTruthy();
    expect(el('.cx-pledge-appraisal')).toBeNull();
    answer(errorReply(503, 'UNAVAILABLE', '服务暂时不可用'));
    await waitFor(() => expect(el('.cx-state__retry')).toBeTruthy());
    expect(el('.cx-pledge-appraisal')).toBeNull();
    fireEvent.click(el('.cx-state__retry'));
    await waitFor(() => expect(all('.cx-pledge-appraisal-row')).toHaveLength(3));
    expect(server.calls(boardUrl)).toHaveLength(2);
  });
});
