import type { FileStarObjectionBody } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ObjectionsPage from '../../src/subpackages/stars/pages/objections/index';
import PublicityPage from '../../src/subpackages/stars/pages/publicity/index';
import { router, storage, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { makeMyObjection, makeReviewedObjection, makeStarSummary, T } from '../support/star-fixtures';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const inPublicity = makeStarSummary({ status: 'publicity', version: 4, publicityFrom: '2026-11-23', publicityUntil: '2026-11-27' });
const asResident = () => sessionStore.setSession(makeSession({ me: makeMe({ roles: ['resident'], bindings: [] }) }));
const asDistrict = () =>
  sessionStore.setSession(
    makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } })] }) }),
  );

describe('星级公示', () => {
  it('a resident reads their community’s 公示 with the end date and objects anonymously; 我的异议 shows it', async () => {
    asResident();
    router.params = { branchId: 'jianxinnan' };
    const server = fakeApi({
      'GET /v1/branches/jianxinnan/star-publicity': { status: 200, body: { applications: [inPublicity] } },
      'GET /v1/star-objections/mine': [
        { status: 200, body: { objections: [] } },
        { status: 200, body: { objections: [makeMyObjection()] } },
      ],
      'POST /v1/star-applications/A1/objections': { status: 201, body: makeMyObjection() },
    });
    render(<PublicityPage />);
    await waitFor(() => expect(el('.cx-star-app-publicity')?.textContent).toBe('公示期：2026-11-23 至 2026-11-27'));
    expect(screen.getByText('您还没有提出过异议')).toBeTruthy();
    // A resident never gets the district's resolution link.
    expect(el('.cx-star-resolve-link')).toBeNull();

    fireEvent.click(el('.cx-star-object'));
    fireEvent.click(el('.cx-star-objection-submit'));
    expect(await screen.findByText('请写明异议的理由，至少 5 个字')).toBeTruthy();
    expect(el('.cx-star-objection-named-problem').textContent).toBe('请选择署名或匿名');
    expect(server.calls('POST /v1/star-applications/A1/objections')).toHaveLength(0);

    fireEvent.change(el('.cx-star-objection-text textarea'), { target: { value: '消防通道长期堵塞，没有整改' } });
    fireEvent.click(el('.cx-star-objection-named[data-named="anonymous"]'));
    expect(screen.getByText('匿名：审核人员看不到您是谁，处理结果在“我的异议”里查看。')).toBeTruthy();
    fireEvent.click(el('.cx-star-objection-submit'));
    await waitFor(() => expect(all('.cx-star-mine-item')).toHaveLength(1));
    const body = server.calls('POST /v1/star-applications/A1/objections')[0].body as FileStarObjectionBody;
    expect(body).toMatchObject({ text: '消防通道长期堵塞，没有整改', anonymous: true });
    expect(body.clientKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(el('.cx-star-objection-form')).toBeNull();
    expect(el('.cx-star-mine-status').textContent).toBe('待处理');
    // Only the community's 公示 was read, never the district board.
    expect(server.calls('GET /v1/star-publicity')).toHaveLength(0);
  });

  it('a community’s page says what its branch holds now: its level, each star since when, and a 撤星', async () => {
    asResident();
    router.params = { branchId: 'jianxinnan' };
    fakeApi({
      'GET /v1/branches/jianxinnan/star-publicity': { status: 200, body: { applications: [] } },
      'GET /v1/star-objections/mine': { status: 200, body: { objections: [] } },
      'GET /v1/branches/jianxinnan/stars': {
        status: 200,
        body: {
          branchId: 'jianxinnan',
          branchName: '建新南街社区',
          level: 2,
          held: [
            { star: 'branch_strong', heldFrom: '2026-01-01', basis: 'baseline' },
            { star: 'harmony', heldFrom: '2026-11-28', basis: 'award', applicationId: 'A1' },
          ],
          withdrawn: [{ star: 'safety_law', heldFrom: '2026-01-01', basis: 'baseline', withdrawnOn: '2026-10-09', withdrawalId: 'W1' }],
          baselineRecordedOn: '2026-01-05',
        },
      },
    });
    render(<PublicityPage />);
    await waitFor(() => expect(el('.cx-star-held-title')?.textContent).toBe('建新南街社区现为 2 星'));
    expect(el('.cx-star-held-stars').textContent).toBe('★★☆☆☆');
    expect(all('.cx-star-held-item').map((i) => i.textContent)).toEqual([
      '支部过硬星：2026-01-01 起（创建之初已达到）',
      '幸福和谐星：2026-11-28 起（评星定级授予）',
    ]);
    expect(el('.cx-star-held-withdrawn').textContent).toBe('平安法治星：2026-10-09 撤星');
    expect(screen.getByText('本社区目前没有正在公示的评星结果')).toBeTruthy();
  });

  it('a resident without a community is sent to choose one; their outcomes still show', async () => {
    asResident();
    router.params = {};
    const server = fakeApi({
      'GET /v1/star-objections/mine': {
        status: 200,
        body: {
          objections: [
            makeMyObjection({ status: 'dismissed', resolution: { at: T, reason: '经核实已整改到位', resolverName: '区委组织部' } }),
          ],
        },
      },
    });
    render(<PublicityPage />);
    await waitFor(() => expect(el('.cx-star-mine-reason')?.textContent).toContain('处理理由：经核实已整改到位'));
    expect(el('.cx-star-mine-status').textContent).toBe('异议不成立');
    fireEvent.click(el('.cx-star-choose-community'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/mailbox/pages/board/index' });
    expect(server.sent.map((r) => r.path)).toEqual(['/v1/star-objections/mine']);
  });

  it('a remembered community is used; an objection after 公示 ended (409) says why', async () => {
    asResident();
    router.params = {};
    storage.set('cx.mailbox.community', { id: 'jianxinnan', name: '建新南街社区' });
    fakeApi({
      'GET /v1/branches/jianxinnan/star-publicity': { status: 200, body: { applications: [inPublicity] } },
      'GET /v1/star-objections/mine': { status: 200, body: { objections: [] } },
      'POST /v1/star-applications/A1/objections': errorReply(409, 'CONFLICT', '公示已结束'),
    });
    render(<PublicityPage />);
    await waitFor(() => expect(el('.cx-star-object')).toBeTruthy());
    expect(el('.cx-star-board .cx-section-title').textContent).toBe('建新南街社区正在公示');
    fireEvent.click(el('.cx-star-object'));
    fireEvent.change(el('.cx-star-objection-text textarea'), { target: { value: '消防通道长期堵塞' } });
    fireEvent.click(el('.cx-star-objection-named[data-named="named"]'));
    fireEvent.click(el('.cx-star-objection-submit'));
    await waitFor(() => expect(el('.cx-star-objection-problem')?.textContent).toBe('公示已结束（公示可能已结束，请返回刷新）'));
  });

  it('the district reads the district board with 处理异议 on each award', async () => {
    asDistrict();
    router.params = {};
    fakeApi({
      'GET /v1/star-publicity': { status: 200, body: { applications: [{ ...inPublicity, openObjections: 2 }] } },
      'GET /v1/star-objections/mine': { status: 200, body: { objections: [] } },
    });
    render(<PublicityPage />);
    await waitFor(() => expect(el('.cx-star-resolve-link')?.textContent).toBe('处理异议（待处理 2 件）'));
    fireEvent.click(el('.cx-star-resolve-link'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/stars/pages/objections/index?id=A1' });
  });

  it('township staff read the district board without 处理异议; an empty board says so', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = {};
    fakeApi({
      'GET /v1/star-publicity': { status: 200, body: { applications: [] } },
      'GET /v1/star-objections/mine': { status: 200, body: { objections: [] } },
    });
    render(<PublicityPage />);
    expect(await screen.findByText('全区目前没有正在公示的评星结果')).toBeTruthy();
    expect(el('.cx-star-resolve-link')).toBeNull();
  });
});

describe('公示异议处理', () => {
  it('an anonymous objector stays unnamed, a named one shows the name; 驳回 needs a reason', async () => {
    asDistrict();
    router.params = { id: 'A1' };
    const named = makeReviewedObjection({ id: 'O2', anonymous: false, objectorName: '刘大爷', version: 1 });
    const server = fakeApi({
      'GET /v1/star-applications/A1/objections': {
        status: 200,
        body: { applicationId: 'A1', publicityUntil: '2026-11-27', objections: [makeReviewedObjection(), named] },
      },
      'POST /v1/star-applications/A1/objections/O1/resolution': {
        status: 200,
        body: {
          applicationId: 'A1',
          objections: [
            makeReviewedObjection({
              status: 'dismissed',
              version: 2,
              resolution: { at: T, reason: '经核实已整改', resolverName: '周部长' },
            }),
            named,
          ],
        },
      },
    });
    render(<ObjectionsPage />);
    await waitFor(() => expect(all('.cx-star-objection')).toHaveLength(2));
    expect(el('.cx-star-objection[data-id="O1"] .cx-star-objector').textContent).toBe('匿名');
    expect(el('.cx-star-objection[data-id="O2"] .cx-star-objector').textContent).toBe('署名：刘大爷');

    fireEvent.click(el('.cx-star-objection[data-id="O1"] .cx-star-dismiss'));
    expect(await screen.findByText('请填写处理理由，理由会告诉提出异议的人')).toBeTruthy();
    fireEvent.change(el('.cx-star-objection[data-id="O1"] .cx-star-resolve-reason textarea'), { target: { value: '经核实已整改' } });
    fireEvent.click(el('.cx-star-objection[data-id="O1"] .cx-star-dismiss'));
    await waitFor(() => expect(el('.cx-star-objection[data-id="O1"] .cx-star-objection-status').textContent).toBe('异议不成立'));
    expect(server.calls('POST /v1/star-applications/A1/objections/O1/resolution')[0].body).toEqual({
      action: 'dismiss',
      reason: '经核实已整改',
      version: 1,
    });
    expect(el('.cx-star-objection[data-id="O1"] .cx-star-objection-reason').textContent).toContain('经核实已整改（周部长');
    expect(el('.cx-star-objection[data-id="O1"] .cx-star-resolve')).toBeNull();
  });

  it('维持异议 asks first; a resolution racing another (409) reloads with a hint', async () => {
    asDistrict();
    router.params = { id: 'A1' };
    const server = fakeApi({
      'GET /v1/star-applications/A1/objections': [
        { status: 200, body: { applicationId: 'A1', objections: [makeReviewedObjection()] } },
        {
          status: 200,
          body: {
            applicationId: 'A1',
            objections: [
              makeReviewedObjection({ status: 'upheld', version: 2, resolution: { at: T, reason: '属实', resolverName: '李科长' } }),
            ],
          },
        },
      ],
      'POST /v1/star-applications/A1/objections/O1/resolution': errorReply(409, 'CONFLICT', '异议已被处理'),
    });
    render(<ObjectionsPage />);
    await waitFor(() => expect(el('.cx-star-uphold')).toBeTruthy());
    fireEvent.change(el('.cx-star-resolve-reason textarea'), { target: { value: '属实' } });
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(el('.cx-star-uphold'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.calls('POST /v1/star-applications/A1/objections/O1/resolution')).toHaveLength(0);
    fireEvent.click(el('.cx-star-uphold'));
    await waitFor(() => expect(el('.cx-star-objection-status')?.textContent).toBe('异议成立，终止授星'));
    expect(server.calls('POST /v1/star-applications/A1/objections/O1/resolution')[0].body).toEqual({
      action: 'uphold',
      reason: '属实',
      version: 1,
    });
    expect(el('.cx-star-problem').textContent).toContain('页面已刷新');
  });

  it('no objections: says so', async () => {
    asDistrict();
    router.params = { id: 'A1' };
    fakeApi({ 'GET /v1/star-applications/A1/objections': { status: 200, body: { applicationId: 'A1', objections: [] } } });
    render(<ObjectionsPage />);
    expect(await screen.findByText('这项评星结果没有收到异议')).toBeTruthy();
  });
});
