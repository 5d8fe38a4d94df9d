import type { StarReviewContext } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ApplicationPage from '../../src/subpackages/stars/pages/application/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { makeStarDetail, makeStarItem, makeStarSummary, T } from '../support/star-fixtures';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const asStaff = () => sessionStore.setSession(makeSession({ me: makeMe() })); // township staff of 五里堡街道
const asSecretary = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));
const asDistrict = () =>
  sessionStore.setSession(
    makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } })] }) }),
  );

const context: StarReviewContext = {
  observations: [{ observationId: 'ob1', title: '十一月观摩', month: '2026-11', value: 86 }],
  findings: { open: 2, overdue: 1, closed: 4 },
  vetoHits: [{ findingId: 'f9', vetoItemId: 'safety_law-v1', vetoText: '发生重大安全事故', status: 'open', createdAt: T }],
  reportItems: [{ day: '2026-11-18', text: '开展消防演练' }],
  letters: { received: 10, responseRate: 1, resolutionRate: 0.8, satisfactionRate: 0.9 },
};

describe('评星审核: one application', () => {
  it('township staff see the self-assessment beside the review context; 退回 needs a reason on an item', async () => {
    asStaff();
    router.params = { id: 'A1' };
    const server = fakeApi({
      'GET /v1/star-applications/A1': { status: 200, body: makeStarDetail({ actions: ['approve', 'return'], canReadContext: true }) },
      'GET /v1/star-applications/A1/review-context': { status: 200, body: context },
      'POST /v1/star-applications/A1/decisions': {
        status: 200,
        body: makeStarDetail({
          application: makeStarSummary({ status: 'returned', version: 2 }),
          history: [
            { at: T, version: 1, kind: 'applied', actorName: '张书记' },
            { at: T, version: 2, kind: 'township_returned', actorName: '王芳', reasons: [{ itemId: 'safety_law-2', reason: '缺少台账' }] },
          ],
        }),
      },
    });
    render(<ApplicationPage />);
    await waitFor(() => expect(el('.cx-star-decide')).toBeTruthy());
    expect(el('.cx-star-head-status').textContent).toBe('待乡镇初审');
    expect(all('.cx-star-row-answer').map((a) => a.textContent)).toEqual(['自评：达标', '自评：未达标', '自评：未触发']);
    await waitFor(() => expect(el('.cx-star-context-observations')).toBeTruthy());
    expect(el('.cx-star-context-observations').textContent).toContain('十一月观摩：86 分');
    expect(el('.cx-star-context-findings').textContent).toContain('未销号 2 项，其中超期 1 项');
    expect(el('.cx-star-veto-hit').textContent).toContain('发生重大安全事故（2026-11-20，待整改）');
    expect(el('.cx-star-context-reports').textContent).toContain('2026-11-18：开展消防演练');
    expect(el('.cx-star-context-letters').textContent).toContain('响应率 100% · 办结率 80% · 满意率 90%');
    expect(el('.cx-star-approve').textContent).toBe('初审通过');

    fireEvent.click(el('.cx-star-return'));
    expect(await screen.findByText('退回时请至少在一项下写明退回原因')).toBeTruthy();
    expect(server.calls('POST /v1/star-applications/A1/decisions')).toHaveLength(0);

    fireEvent.change(el('.cx-star-reason[data-item="safety_law-2"] textarea'), { target: { value: ' 缺少台账 ' } });
    fireEvent.click(el('.cx-star-return'));
    await waitFor(() => expect(el('.cx-star-head-status').textContent).toBe('已退回'));
    expect(server.calls('POST /v1/star-applications/A1/decisions')[0].body).toEqual({
      action: 'return',
      version: 1,
      reasons: [{ itemId: 'safety_law-2', reason: '缺少台账' }],
      note: '',
    });
    expect(el('.cx-star-decide')).toBeNull();
    expect(all('.cx-star-step').map((s) => s.getAttribute('data-state'))).toEqual(['current', 'returned', 'todo', 'todo', 'todo']);
    expect(el('.cx-star-event[data-kind="township_returned"]').textContent).toContain('safety_law 重点任务 2：缺少台账');
  });

  it('a decision racing another reviewer’s (409) says so, reloads and shows the latest state', async () => {
    asDistrict();
    router.params = { id: 'A1' };
    const waiting = makeStarDetail({
      application: makeStarSummary({ status: 'district_review', version: 3 }),
      actions: ['approve', 'return'],
    });
    const server = fakeApi({
      'GET /v1/star-applications/A1': [
        { status: 200, body: waiting },
        { status: 200, body: makeStarDetail({ application: makeStarSummary({ status: 'publicity', version: 4 }) }) },
      ],
      'POST /v1/star-applications/A1/decisions': errorReply(409, 'CONFLICT', '申报已被他人处理'),
    });
    render(<ApplicationPage />);
    await waitFor(() => expect(el('.cx-star-approve')?.textContent).toBe('复审通过'));
    fireEvent.change(el('.cx-star-decide-note textarea'), { target: { value: '同意' } });
    fireEvent.click(el('.cx-star-approve'));
    await waitFor(() => expect(el('.cx-star-head-status')?.textContent).toBe('公示中'));
    expect(server.calls('POST /v1/star-applications/A1/decisions')[0].body).toEqual({ action: 'approve', version: 3, note: '同意' });
    expect(el('.cx-star-problem').textContent).toContain('页面已刷新');
    expect(el('.cx-star-decide')).toBeNull();
    expect(server.calls('GET /v1/star-applications/A1')).toHaveLength(2);
    // The district sees the way to this award's objections while it is in 公示.
    expect(el('.cx-star-objections-link')).toBeTruthy();
  });

  it('the secretary revises a returned application: reasons beside the items, answers and photos kept, PUT with the version', async () => {
    asSecretary();
    router.params = { id: 'A1' };
    const photo = 'star-evidence/jianxinnan/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg';
    const returned = makeStarDetail({
      application: makeStarSummary({ status: 'returned', version: 2 }),
      items: [
        makeStarItem({ photos: [photo], photoUrls: ['https://s.test/1.jpg'] }),
        makeStarItem({ itemId: 'safety_law-2', title: '任务二', met: false, note: '', returnReason: '缺少台账' }),
      ],
      actions: ['resubmit'],
    });
    const server = fakeApi({
      'GET /v1/star-applications/A1': { status: 200, body: returned },
      'PUT /v1/star-applications/A1': {
        status: 200,
        body: makeStarDetail({ application: makeStarSummary({ status: 'township_review', version: 3 }) }),
      },
    });
    render(<ApplicationPage />);
    await waitFor(() => expect(el('.cx-star-resubmit')).toBeTruthy());
    // The branch oversees nothing: no review context is asked for or shown.
    expect(server.calls('GET /v1/star-applications/A1/review-context')).toHaveLength(0);
    expect(el('.cx-star-context')).toBeNull();
    expect(el('.cx-star-item[data-item="safety_law-2"] .cx-star-item-return').textContent).toBe('退回原因：缺少台账');
    expect(el('.cx-star-item[data-item="safety_law-1"] .cx-star-photo')).toBeTruthy();
    fireEvent.click(el('.cx-star-item[data-item="safety_law-2"] .cx-star-item-answer[data-answer="met"]'));
    fireEvent.change(el('.cx-star-item[data-item="safety_law-2"] .cx-star-item-note textarea'), { target: { value: '已补台账' } });
    fireEvent.click(el('.cx-star-submit'));
    await waitFor(() => expect(el('.cx-star-head-status')?.textContent).toBe('待乡镇初审'));
    expect(server.calls('PUT /v1/star-applications/A1')[0].body).toEqual({
      version: 2,
      items: [
        { itemId: 'safety_law-1', kind: 'task', met: true, note: '每月排查矛盾纠纷', photos: [photo] },
        { itemId: 'safety_law-2', kind: 'task', met: true, note: '已补台账', photos: [] },
      ],
    });
    expect(el('.cx-star-resubmit')).toBeNull();
  });

  it('授星 asks first; a refused confirm sends nothing', async () => {
    asDistrict();
    router.params = { id: 'A1' };
    const server = fakeApi({
      'GET /v1/star-applications/A1': {
        status: 200,
        body: makeStarDetail({
          application: makeStarSummary({ status: 'publicity', version: 4, publicityFrom: '2026-11-23', publicityUntil: '2026-11-27' }),
          actions: ['award'],
        }),
      },
      'POST /v1/star-applications/A1/decisions': {
        status: 200,
        body: makeStarDetail({ application: makeStarSummary({ status: 'awarded', version: 5 }) }),
      },
    });
    render(<ApplicationPage />);
    await waitFor(() => expect(el('.cx-star-award')).toBeTruthy());
    expect(el('.cx-star-head-publicity').textContent).toBe('公示期：2026-11-23 至 2026-11-27');
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(el('.cx-star-award'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.calls('POST /v1/star-applications/A1/decisions')).toHaveLength(0);
    fireEvent.click(el('.cx-star-award'));
    await waitFor(() => expect(el('.cx-star-head-status')?.textContent).toBe('已授星'));
    expect(server.calls('POST /v1/star-applications/A1/decisions')[0].body).toEqual({ action: 'award', version: 4 });
    expect(all('.cx-star-step').every((s) => s.getAttribute('data-state') === 'done')).toBe(true);
  });

  it('an application out of reach reads as not visible, with 重试', async () => {
    asSecretary();
    router.params = { id: 'A9' };
    fakeApi({ 'GET /v1/star-applications/A9': errorReply(404, 'NOT_FOUND', '申报不存在') });
    render(<ApplicationPage />);
    await waitFor(() => expect(el('.cx-state__message')?.textContent).toBe('无权查看或不存在'));
    expect(el('.cx-state__retry')).toBeTruthy();
  });
});
