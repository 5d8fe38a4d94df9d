import type { ReviewBoard, ReviewItem, TownshipReviewSummary } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReviewBoardPage from '../../src/subpackages/study-review/pages/board/index';
import ReviewSummaryPage from '../../src/subpackages/study-review/pages/summary/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeOrgTree, makeSession, makeTownship, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const BOARD_PATH = '/v1/branches/jianxinnan/reviews/2026-03';
const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const type = (selector: string, value: string) => fireEvent.change(el(selector), { target: { value } });

function makeItem(partial: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: 'k1carried00000001',
    branchId: 'jianxinnan',
    period: '2026-02',
    list: 'difficulty',
    text: '樱桃冷库用电不稳',
    owner: '李明',
    due: '2026-02-28',
    status: 'open',
    version: 1,
    createdAt: '2026-02-10T02:00:00.000Z',
    updatedAt: '2026-02-10T02:00:00.000Z',
    history: [{ action: 'created', status: 'open', at: '2026-02-10T02:00:00.000Z', byName: '李明' }],
    carried: true,
    overdue: true,
    ...partial,
  };
}
const board = (items: ReviewItem[]): { status: number; body: ReviewBoard } => ({
  status: 200,
  body: { branchId: 'jianxinnan', branchName: '建新南街社区', townshipId: 'wulibao', month: '2026-03', items },
});
const asSecretary = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));

describe('学讲评 lists', () => {
  it('the branch’s secretary sees the four lists with 往期 and overdue items, adds an item and finishes one with a note', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan', month: '2026-03' };
    const server = fakeApi({
      [`GET ${BOARD_PATH}`]: board([makeItem()]),
      [`POST ${BOARD_PATH}/items`]: (req) => ({
        status: 201,
        body: makeItem({ ...(req.body as object), period: '2026-03', carried: false, overdue: false, due: undefined }),
      }),
      'POST /v1/branches/jianxinnan/review-items/k1carried00000001/actions': (req) => ({
        status: 200,
        body: makeItem({
          status: 'done',
          version: 2,
          doneNote: (req.body as { note: string }).note,
          doneDay: '2026-03-05',
          overdue: false,
          carried: false,
        }),
      }),
    });

    render(<ReviewBoardPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-review-list')).toHaveLength(4));
    expect(el('.cx-review-month-label').textContent).toBe('2026 年 3 月');
    const carried = el('.cx-review-item[data-id="k1carried00000001"]');
    expect(carried.className).toContain('is-overdue');
    expect(carried.querySelector('.cx-review-carried')?.textContent).toBe('往期 · 2026 年 2 月');
    expect(el('.cx-review-list[data-list="problem"] .cx-review-list-empty')).toBeTruthy();

    // Add to 问题清单: checked locally first, then sent with a phone-made id.
    fireEvent.click(el('.cx-review-add-open[data-list="problem"]'));
    fireEvent.click(el('.cx-review-add[data-list="problem"] .cx-review-add-submit'));
    expect(await screen.findByText('请填写内容')).toBeTruthy();
    expect(server.calls(`POST ${BOARD_PATH}/items`)).toHaveLength(0);
    type('.cx-review-add[data-list="problem"] .cx-review-add-text textarea', '党员会议到会率低');
    type('.cx-review-add[data-list="problem"] .cx-review-add-owner input', '张书记');
    fireEvent.click(el('.cx-review-add[data-list="problem"] .cx-review-add-submit'));
    await waitFor(() => expect(server.calls(`POST ${BOARD_PATH}/items`)).toHaveLength(1));
    const sent = server.calls(`POST ${BOARD_PATH}/items`)[0].body as { id: string; list: string; text: string; owner: string };
    expect(sent).toMatchObject({ list: 'problem', text: '党员会议到会率低', owner: '张书记' });
    expect(sent.id).toMatch(/^[0-9a-z]{16,32}$/);
    await waitFor(() => expect(el('.cx-review-list[data-list="problem"] .cx-review-item-text')?.textContent).toBe('党员会议到会率低'));

    // 标为已解决 needs a note.
    fireEvent.click(carried.querySelector('.cx-review-action-done') as HTMLElement);
    fireEvent.click(el('.cx-review-item[data-id="k1carried00000001"] .cx-review-action-confirm'));
    expect(await screen.findByText('怎么解决的不能为空')).toBeTruthy();
    type('.cx-review-item[data-id="k1carried00000001"] .cx-review-action-note textarea', '专用变压器已接通');
    fireEvent.click(el('.cx-review-item[data-id="k1carried00000001"] .cx-review-action-confirm'));
    await waitFor(() => expect(el('.cx-review-item[data-id="k1carried00000001"]').dataset.status).toBe('done'));
    expect(server.calls('POST /v1/branches/jianxinnan/review-items/k1carried00000001/actions')[0].body).toEqual({
      action: 'done',
      version: 1,
      note: '专用变压器已接通',
    });
    expect(el('.cx-review-item[data-id="k1carried00000001"] .cx-review-done-note').textContent).toContain('专用变压器已接通');
    // Done in March, listed in February: still 往期 on the March view.
    expect(el('.cx-review-item[data-id="k1carried00000001"] .cx-review-carried')).toBeTruthy();
  });

  it('a stale version reloads with a notice; township staff read without controls; 403 shows the error view', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan', month: '2026-03' };
    const server = fakeApi({
      [`GET ${BOARD_PATH}`]: [board([makeItem()]), board([makeItem({ status: 'in_progress', version: 2 })])],
      'POST /v1/branches/jianxinnan/review-items/k1carried00000001/actions': errorReply(
        409,
        'CONFLICT',
        '这一条已被他人修改，请刷新后重试',
      ),
    });
    const { unmount } = render(<ReviewBoardPage />);
    await waitFor(() => expect(el('.cx-review-action-start')).toBeTruthy());
    fireEvent.click(el('.cx-review-action-start'));
    fireEvent.click(el('.cx-review-action-confirm'));
    expect(await screen.findByText('这一条已被他人修改，已刷新为最新内容')).toBeTruthy();
    await waitFor(() => expect(el('.cx-review-item').dataset.status).toBe('in_progress'));
    expect(server.calls(`GET ${BOARD_PATH}`)).toHaveLength(2);
    unmount();

    sessionStore.setSession(makeSession({ me: makeMe() })); // township staff of 五里堡街道
    fakeApi({ [`GET ${BOARD_PATH}`]: board([makeItem()]) });
    const staff = render(<ReviewBoardPage />);
    await waitFor(() => expect(el('.cx-review-item')).toBeTruthy());
    expect(document.querySelectorAll('.cx-review-add-open, .cx-review-action-start, .cx-review-action-done')).toHaveLength(0);
    staff.unmount();

    fakeApi({ [`GET ${BOARD_PATH}`]: errorReply(403, 'FORBIDDEN_SCOPE', '超出您的管辖范围') });
    render(<ReviewBoardPage />);
    expect(await screen.findByText('无权查看或不存在')).toBeTruthy();
  });

  it('the township summary: open / done per list, overdue items, and each branch opens its lists', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { townshipId: 'wulibao', month: '2026-03' };
    const counts = (open: number, done: number) => ({ open, done });
    const summary: TownshipReviewSummary = {
      township: { id: 'wulibao', name: '五里堡街道' },
      month: '2026-03',
      branches: [
        {
          branchId: 'jianxinnan',
          branchName: '建新南街社区',
          lists: { difficulty: counts(1, 0), problem: counts(0, 2), solution: counts(1, 1), measure: counts(0, 0) },
          overdue: [{ id: 'k1carried00000001', list: 'difficulty', text: '樱桃冷库用电不稳', owner: '李明', due: '2026-02-28' }],
        },
        {
          branchId: 'b2',
          branchName: '大学路社区',
          lists: { difficulty: counts(0, 0), problem: counts(0, 0), solution: counts(0, 0), measure: counts(0, 0) },
          overdue: [],
        },
      ],
    };
    fakeApi({ 'GET /v1/townships/wulibao/reviews/2026-03': { status: 200, body: summary } });
    render(<ReviewSummaryPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-review-summary-branch')).toHaveLength(2));
    expect(el('.cx-review-totals').textContent).toContain('逾期未解决：1 条');
    const row = el('.cx-review-summary-branch[data-id="jianxinnan"]');
    expect(row.querySelector('.cx-review-summary-count[data-list="problem"]')?.textContent).toBe('问题0 / 2');
    expect(row.querySelector('.cx-review-overdue-item')?.textContent).toContain('2026-02-28 到期 · 困难清单 · 樱桃冷库用电不稳');
    fireEvent.click(row);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/study-review/pages/board/index?branchId=jianxinnan&month=2026-03',
    });
  });

  it('without a township: a leader picks one of the townships in reach; an empty township says so', async () => {
    sessionStore.setSession(
      makeSession({
        me: makeMe({
          bindings: [
            makeBinding({ role: 'leader', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] } }),
          ],
        }),
      }),
    );
    router.params = { month: '2026-03' };
    const server = fakeApi({
      'GET /v1/org/tree': {
        status: 200,
        body: makeOrgTree({ townships: [makeTownship(), makeTownship({ id: 'dehuajie', name: '德化街街道' })] }),
      },
      'GET /v1/townships/dehuajie/reviews/2026-03': {
        status: 200,
        body: { township: { id: 'dehuajie', name: '德化街街道' }, month: '2026-03', branches: [] },
      },
    });
    render(<ReviewSummaryPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-review-township-option')).toHaveLength(2));
    fireEvent.click(el('.cx-review-township-option[data-id="dehuajie"]'));
    expect(await screen.findByText('这个乡镇（街道）还没有支部')).toBeTruthy();
    expect(server.calls('GET /v1/townships/dehuajie/reviews/2026-03')).toHaveLength(1);
  });
});
