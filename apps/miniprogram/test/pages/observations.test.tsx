import type { BranchResult, ObservationDetail } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shortcutsFor } from '../../src/pages/index/shortcuts';
import { sessionStore } from '../../src/services/session-store';
import { addQuarters, barPercent, formatScore, splitObservations } from '../../src/subpackages/observations/observe-helpers';
import BranchObservationsPage from '../../src/subpackages/observations/pages/branch/index';
import ObservationListPage from '../../src/subpackages/observations/pages/list/index';
import ObservationResultsPage from '../../src/subpackages/observations/pages/results/index';
import ScoreObservationPage from '../../src/subpackages/observations/pages/score/index';
import { router, taroMock } from '../mocks/taro';
import { inspectorBinding, makeMe, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const T = '2026-11-15T10:00:00+08:00';
const RURAL = ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'] as const;

function makeDetail(partial: Partial<ObservationDetail> = {}): ObservationDetail {
  return {
    id: 'OBS1',
    month: '2026-11',
    title: '十一月观摩',
    status: 'open',
    organiserLabel: '五里堡街道',
    townshipId: 'wulibao',
    createdByName: '王芳',
    createdAt: T,
    assigned: true,
    canManage: true,
    branches: [{ branchId: 'yingtaogou', name: '樱桃沟社区', townshipId: 'wulibao', type: 'rural', stars: [...RURAL], scoredBy: 1 }],
    observers: [
      { userId: 'u-staff', name: '王芳' },
      { userId: 'u-insp', name: '赵督导' },
    ],
    scores: [],
    results: [],
    version: 1,
    ...partial,
  };
}

const result: BranchResult = {
  observationId: 'OBS1',
  title: '十一月观摩',
  month: '2026-11',
  branchId: 'yingtaogou',
  branchName: '樱桃沟社区',
  townshipId: 'wulibao',
  perStar: RURAL.map((star, i) => ({ star, value: i === 4 ? null : 8 - i, count: i === 4 ? 0 : 5, trimmed: i !== 4 })),
  overall: 6.5,
  observerCount: 5,
  comments: ['台账清楚'],
  closedAt: T,
};

const el = (selector: string) => document.querySelector(selector) as HTMLElement;

describe('每月一观摩 pages', () => {
  it('home: the organisers and overseers get 每月一观摩; a branch’s secretary gets 观摩结果 of the branch', () => {
    expect(shortcutsFor(makeMe()).some((c) => c.title === '每月一观摩')).toBe(true);
    expect(shortcutsFor(makeMe({ bindings: [inspectorBinding()] })).some((c) => c.title === '每月一观摩')).toBe(true);
    const secretary = shortcutsFor(makeMe({ bindings: [secretaryBinding('yingtaogou')] }));
    expect(secretary.find((c) => c.title === '观摩结果')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/observations/pages/branch/index?branchId=yingtaogou',
    });
    expect(secretary.some((c) => c.title === '每月一观摩')).toBe(false);
  });

  it('helpers: sections, bars, scores, quarters', () => {
    const base = {
      month: '2026-11',
      title: 'x',
      status: 'open' as const,
      organiserLabel: 'y',
      branchCount: 1,
      observerCount: 1,
      myScoredCount: 0,
      createdAt: T,
    };
    const split = splitObservations([
      { ...base, id: 'a', assigned: true, canManage: true },
      { ...base, id: 'b', assigned: false, canManage: true },
      { ...base, id: 'c', assigned: false, canManage: false },
    ]);
    expect([split.toScore.map((o) => o.id), split.organised.map((o) => o.id), split.overseen.map((o) => o.id)]).toEqual([
      ['a'],
      ['a', 'b'],
      ['c'],
    ]);
    expect([barPercent(7.33), barPercent(null), formatScore(7.3), formatScore(7), formatScore(null)]).toEqual([
      73.3,
      0,
      '7.3',
      '7',
      '未评',
    ]);
    expect([addQuarters('2026-Q4', 1), addQuarters('2026-Q1', -1)]).toEqual(['2027-Q1', '2025-Q4']);
  });

  it('the list shows 待我评分 and 我组织的 with the status for the month', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { month: '2026-11' };
    const summary = {
      id: 'OBS1',
      month: '2026-11',
      title: '十一月观摩',
      status: 'open',
      organiserLabel: '五里堡街道',
      branchCount: 2,
      observerCount: 3,
      assigned: true,
      canManage: true,
      myScoredCount: 1,
      createdAt: T,
    };
    const server = fakeApi({ 'GET /v1/observations': { status: 200, body: { month: '2026-11', observations: [summary] } } });
    render(<ObservationListPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-observe-item')).toHaveLength(2));
    expect(el('.cx-observe-to-score .cx-observe-status').textContent).toBe('评分中');
    expect(el('.cx-observe-to-score .cx-observe-progress').textContent).toContain('我已评 1/2 个支部');
    expect(server.sent[0].url).toContain('month=2026-11');
    fireEvent.click(el('.cx-observe-to-score .cx-observe-item'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/subpackages/observations/pages/score/index?id=OBS1' }),
    );
  });

  it('scoring: a 0–10 row per star, 保存 sends the sheet and shows 已保存; a 409 says it is locked', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { id: 'OBS1' };
    const server = fakeApi({
      'GET /v1/observations/OBS1': { status: 200, body: makeDetail() },
      'PUT /v1/observations/OBS1/scores/yingtaogou': [
        (req) => ({
          status: 200,
          body: { branchId: 'yingtaogou', observerId: 'u-staff', observerName: '王芳', ...(req.body as object), updatedAt: T },
        }),
        errorReply(409, 'ILLEGAL_TRANSITION', '观摩已锁定，不能再评分'),
      ],
    });
    render(<ScoreObservationPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-observe-score')).toHaveLength(55));
    // Nothing picked: checked locally.
    fireEvent.click(el('.cx-observe-save'));
    expect(await screen.findByText('请至少为一颗星打分')).toBeTruthy();
    fireEvent.click(el('.cx-observe-score[data-star="industry"][data-score="8"]'));
    fireEvent.click(el('.cx-observe-score[data-star="ecology"][data-score="10"]'));
    fireEvent.input(el('.cx-observe-comment textarea'), { target: { value: '樱桃产业有特色' } });
    fireEvent.click(el('.cx-observe-save'));
    await waitFor(() => expect(el('.cx-observe-saved')).toBeTruthy());
    expect(server.calls('PUT /v1/observations/OBS1/scores/yingtaogou')[0].body).toEqual({
      scores: [
        { star: 'industry', score: 8 },
        { star: 'ecology', score: 10 },
      ],
      comment: '樱桃产业有特色',
    });
    fireEvent.click(el('.cx-observe-score[data-star="industry"][data-score="9"]'));
    fireEvent.click(el('.cx-observe-save'));
    expect(await screen.findByText('观摩已锁定，不能再评分')).toBeTruthy();
    expect(el('.cx-observe-sheet')).toBeNull();
    expect(el('.cx-observe-status').textContent).toBe('已锁定');
  });

  it('results: the organiser closes after a confirm; the locked results show bars, overall and observer count', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { id: 'OBS1' };
    const server = fakeApi({
      'GET /v1/observations/OBS1': { status: 200, body: makeDetail({ assigned: false }) },
      'POST /v1/observations/OBS1/close': {
        status: 200,
        body: makeDetail({ assigned: false, status: 'closed', closedAt: T, results: [result], version: 2 }),
      },
    });
    render(<ObservationResultsPage />);
    await waitFor(() => expect(el('.cx-observe-close')).toBeTruthy());
    fireEvent.click(el('.cx-observe-close'));
    await waitFor(() => expect(el('.cx-observe-locked')).toBeTruthy());
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '锁定观摩' }));
    expect(server.calls('POST /v1/observations/OBS1/close')[0].body).toEqual({ version: 1 });
    expect(el('.cx-observe-overall').textContent).toBe('6.5');
    expect(el('.cx-observe-observer-count').textContent).toContain('5 人评分');
    expect(el('.cx-observe-bar[data-star="branch_strong"] .observe-bar__fill').style.width).toBe('80%');
    expect(el('.cx-observe-close')).toBeNull();
  });

  it('a cancelled confirm closes nothing', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { id: 'OBS1' };
    taroMock.showModal.mockImplementation(async () => ({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
    const server = fakeApi({ 'GET /v1/observations/OBS1': { status: 200, body: makeDetail() } });
    render(<ObservationResultsPage />);
    await waitFor(() => expect(el('.cx-observe-close')).toBeTruthy());
    fireEvent.click(el('.cx-observe-close'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalled());
    expect(server.calls('POST /v1/observations/OBS1/close')).toHaveLength(0);
  });

  it('the branch page lists the quarter’s locked results with comments, or says there are none', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('yingtaogou')] }) }));
    router.params = { branchId: 'yingtaogou', quarter: '2026-Q4' };
    fakeApi({
      'GET /v1/branches/yingtaogou/observation-results': (req) =>
        req.url.includes('2026-Q4')
          ? { status: 200, body: { branchId: 'yingtaogou', quarter: '2026-Q4', results: [result] } }
          : { status: 200, body: { branchId: 'yingtaogou', quarter: '2026-Q3', results: [] } },
    });
    render(<BranchObservationsPage />);
    await waitFor(() => expect(el('.cx-observe-result')).toBeTruthy());
    expect(el('.cx-observe-comment-text').textContent).toContain('台账清楚');
    expect(document.body.textContent).not.toContain('赵督导');
    fireEvent.click(el('.cx-observe-prev'));
    expect(await screen.findByText('本季度还没有锁定的观摩结果')).toBeTruthy();
  });
});
