import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import RankingListPage from '../../src/subpackages/rankings/pages/list/index';
import { addQuarters } from '../../src/subpackages/rankings/services/quarter';
import { taroMock } from '../mocks/taro';
import { errorReply, fakeApi } from '../support/fake-api';
import { all, asAdmin, asLeader, el, Q, ranking, row, starMap } from '../support/ranking-fixtures';

describe('季度排名', () => {
  it('a leader: his townships as filter chips, the rows with rank, stars, total and change; filters and 加载更多 page through the server', async () => {
    asLeader();
    const page1 = Array.from({ length: 20 }, (_, i) => row(i + 1));
    const server = fakeApi({
      [`GET /v1/rankings/${Q}/star-map`]: { status: 200, body: starMap() },
      [`GET /v1/rankings/${Q}`]: (req) => {
        const q = new URL(req.url).searchParams;
        if (q.get('townshipId') === 'dehuajie')
          return {
            status: 200,
            body: ranking([
              row(3, { branchId: 'dehuajie-b1', branchName: '德化社区', townshipId: 'dehuajie', townshipName: '德化街街道' }),
            ]),
          };
        if (q.get('offset') === '20') return { status: 200, body: ranking([row(21), row(22)], 22, 20) };
        return { status: 200, body: ranking(page1, 22) };
      },
    });

    render(<RankingListPage />);
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(20));
    expect(el('.cx-ranking-quarter').getAttribute('data-quarter')).toBe(Q);
    const first = all('.cx-ranking-row')[0];
    expect(first.querySelector('.cx-ranking-rank')?.textContent).toBe('2');
    expect(first.querySelector('.cx-ranking-branch')?.textContent).toBe('社区1');
    expect(first.querySelector('.cx-ranking-township')?.textContent).toBe('五里堡街道');
    expect(first.querySelector('.cx-ranking-stars')?.textContent).toBe('★★★☆☆');
    expect(first.querySelector('.cx-ranking-total')?.textContent).toBe('79.0');
    expect(first.querySelector('.cx-ranking-delta')?.textContent).toBe('↑3.3');
    expect(all('.cx-ranking-row')[1].querySelector('.cx-ranking-delta')?.getAttribute('data-kind')).toBe('down');
    expect(all('.cx-ranking-row')[2].querySelector('.cx-ranking-delta')?.textContent).toBe('新上榜');
    expect(el('.cx-ranking-matched').textContent).toContain('共 22 个支部');

    // 加载更多 asks for the next page and appends it.
    fireEvent.click(el('.cx-ranking-more'));
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(22));
    expect(new URL(server.calls(`GET /v1/rankings/${Q}`)[1].url).searchParams.get('limit')).toBe('20');
    expect(el('.cx-ranking-more')).toBeNull();
    expect(screen.getByText('已显示全部')).toBeTruthy();

    // Only the townships the server shows him.
    await waitFor(() => expect(all('.cx-ranking-filter-township').map((c) => c.textContent)).toEqual(['全部', '五里堡街道', '德化街街道']));
    fireEvent.click(all('.cx-ranking-filter-township')[2]);
    await waitFor(() => expect(all('.cx-ranking-row').map((r) => r.getAttribute('data-township'))).toEqual(['dehuajie']));
    fireEvent.click(all('.cx-ranking-filter-type').find((c) => c.textContent === '社区')!);
    await waitFor(() => expect(server.calls(`GET /v1/rankings/${Q}`)).toHaveLength(4));
    const last = new URL(server.calls(`GET /v1/rankings/${Q}`)[3].url).searchParams;
    expect([last.get('townshipId'), last.get('branchType'), last.get('offset')]).toEqual(['dehuajie', 'community', '0']);

    // Tap → the branch's scorecard in this quarter.
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(1));
    fireEvent.click(all('.cx-ranking-row')[0]);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: `/subpackages/rankings/pages/scorecard/index?quarter=${Q}&branchId=dehuajie-b1`,
    });
  });

  it('without ?quarter= a leader lands on the latest published quarter, not on the unpublished current one', async () => {
    asLeader();
    const last = addQuarters(Q, -1);
    const server = fakeApi({
      'GET /v1/rankings': { status: 200, body: { quarters: [{ quarter: last, version: 1, publishedAt: '2026-10-02T02:00:00.000Z' }] } },
      [`GET /v1/rankings/${last}/star-map`]: { status: 200, body: starMap() },
      [`GET /v1/rankings/${last}`]: { status: 200, body: ranking([row(1)], 1) },
    });

    render(<RankingListPage />);
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(1));
    expect(el('.cx-ranking-quarter').getAttribute('data-quarter')).toBe(last);
    expect(server.calls(`GET /v1/rankings/${Q}`)).toHaveLength(0);
    expect(screen.queryByText(/尚未发布/)).toBeNull();
  });

  it('nothing published: 本季度排名尚未发布; a district admin is sent to 评比管理; the previous quarter is one tap away', async () => {
    asAdmin();
    const server = fakeApi({
      [`GET /v1/rankings/${Q}`]: errorReply(404, 'NOT_FOUND', '本季度已发布的排名不存在'),
      [`GET /v1/rankings/${Q}/star-map`]: errorReply(404, 'NOT_FOUND', '本季度已发布的排名不存在'),
    });

    render(<RankingListPage />);
    expect(await screen.findByText('本季度排名尚未发布，可在评比管理中计算、审核后发布')).toBeTruthy();
    fireEvent.click(el('.cx-ranking-go-review'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: `/subpackages/rankings/pages/review/index?quarter=${Q}` });
    expect(el('.cx-ranking-next').className).toContain('is-disabled');
    fireEvent.click(el('.cx-ranking-prev'));
    await waitFor(() =>
      expect(server.sent.some((r) => r.path !== `/v1/rankings/${Q}` && /\/v1\/rankings\/\d{4}-Q[1-4]$/.test(r.path))).toBe(true),
    );
  });

  it('a leader without anything published sees the empty state without the admin button; a resident is asked to bind', async () => {
    asLeader();
    fakeApi({
      [`GET /v1/rankings/${Q}`]: errorReply(404, 'NOT_FOUND', 'x'),
      [`GET /v1/rankings/${Q}/star-map`]: errorReply(404, 'NOT_FOUND', 'x'),
    });
    render(<RankingListPage />);
    expect(await screen.findByText('本季度排名尚未发布，发布后即可查看')).toBeTruthy();
    expect(el('.cx-ranking-go-review')).toBeNull();
  });

  it('other failures show the server’s message with 重试', async () => {
    asLeader();
    fakeApi({
      [`GET /v1/rankings/${Q}`]: [errorReply(500, 'INTERNAL', '服务暂时不可用'), { status: 200, body: ranking([row(1)]) }],
      [`GET /v1/rankings/${Q}/star-map`]: { status: 200, body: starMap() },
    });
    render(<RankingListPage />);
    fireEvent.click(await screen.findByText('重试'));
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(1));
  });
});
