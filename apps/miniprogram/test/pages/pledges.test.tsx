import { shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import PledgeBoardPage, { boardOrder } from '../../src/subpackages/pledges/pages/board/index';
import BranchPledgesPage from '../../src/subpackages/pledges/pages/branch/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

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
