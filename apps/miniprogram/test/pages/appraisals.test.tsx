import type { AppraisalSession } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shortcutsFor } from '../../src/pages/index/shortcuts';
import { sessionStore } from '../../src/services/session-store';
import { addQuarters, quarterLabel, readSheet } from '../../src/subpackages/appraisals/appraisal-helpers';
import AppraisalEditPage from '../../src/subpackages/appraisals/pages/edit/index';
import AppraisalManagePage from '../../src/subpackages/appraisals/pages/manage/index';
import AppraisalMinePage from '../../src/subpackages/appraisals/pages/mine/index';
import AppraisalRedeemPage from '../../src/subpackages/appraisals/pages/redeem/index';
import AppraisalScorePage from '../../src/subpackages/appraisals/pages/score/index';
import AppraisalSessionsPage from '../../src/subpackages/appraisals/pages/sessions/index';
import { router, taroMock } from '../mocks/taro';
import { makeMe, makeSession, residentMe, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const type = (input: Element | null, value: string) => fireEvent.change(input as HTMLInputElement, { target: { value } });
const PATH = '/v1/townships/wulibao/appraisals/2026-Q4';

function makeAppraisal(partial: Partial<AppraisalSession> = {}): AppraisalSession {
  return {
    townshipId: 'wulibao',
    quarter: '2026-Q4',
    date: '2026-12-20',
    state: 'draft',
    version: 1,
    items: [
      { id: 'duty', name: '履职尽责', maxPoints: 30 },
      { id: 'results', name: '创星实绩', maxPoints: 40 },
    ],
    weights: { committee: 50, secretaries: 30, residents: 20 },
    residentSeats: 2,
    branches: [
      { branchId: 'jianxinnan', branchName: '建新南街社区', report: { text: '本季度完成了三项重点任务。', version: 1 } },
      { branchId: 'heping', branchName: '和平社区' },
      { branchId: 'xingfu', branchName: '幸福社区' },
    ],
    me: { group: null, sheets: [], toScore: 0 },
    ...partial,
  };
}

describe('述职评议 pages', () => {
  it('home: township staff open their township’s sessions, a secretary theirs with the branch', () => {
    expect(shortcutsFor(makeMe()).find((c) => c.title === '述职评议')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/appraisals/pages/sessions/index?townshipId=wulibao',
    });
    const secretary = shortcutsFor(makeMe({ bindings: [secretaryBinding('jianxinnan')] }));
    expect(secretary.filter((c) => c.title === '述职评议').map((c) => c.target)).toEqual([
      { kind: 'page', url: '/subpackages/appraisals/pages/sessions/index?townshipId=wulibao&branchId=jianxinnan' },
    ]);
    expect(shortcutsFor(residentMe()).some((c) => c.title === '述职评议')).toBe(false);
  });

  it('helpers: quarter labels and steps, and a sheet read item by item', () => {
    expect([quarterLabel('2026-Q4'), addQuarters('2026-Q4', 1), addQuarters('2026-Q1', -1)]).toEqual([
      '2026年第四季度',
      '2027-Q1',
      '2025-Q4',
    ]);
    const items = makeAppraisal().items;
    expect(readSheet(items, { duty: '30', results: '41' })).toEqual({ scores: { duty: 30 }, problems: { results: '应在 0–40 分之间' } });
    expect(readSheet(items, { duty: '', results: '2.5' }).problems).toEqual({ duty: '请打分', results: '请填写整数' });
  });

  it('staff: the list shows each quarter with its state; a staff card opens the session for organisers', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { townshipId: 'wulibao' };
    fakeApi({
      'GET /v1/townships/wulibao/appraisals': {
        status: 200,
        body: { sessions: [{ quarter: '2026-Q3', date: '2026-09-20', state: 'closed' }] },
      },
    });
    render(<AppraisalSessionsPage />);
    await waitFor(() => expect(all('.cx-appr-session')).toHaveLength(1));
    expect(el('.cx-appr-session .cx-appr-state').textContent).toBe('已结束');
    expect(el('.cx-appr-new')).toBeTruthy();
    fireEvent.click(el('.cx-appr-session'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/subpackages/appraisals/pages/manage/index?townshipId=wulibao&quarter=2026-Q3' }),
    );
  });

  it('staff creates a draft: a weight sum off 100 is caught locally, a server field error shows on its item, then it saves', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { townshipId: 'wulibao', quarter: '2026-Q4' };
    const server = fakeApi({
      [`GET ${PATH}`]: errorReply(404, 'NOT_FOUND', '无权查看或不存在'),
      [`PUT ${PATH}`]: [
        {
          status: 400,
          body: {
            code: 'VALIDATION_FAILED',
            message: '请求参数不正确',
            details: [{ path: 'body.items.2.name', message: '评分项名称含有不允许的字符' }],
          },
        },
        { status: 200, body: makeAppraisal() },
      ],
    });
    render(<AppraisalEditPage />);
    await waitFor(() => expect(all('.cx-appr-item')).toHaveLength(3));
    // The defaults: three items, 50/30/20.
    expect((el('.cx-appr-item[data-item="results"] .cx-appr-item-points input') as HTMLInputElement).value).toBe('40');
    type(el('.cx-appr-weight[data-group="committee"] input'), '60');
    fireEvent.click(el('.cx-appr-save'));
    expect(await screen.findByText('三类评议人权重之和应为 100（现为 110）')).toBeTruthy();
    expect(server.calls(`PUT ${PATH}`)).toHaveLength(0);

    type(el('.cx-appr-weight[data-group="committee"] input'), '50');
    fireEvent.click(el('.cx-appr-item-add'));
    type(el('.cx-appr-item[data-item="item-4"] .cx-appr-item-name input'), '群众口碑');
    fireEvent.click(el('.cx-appr-item[data-item="conduct"] .cx-appr-item-remove'));
    fireEvent.click(el('.cx-appr-save'));
    await waitFor(() => expect(el('.cx-appr-item[data-item="item-4"] .cx-appr-error')?.textContent).toBe('评分项名称含有不允许的字符'));
    expect(taroMock.redirectTo).not.toHaveBeenCalled();

    fireEvent.click(el('.cx-appr-save'));
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalled());
    const sent = server.calls(`PUT ${PATH}`);
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toMatchObject({
      items: [
        { id: 'duty', name: '履职尽责', maxPoints: 30 },
        { id: 'results', name: '创星实绩', maxPoints: 40 },
        { id: 'item-4', name: '群众口碑', maxPoints: 10 },
      ],
      weights: { committee: 50, secretaries: 30, residents: 20 },
      residentSeats: 5,
      version: 0,
    });
    expect(taroMock.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/subpackages/appraisals/pages/manage/index?townshipId=wulibao&quarter=2026-Q4' }),
    );
  });

  it('staff move it on: 开始评分 at once; 结束评分 asks first, and a cancel sends nothing; then the results table', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { townshipId: 'wulibao', quarter: '2026-Q4' };
    const open = makeAppraisal({
      state: 'open',
      version: 2,
      seats: [
        { code: 'ABCD2345', redeemed: true },
        { code: 'WXYZ6789', redeemed: false },
      ],
    });
    const scoring = makeAppraisal({
      state: 'scoring',
      version: 3,
      me: { group: 'committee', sheets: [], toScore: 3 },
      progress: [
        { branchId: 'jianxinnan', committee: 1, secretaries: 2, residents: 0 },
        { branchId: 'heping', committee: 0, secretaries: 1, residents: 1 },
        { branchId: 'xingfu', committee: 0, secretaries: 0, residents: 0 },
      ],
    });
    const closed = makeAppraisal({
      state: 'closed',
      version: 4,
      results: [
        {
          branchId: 'xingfu',
          branchName: '幸福社区',
          score: null,
          rank: null,
          groups: { committee: null, secretaries: null, residents: null },
          appliedWeights: { committee: 0, secretaries: 0, residents: 0 },
          sheetCount: 0,
        },
        {
          branchId: 'jianxinnan',
          branchName: '建新南街社区',
          score: 86.25,
          rank: 1,
          groups: { committee: 90, secretaries: 80, residents: null },
          appliedWeights: { committee: 62, secretaries: 38, residents: 0 },
          sheetCount: 3,
        },
      ],
    });
    const server = fakeApi({
      [`GET ${PATH}`]: { status: 200, body: open },
      [`POST ${PATH}/transition`]: [
        { status: 200, body: scoring },
        { status: 200, body: closed },
      ],
    });
    render(<AppraisalManagePage />);
    await waitFor(() => expect(el('.cx-appr-next')?.textContent).toBe('开始评分'));
    expect(all('.cx-appr-code').map((c) => c.textContent)).toEqual(['ABCD2345（已用）', 'WXYZ6789']);
    fireEvent.click(el('.cx-appr-next'));
    await waitFor(() => expect(el('.cx-appr-next')?.textContent).toBe('结束评分'));
    expect(taroMock.showModal).not.toHaveBeenCalled();
    expect(server.calls(`POST ${PATH}/transition`)[0].body).toEqual({ to: 'scoring', version: 2 });
    // Counts per branch and group, nothing about who.
    expect(all('.cx-appr-progress-row[data-branch="jianxinnan"] [data-group]').map((c) => [c.dataset.group, c.textContent])).toEqual([
      ['committee', '1 份'],
      ['secretaries', '2 份'],
      ['residents', '0 份'],
    ]);

    taroMock.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
    fireEvent.click(el('.cx-appr-next'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '结束评分' })));
    expect(server.calls(`POST ${PATH}/transition`)).toHaveLength(1);

    fireEvent.click(el('.cx-appr-next'));
    await waitFor(() => expect(el('.cx-appr-results')).toBeTruthy());
    expect(server.calls(`POST ${PATH}/transition`)[1].body).toEqual({ to: 'closed', version: 3 });
    expect(el('.cx-appr-next')).toBeNull();
    const rows = all('.cx-appr-result');
    expect(rows.map((r) => r.dataset.branch)).toEqual(['jianxinnan', 'xingfu']);
    expect(rows.map((r) => r.querySelector('.cx-appr-score')?.textContent)).toEqual(['86.25', '无数据']);
    expect(rows[0].querySelector('.cx-appr-groups')?.textContent).toContain('书记互评 80.00（权重 38%）');
    expect(rows[0].querySelector('.cx-appr-groups')?.textContent).toContain('居民代表 无数据（权重 0%）');
  });

  it('a secretary scores the other branches: an out-of-range value is refused locally, then the sheet goes with its version', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));
    router.params = { townshipId: 'wulibao', quarter: '2026-Q4' };
    const session = makeAppraisal({
      state: 'scoring',
      version: 3,
      me: {
        group: 'secretaries',
        ownBranchId: 'jianxinnan',
        sheets: [{ branchId: 'xingfu', scores: { duty: 20, results: 30 }, version: 1 }],
        toScore: 2,
      },
    });
    const server = fakeApi({
      [`GET ${PATH}`]: { status: 200, body: session },
      [`PUT ${PATH}/sheets/heping`]: (req) => ({
        status: 200,
        body: {
          ...session,
          me: {
            ...session.me,
            sheets: [
              ...session.me.sheets,
              { branchId: 'heping', scores: (req.body as { scores: Record<string, number> }).scores, version: 1 },
            ],
          },
        },
      }),
    });
    render(<AppraisalScorePage />);
    await waitFor(() => expect(all('.cx-appr-sheet')).toHaveLength(2));
    // Their own branch is not offered.
    expect(all('.cx-appr-sheet').map((s) => s.dataset.branch)).toEqual(['heping', 'xingfu']);
    expect(el('.cx-appr-my-progress').textContent).toBe('已评 1/2 个支部');
    const heping = el('.cx-appr-sheet[data-branch="heping"]');
    type(heping.querySelector('.cx-appr-score-input[data-item="duty"] input'), '25');
    type(heping.querySelector('.cx-appr-score-input[data-item="results"] input'), '45');
    expect(heping.querySelector('.cx-appr-total')?.textContent).toBe('合计 70 / 70 分');
    fireEvent.click(heping.querySelector('.cx-appr-submit') as HTMLElement);
    expect(await screen.findByText('应在 0–40 分之间')).toBeTruthy();
    expect(server.calls(`PUT ${PATH}/sheets/heping`)).toHaveLength(0);

    type(heping.querySelector('.cx-appr-score-input[data-item="results"] input'), '36');
    fireEvent.click(heping.querySelector('.cx-appr-submit') as HTMLElement);
    await waitFor(() => expect(el('.cx-appr-my-progress').textContent).toBe('已评 2/2 个支部'));
    expect(server.calls(`PUT ${PATH}/sheets/heping`)[0].body).toEqual({ scores: { duty: 25, results: 36 }, version: 0 });
    // A saved sheet is resubmitted on its version (it replaces the first).
    fireEvent.click(el('.cx-appr-sheet[data-branch="xingfu"] .cx-appr-submit'));
    await waitFor(() => expect(server.calls(`PUT ${PATH}/sheets/xingfu`)).toHaveLength(1));
    expect(server.calls(`PUT ${PATH}/sheets/xingfu`)[0].body).toEqual({ scores: { duty: 20, results: 30 }, version: 1 });
  });

  it('a secretary writes the 述职 while open, and after close sees only their own result and rank', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('heping')] }) }));
    router.params = { townshipId: 'wulibao', quarter: '2026-Q4', branchId: 'heping' };
    const open = makeAppraisal({ state: 'open', version: 2, me: { group: 'secretaries', ownBranchId: 'heping', sheets: [], toScore: 2 } });
    const server = fakeApi({
      [`GET ${PATH}`]: { status: 200, body: open },
      [`PUT ${PATH}/reports/heping`]: {
        status: 200,
        body: {
          ...open,
          branches: open.branches.map((b) =>
            b.branchId === 'heping' ? { ...b, report: { text: '和平社区本季度述职全文内容', version: 1 } } : b,
          ),
        },
      },
    });
    const { unmount } = render(<AppraisalMinePage />);
    await waitFor(() => expect(el('.cx-appr-report-input')).toBeTruthy());
    type(el('.cx-appr-report-input'), '太短');
    fireEvent.click(el('.cx-appr-report-save'));
    expect(await screen.findByText('请填写述职内容')).toBeTruthy();
    expect(server.calls(`PUT ${PATH}/reports/heping`)).toHaveLength(0);
    type(el('.cx-appr-report-input'), '和平社区本季度述职全文内容');
    fireEvent.click(el('.cx-appr-report-save'));
    await waitFor(() => expect(el('.cx-appr-saved')?.textContent).toBe('✓ 已保存（第 1 版）'));
    expect(server.calls(`PUT ${PATH}/reports/heping`)[0].body).toEqual({ text: '和平社区本季度述职全文内容', version: 0 });
    unmount();

    fakeApi({
      [`GET ${PATH}`]: {
        status: 200,
        body: makeAppraisal({
          state: 'closed',
          version: 4,
          me: { group: 'secretaries', ownBranchId: 'heping', sheets: [], toScore: 2 },
          results: [
            {
              branchId: 'heping',
              branchName: '和平社区',
              score: 78.5,
              rank: 2,
              groups: { committee: 80, secretaries: 75, residents: 80 },
              appliedWeights: { committee: 50, secretaries: 30, residents: 20 },
              sheetCount: 6,
            },
          ],
        }),
      },
    });
    render(<AppraisalMinePage />);
    await waitFor(() => expect(el('.cx-appr-own-result')).toBeTruthy());
    expect(el('.cx-appr-own-rank').textContent).toBe('全乡镇（街道）第 2 名');
    expect(el('.cx-appr-own-score').textContent).toBe('得分 78.50');
    expect(el('.cx-appr-report-input')).toBeNull();
    // No other branch's score is shown anywhere.
    expect(document.body.textContent).not.toContain('建新南街社区');
  });

  it('a resident representative redeems a code: a malformed one is refused locally, an unknown one by the server, then on to scoring', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { townshipId: 'wulibao', quarter: '2026-Q4' };
    const server = fakeApi({
      [`POST ${PATH}/seats`]: [
        errorReply(404, 'NOT_FOUND', '无权查看或不存在'),
        { status: 200, body: makeAppraisal({ state: 'scoring', me: { group: 'residents', sheets: [], toScore: 3 } }) },
      ],
    });
    render(<AppraisalRedeemPage />);
    await waitFor(() => expect(el('.cx-appr-code-input input')).toBeTruthy());
    type(el('.cx-appr-code-input input'), 'ab1');
    fireEvent.click(el('.cx-appr-redeem'));
    expect(await screen.findByText('代表码应为 8 位字母或数字')).toBeTruthy();
    expect(server.calls(`POST ${PATH}/seats`)).toHaveLength(0);

    type(el('.cx-appr-code-input input'), 'abcd2345');
    fireEvent.click(el('.cx-appr-redeem'));
    expect(await screen.findByText('评议码无效或已被使用，请核对后重新输入')).toBeTruthy();
    fireEvent.click(el('.cx-appr-redeem'));
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalled());
    expect(server.calls(`POST ${PATH}/seats`).map((r) => r.body)).toEqual([{ code: 'ABCD2345' }, { code: 'ABCD2345' }]);
    expect(taroMock.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/subpackages/appraisals/pages/score/index?townshipId=wulibao&quarter=2026-Q4' }),
    );
  });

  it('someone who is no scorer is pointed to 输入评议码', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { townshipId: 'wulibao', quarter: '2026-Q4' };
    fakeApi({ [`GET ${PATH}`]: { status: 200, body: makeAppraisal({ state: 'scoring' }) } });
    render(<AppraisalScorePage />);
    await waitFor(() => expect(el('.cx-appr-to-redeem')).toBeTruthy());
    expect(el('.cx-appr-sheet')).toBeNull();
    fireEvent.click(el('.cx-appr-to-redeem'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/subpackages/appraisals/pages/redeem/index?townshipId=wulibao&quarter=2026-Q4' }),
    );
  });
});
