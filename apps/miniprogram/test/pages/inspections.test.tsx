import type { FindingDetail, FindingRow } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import InspectionEditPage from '../../src/subpackages/inspections/pages/edit/index';
import FindingPage from '../../src/subpackages/inspections/pages/finding/index';
import BranchFindingsPage from '../../src/subpackages/inspections/pages/findings/index';
import TownshipFindingsPage from '../../src/subpackages/inspections/pages/township/index';
import { router, taroMock } from '../mocks/taro';
import { inspectorBinding, makeBranch, makeCatalogue, makeMe, makeOrgTree, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const T = '2026-11-20T02:00:00.000Z';
const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const chip = (cls: string, label: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(`.${cls}`)).find((c) => c.textContent?.includes(label)) as HTMLElement;

function makeFinding(partial: Partial<FindingRow> = {}): FindingRow {
  return {
    id: 'f1',
    inspectionId: 'i1',
    branchId: 'jianxinnan',
    branchName: '建新南街社区',
    townshipId: 'wulibao',
    star: 'safety_law',
    description: '消防通道被杂物堵塞',
    owner: '李主任',
    deadline: '2026-11-25',
    status: 'open',
    overdue: false,
    version: 1,
    createdAt: T,
    ...partial,
  };
}

function makeDetail(partial: Partial<FindingDetail> = {}): FindingDetail {
  return {
    finding: makeFinding(),
    inspection: { id: 'i1', visitedAt: T, location: '社区服务中心', summary: '不打招呼直接走访', inspectorName: '赵督导', photoUrls: [] },
    history: [{ at: T, kind: 'recorded', actorName: '赵督导', text: '消防通道被杂物堵塞' }],
    actions: [],
    ...partial,
  };
}

const asInspector = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [inspectorBinding()] }) })); // 五里堡街道
const asSecretary = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));

describe('四不两直: new visit', () => {
  it('asks for the branch first; then drafts, confirms "记录后支部将收到通知", records and opens the branch’s 问题清单', async () => {
    asInspector();
    router.params = {};
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/catalogue': { status: 200, body: makeCatalogue() },
      'GET /v1/org/townships/wulibao/branches': { status: 200, body: { township: makeOrgTree().townships[0], branches: [makeBranch()] } },
      'POST /v1/inspections/drafts': (req) => ({
        status: 201,
        body: {
          id: 'd1',
          content: (req.body as { content: unknown }).content,
          branchName: '建新南街社区',
          townshipId: 'wulibao',
          photoUrls: [],
          version: 1,
          createdAt: T,
          updatedAt: T,
        },
      }),
      'POST /v1/inspections/drafts/d1/record': {
        status: 201,
        body: {
          id: 'd1',
          branchId: 'jianxinnan',
          branchName: '建新南街社区',
          townshipId: 'wulibao',
          visitedAt: T,
          location: 'x',
          summary: 'y',
          inspectorName: '赵督导',
          recordedAt: T,
          findings: [],
          notified: 2,
        },
      },
    });
    render(<InspectionEditPage />);

    // Only the townships in the inspector's scope are offered.
    await waitFor(() => expect(document.querySelectorAll('.cx-inspect-township')).toHaveLength(1));
    fireEvent.click(el('.cx-inspect-record'));
    expect(await screen.findByText('请选择走访的支部')).toBeTruthy();
    expect(server.calls('POST /v1/inspections/drafts')).toHaveLength(0);

    await waitFor(() => expect(el('.cx-inspect-branch')).toBeTruthy());
    fireEvent.click(chip('cx-inspect-branch', '建新南街社区'));
    expect(el('.cx-inspect-branch-name').textContent).toBe('建新南街社区');
    fireEvent.change(el('.cx-inspect-location input'), { target: { value: '社区服务中心' } });
    fireEvent.change(el('.cx-inspect-summary textarea'), { target: { value: '不打招呼直接走访' } });
    fireEvent.click(el('.cx-inspect-add-finding'));
    // The community's star set, and the veto items of the chosen star.
    expect(Array.from(document.querySelectorAll('.cx-inspect-finding-star')).map((c) => c.getAttribute('data-star'))).toEqual([
      'branch_strong',
      'business',
      'co_build',
      'safety_law',
      'harmony',
    ]);
    fireEvent.click(chip('cx-inspect-finding-star', '平安法治星'));
    fireEvent.change(el('.cx-inspect-finding-text textarea'), { target: { value: '消防通道被杂物堵塞' } });
    fireEvent.change(el('.cx-inspect-finding-owner input'), { target: { value: '李主任' } });
    const vetoes = document.querySelectorAll<HTMLElement>('.cx-inspect-finding-veto');
    expect(vetoes.length).toBeGreaterThan(1);
    fireEvent.click(vetoes[1]);

    fireEvent.click(el('.cx-inspect-record'));
    await waitFor(() =>
      expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/inspections/pages/findings/index?branchId=jianxinnan' }),
    );
    expect(taroMock.showModal.mock.calls[0][0]).toMatchObject({ content: expect.stringContaining('记录后支部将收到通知') });
    const sent = server.calls('POST /v1/inspections/drafts')[0].body as {
      content: {
        branchId: string;
        location: string;
        findings: { star: string; description: string; owner: string; vetoItemId?: string; deadline: string }[];
      };
    };
    expect(sent.content).toMatchObject({ branchId: 'jianxinnan', location: '社区服务中心' });
    expect(sent.content.findings[0]).toMatchObject({
      star: 'safety_law',
      description: '消防通道被杂物堵塞',
      owner: '李主任',
      vetoItemId: vetoes[1].getAttribute('data-id'),
    });
    expect(sent.content.findings[0].deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(server.calls('POST /v1/inspections/drafts/d1/record')[0].body).toEqual({ version: 1 });
  });

  it('a cancelled confirm records nothing; an unchanged draft is recorded as saved; field errors land next to the fields', async () => {
    asInspector();
    router.params = { id: 'd1' };
    const draft = {
      id: 'd1',
      content: { branchId: 'jianxinnan', visitedAt: T, location: '', photos: [], summary: '走访', findings: [] },
      branchName: '建新南街社区',
      townshipId: 'wulibao',
      photoUrls: [],
      version: 2,
      createdAt: T,
      updatedAt: T,
    };
    const server = fakeApi({
      'GET /v1/inspections/drafts/d1': { status: 200, body: draft },
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/catalogue': { status: 200, body: makeCatalogue() },
      'GET /v1/org/branches/jianxinnan': { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } },
      'PUT /v1/inspections/drafts/d1': { status: 200, body: { ...draft, version: 3 } },
      'POST /v1/inspections/drafts/d1/record': [
        {
          status: 400,
          body: {
            code: 'VALIDATION_FAILED',
            message: '记录前请补全标出的项目',
            details: [{ path: 'content.location', code: 'required', message: '请填写走访地点' }],
          },
        },
        {
          status: 201,
          body: {
            id: 'd1',
            branchId: 'jianxinnan',
            branchName: '建新南街社区',
            townshipId: 'wulibao',
            visitedAt: T,
            location: '社区',
            summary: '走访',
            inspectorName: '赵督导',
            recordedAt: T,
            findings: [],
            notified: 1,
          },
        },
      ],
    });
    render(<InspectionEditPage />);
    await waitFor(() => expect(el('.cx-inspect-branch-name')?.textContent).toBe('建新南街社区'));

    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(el('.cx-inspect-record'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.sent.filter((r) => r.method !== 'GET')).toHaveLength(0);

    // Unchanged since it was saved: recorded as is (a retry after a lost answer does the same, and the server replays).
    fireEvent.click(el('.cx-inspect-record'));
    expect(await screen.findByText('请填写走访地点')).toBeTruthy();
    expect(server.calls('PUT /v1/inspections/drafts/d1')).toHaveLength(0);
    expect(server.calls('POST /v1/inspections/drafts/d1/record')[0].body).toEqual({ version: 2 });

    // Changed: saved first, then recorded with the new version.
    fireEvent.change(el('.cx-inspect-location input'), { target: { value: '社区' } });
    fireEvent.click(el('.cx-inspect-record'));
    await waitFor(() =>
      expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/inspections/pages/findings/index?branchId=jianxinnan' }),
    );
    expect(server.calls('PUT /v1/inspections/drafts/d1')[0].body).toMatchObject({ version: 2, content: { location: '社区' } });
    expect(server.calls('POST /v1/inspections/drafts/d1/record')[1].body).toEqual({ version: 3 });
  });
});

describe('问题清单 and 整改', () => {
  it('lists the branch’s items with overdue ones in red and the per-star counts', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan' };
    fakeApi({
      'GET /v1/branches/jianxinnan/findings': {
        status: 200,
        body: {
          branchId: 'jianxinnan',
          branchName: '建新南街社区',
          findings: [
            makeFinding({ id: 'late', overdue: true, deadline: '2026-11-01' }),
            makeFinding({ id: 'done', status: 'closed', closedAt: T }),
          ],
          stars: [{ star: 'safety_law', open: 1, overdue: 1, closed: 1 }],
        },
      },
    });
    render(<BranchFindingsPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-finding')).toHaveLength(2));
    const late = el('.cx-finding[data-id="late"]');
    expect(late.className).toContain('is-overdue');
    expect(late.querySelector('.cx-finding-deadline')?.textContent).toBe('整改时限：2026-11-01（已超期）');
    expect(el('.cx-finding[data-id="done"] .cx-finding-status').textContent).toBe('已销号');
    expect(el('.cx-findings-summary').textContent).toContain('超期 1 项');
    expect(el('.cx-finding-counts').textContent).toContain('平安法治星');
  });

  it('the branch submits a fix; a 409 says why and reloads', async () => {
    asSecretary();
    router.params = { id: 'f1' };
    const server = fakeApi({
      'GET /v1/findings/f1': [
        { status: 200, body: makeDetail({ actions: ['submit_fix'] }) },
        { status: 200, body: makeDetail({ finding: makeFinding({ status: 'fix_submitted', version: 2 }) }) },
      ],
      'POST /v1/findings/f1/actions': errorReply(409, 'CONFLICT', '这个问题刚被他人处理过，请刷新后重试'),
    });
    render(<FindingPage />);
    await waitFor(() => expect(el('.cx-finding-fix-form')).toBeTruthy());
    expect(el('.cx-finding-close')).toBeNull();
    fireEvent.click(el('.cx-finding-fix-submit'));
    expect(await screen.findByText('请写明整改情况')).toBeTruthy();
    fireEvent.change(el('.cx-finding-fix-text textarea'), { target: { value: '已清理' } });
    fireEvent.click(el('.cx-finding-fix-submit'));
    await waitFor(() => expect(el('.cx-finding-status')?.textContent).toBe('待销号'));
    expect(server.calls('POST /v1/findings/f1/actions')[0].body).toEqual({ action: 'submit_fix', text: '已清理', photos: [], version: 1 });
    expect(el('.cx-finding-problem').textContent).toContain('刚被他人处理过');
  });

  it('an inspector 退回 needs a reason, 销号 shows the item closed', async () => {
    asInspector();
    router.params = { id: 'f1' };
    const waiting = makeDetail({ finding: makeFinding({ status: 'fix_submitted', version: 2 }), actions: ['close', 'reject'] });
    const server = fakeApi({
      'GET /v1/findings/f1': { status: 200, body: waiting },
      'POST /v1/findings/f1/actions': {
        status: 200,
        body: makeDetail({
          finding: makeFinding({ status: 'closed', version: 3, closedAt: T }),
          history: [...waiting.history, { at: T, kind: 'closed', actorName: '赵督导', text: '已核实' }],
        }),
      },
    });
    render(<FindingPage />);
    await waitFor(() => expect(el('.cx-finding-verify')).toBeTruthy());
    fireEvent.click(el('.cx-finding-reject'));
    expect(await screen.findByText('请填写退回原因')).toBeTruthy();
    expect(server.calls('POST /v1/findings/f1/actions')).toHaveLength(0);
    fireEvent.change(el('.cx-finding-verify-note textarea'), { target: { value: '已核实' } });
    fireEvent.click(el('.cx-finding-close'));
    await waitFor(() => expect(el('.cx-finding-status')?.textContent).toBe('已销号'));
    expect(server.calls('POST /v1/findings/f1/actions')[0].body).toEqual({ action: 'close', note: '已核实', version: 2 });
    expect(el('.cx-finding-verify')).toBeNull();
    expect(el('.cx-finding-event[data-kind="closed"]')).toBeTruthy();
  });

  it('整改督办: the filter chips ask the server for open, overdue or closed findings', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() })); // township staff of 五里堡街道
    router.params = { townshipId: 'wulibao' };
    const server = fakeApi({
      'GET /v1/townships/wulibao/findings': (req) => ({
        status: 200,
        body: {
          townshipId: 'wulibao',
          filter: new URL(req.url).searchParams.get('status'),
          findings: [makeFinding({ overdue: true })],
          branches: [
            { branchId: 'jianxinnan', branchName: '建新南街社区', stars: [{ star: 'safety_law', open: 1, overdue: 1, closed: 0 }] },
          ],
        },
      }),
    });
    render(<TownshipFindingsPage />);
    await waitFor(() => expect(el('.cx-findings-branch')?.textContent).toContain('平安法治星 1（超期 1）'));
    fireEvent.click(el('.cx-findings-filter[data-filter="overdue"]'));
    await waitFor(() => expect(server.calls('GET /v1/townships/wulibao/findings')).toHaveLength(2));
    expect(server.sent.map((r) => new URL(r.url).searchParams.get('status'))).toEqual(['open', 'overdue']);
  });
});
