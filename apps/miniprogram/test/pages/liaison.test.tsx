import { addDays, shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shortcutsFor } from '../../src/pages/index/shortcuts';
import { sessionStore } from '../../src/services/session-store';
import LiaisonBranchPage from '../../src/subpackages/liaison/pages/branch/index';
import LiaisonHomePage from '../../src/subpackages/liaison/pages/home/index';
import { router } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const type = (target: Element, value: string) => fireEvent.change(target, { target: { value } });
const TODAY = shanghaiDay();
const leaderBinding = makeBinding({
  role: 'leader',
  scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] },
});
const asLeader = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [leaderBinding] }) }));

const candidate = {
  branchId: 'jianxinnanjie',
  branchName: '建新南街社区',
  townshipId: 'wulibao',
  status: 'active',
  strengths: '红色物业全覆盖',
  weaknesses: '老旧小区改造慢',
  baseline: '无信访积案',
  version: 1,
  markedByName: '周领导',
  updatedAt: '2026-10-15T09:00:00.000Z',
  updatedByName: '周领导',
};
const visit = {
  id: 'v1',
  branchId: 'jianxinnanjie',
  branchName: '建新南街社区',
  townshipId: 'wulibao',
  kind: 'survey',
  date: '2026-10-15',
  notes: '网格员配齐',
  leaderId: 'demo-leader',
  leaderName: '周领导',
  recordedAt: '2026-10-15T08:00:00.000Z',
};
const home = {
  today: TODAY,
  townships: [
    {
      id: 'wulibao',
      name: '五里堡街道',
      branches: [
        { id: 'hp', name: '和平社区', stars: [], overdueFindings: 2, candidate: false },
        {
          id: 'jianxinnanjie',
          name: '建新南街社区',
          stars: ['branch_strong', 'safety_law', 'harmony'],
          overdueFindings: 0,
          candidate: true,
        },
      ],
      underReview: {
        township_review: 1,
        district_review: 0,
        publicity: 1,
        items: [
          { id: 'a1', branchId: 'hp', branchName: '和平社区', star: 'harmony', status: 'township_review' },
          { id: 'a2', branchId: 'jianxinnanjie', branchName: '建新南街社区', star: 'business', status: 'publicity' },
        ],
      },
      candidates: [candidate],
      overdueFindings: [
        { branchId: 'hp', branchName: '和平社区', star: 'safety_law', deadline: '2026-11-01' },
        { branchId: 'hp', branchName: '和平社区', star: 'safety_law', deadline: '2026-11-01' },
      ],
      recentVisits: [visit],
    },
    {
      id: 'dehuajie',
      name: '德化街街道',
      branches: [{ id: 'ch', name: '春华社区', stars: ['harmony'], overdueFindings: 0, candidate: false }],
      underReview: { township_review: 0, district_review: 0, publicity: 0, items: [] },
      candidates: [],
      overdueFindings: [],
      recentVisits: [],
    },
  ],
};

describe('我包联的乡镇', () => {
  it('the leader’s home card opens the liaison page; other roles get no such card', () => {
    const card = shortcutsFor(makeMe({ bindings: [leaderBinding] })).find((c) => c.key === 'liaison');
    expect(card).toEqual(
      expect.objectContaining({ title: '我包联的乡镇', target: { kind: 'page', url: '/subpackages/liaison/pages/home/index' } }),
    );
    const staff = makeBinding({ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } });
    expect(shortcutsFor(makeMe({ bindings: [staff] })).some((c) => c.key === 'liaison')).toBe(false);
  });

  it('shows each township: levels as bars, reviews, candidates, overdue findings and visits', async () => {
    asLeader();
    fakeApi({ 'GET /v1/me/liaison': { status: 200, body: home } });
    render(<LiaisonHomePage />);
    await waitFor(() => expect(all('.cx-liaison-township')).toHaveLength(2));
    const [wulibao, dehuajie] = all('.cx-liaison-township');
    expect(wulibao.querySelector('.cx-liaison-levels')?.textContent).toBe('3星 1 个，未评星 1 个');
    expect(wulibao.querySelector('.cx-liaison-review')?.textContent).toBe('待初审 1 · 待复审 0 · 公示中 1');
    const jx = wulibao.querySelector('.cx-liaison-branch[data-id="jianxinnanjie"]') as HTMLElement;
    expect(jx.querySelector('.cx-liaison-level')?.getAttribute('data-level')).toBe('3');
    expect(jx.querySelectorAll('.is-held')).toHaveLength(3);
    expect(jx.textContent).toContain('五星候选');
    expect(wulibao.querySelector('.cx-liaison-branch[data-id="hp"]')?.textContent).toContain('逾期 2');
    expect(wulibao.querySelectorAll('.cx-liaison-overdue')).toHaveLength(2);
    expect(wulibao.querySelector('.cx-liaison-candidate')?.textContent).toContain('底板：无信访积案');
    expect(wulibao.querySelector('.cx-liaison-visit')?.textContent).toContain('摸底调查');
    expect(dehuajie.textContent).toContain('还没有五星候选');
    expect(dehuajie.textContent).toContain('还没有走访记录');
  });

  it('a leader without assigned townships is told so', async () => {
    asLeader();
    fakeApi({ 'GET /v1/me/liaison': { status: 200, body: { today: TODAY, townships: [] } } });
    render(<LiaisonHomePage />);
    expect(await screen.findByText('区委组织部还没有给您安排包联乡镇（街道）')).toBeTruthy();
  });
});

describe('包联 · a branch', () => {
  it('records a visit: kind and notes are checked here, a future day is refused, and the saved visit shows at once', async () => {
    asLeader();
    router.params = { branchId: 'hp' };
    const server = fakeApi({
      'GET /v1/me/liaison': { status: 200, body: home },
      'POST /v1/branches/hp/liaison-visits': (req) => ({
        status: 200,
        body: { ...visit, id: 'v2', branchId: 'hp', branchName: '和平社区', ...(req.body as object) },
      }),
    });
    render(<LiaisonBranchPage />);
    await waitFor(() => expect(el('.cx-liaison-branch-name').textContent).toBe('和平社区'));
    expect(el('.cx-liaison-candidate-status').textContent).toBe('尚未列为五星候选');

    fireEvent.click(el('.cx-liaison-visit-submit'));
    expect(await screen.findByText('请选择走访类型')).toBeTruthy();
    expect(screen.getByText('请写明走访情况')).toBeTruthy();
    fireEvent.click(all('.cx-liaison-kind').find((c) => c.textContent?.includes('规划指导'))!);
    type(el('.cx-liaison-notes'), '指导补齐平安法治星');
    type(el('.cx-liaison-date .picker-wheel'), addDays(TODAY, 1));
    fireEvent.click(el('.cx-liaison-visit-submit'));
    await waitFor(() => expect(el('.cx-liaison-date').parentElement?.textContent).toContain('不能晚于今天'));
    expect(server.calls('POST /v1/branches/hp/liaison-visits')).toHaveLength(0);

    type(el('.cx-liaison-date .picker-wheel'), TODAY);
    fireEvent.click(el('.cx-liaison-visit-submit'));
    await waitFor(() => expect(server.calls('POST /v1/branches/hp/liaison-visits')).toHaveLength(1));
    const sent = server.calls('POST /v1/branches/hp/liaison-visits')[0].body as Record<string, string>;
    expect([sent.kind, sent.date, sent.notes, typeof sent.clientId]).toEqual(['guidance', TODAY, '指导补齐平安法治星', 'string']);
    await waitFor(() => expect(el('.cx-liaison-branch-visit').textContent).toContain('规划指导'));
  });

  it('re-assesses a candidate with its version; a stale one (409) says so; withdrawing sends the version', async () => {
    asLeader();
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({
      'GET /v1/me/liaison': { status: 200, body: home },
      'PUT /v1/branches/jianxinnanjie/five-star-candidate': errorReply(409, 'CONFLICT', '候选评估已被他人修改，请刷新后再改'),
      'POST /v1/branches/jianxinnanjie/five-star-candidate/withdraw': {
        status: 200,
        body: { ...candidate, status: 'withdrawn', version: 2 },
      },
    });
    render(<LiaisonBranchPage />);
    await waitFor(() => expect(el('.cx-liaison-candidate-status').textContent).toBe('已列为五星候选（周领导）'));
    type(el('.cx-liaison-weaknesses'), '');
    fireEvent.click(el('.cx-liaison-candidate-save'));
    expect(await screen.findByText('请写明短板')).toBeTruthy();
    type(el('.cx-liaison-weaknesses'), '电梯加装仍慢');
    fireEvent.click(el('.cx-liaison-candidate-save'));
    await waitFor(() => expect(el('.cx-liaison-candidate-problem').textContent).toBe('候选评估已被他人修改，请刷新后再改（请返回刷新）'));
    expect(server.calls('PUT /v1/branches/jianxinnanjie/five-star-candidate')[0].body).toEqual({
      strengths: '红色物业全覆盖',
      weaknesses: '电梯加装仍慢',
      baseline: '无信访积案',
      version: 1,
    });
    fireEvent.click(el('.cx-liaison-candidate-withdraw'));
    await waitFor(() => expect(el('.cx-liaison-candidate-status').textContent).toBe('尚未列为五星候选'));
    expect(server.calls('POST /v1/branches/jianxinnanjie/five-star-candidate/withdraw')[0].body).toEqual({ version: 1 });
  });

  it('a branch outside the leader’s townships is refused with a message', async () => {
    asLeader();
    router.params = { branchId: 'yingtaogou' };
    fakeApi({ 'GET /v1/me/liaison': { status: 200, body: home } });
    render(<LiaisonBranchPage />);
    expect(await screen.findByText('这个支部不在您包联的乡镇（街道）里')).toBeTruthy();
  });
});
