import { STAR_TASKFORCE_DEFAULTS, STARS, type StarTaskforceBoard, type StarTaskforceRow } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReviewQueuePage from '../../src/subpackages/stars/pages/review/index';
import TaskforceBoardPage from '../../src/subpackages/stars/pages/taskforce-board/index';
import TaskforcesPage from '../../src/subpackages/stars/pages/taskforces/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { makeStarSummary } from '../support/star-fixtures';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));

const district = { level: 'district' as const, districtId: 'erqi' };
const taskforce = (star: 'safety_law' | 'branch_strong' = 'safety_law') =>
  makeSession({
    me: makeMe({ bindings: [makeBinding({ role: 'taskforce', scope: district, star, scopeLabel: '二七区 · 平安法治星专班' })] }),
  });
const admin = () => makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'district_admin', scope: district })] }) });

const row = (partial: Partial<StarTaskforceRow> = {}): StarTaskforceRow => ({
  branches: 10,
  holding: 4,
  applications: { township_review: 1, returned: 0, district_review: 2, publicity: 1, awarded: 3, stopped: 0 },
  findings: { open: 2, overdue: 1 },
  ...partial,
});
const board = (partial: Partial<StarTaskforceBoard> = {}): StarTaskforceBoard => ({
  star: 'safety_law',
  department: '区委政法委',
  townships: [
    { townshipId: 'wulibao', townshipName: '五里堡街道', ...row() },
    { townshipId: 'demo-gwh', townshipName: '示例管委会', ...row({ holding: 0, findings: { open: 0, overdue: 0 } }) },
  ],
  total: row({ branches: 20, holding: 4 }),
  ...partial,
});

describe('专班 in 评星审核', () => {
  it('a 专班 gets 待复审 and 公示中, is told its star, and opens its progress board', async () => {
    sessionStore.setSession(taskforce());
    router.params = {};
    const server = fakeApi({
      'GET /v1/star-applications': {
        status: 200,
        body: { stage: 'district', applications: [makeStarSummary({ status: 'district_review' })] },
      },
    });
    render(<ReviewQueuePage />);
    await waitFor(() => expect(all('.cx-star-app')).toHaveLength(1));
    expect(all('.cx-star-stage').map((c) => c.getAttribute('data-stage'))).toEqual(['district', 'publicity']);
    expect(new URL(server.sent[0].url).searchParams.get('stage')).toBe('district');
    expect(el('.cx-star-taskforce').textContent).toContain('您是平安法治星专班，复审全区该星的申报');
    fireEvent.click(el('.cx-star-taskforce-board'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/stars/pages/taskforce-board/index?star=safety_law' });
  });
});

describe('专班进度', () => {
  it('shows the district total and each township: holding of branches as a bar, applications and findings', async () => {
    sessionStore.setSession(taskforce());
    router.params = {};
    const server = fakeApi({ 'GET /v1/star-taskforces/safety_law/board': { status: 200, body: board() } });
    render(<TaskforceBoardPage />);
    expect(await screen.findByText('平安法治星 · 区委政法委专班')).toBeTruthy();
    expect(all('.cx-tf-row').map((r) => r.getAttribute('data-name'))).toEqual(['全区合计', '五里堡街道', '示例管委会']);
    const wulibao = el('.cx-tf-row[data-name="五里堡街道"]');
    expect(wulibao.querySelector('.cx-tf-holding')?.textContent).toBe('持星 4 / 10 个支部');
    expect((wulibao.querySelector('.cx-tf-bar__fill') as HTMLElement).style.width).toBe('40%');
    expect(wulibao.querySelector('.cx-tf-counts')?.textContent).toBe('待初审 1 · 待复审 2 · 公示中 1 · 已授星 3 · 已退回 0');
    expect(wulibao.querySelector('.cx-tf-findings')?.textContent).toBe('问题未整改 2 条，其中超期 1 条');
    expect(el('.cx-tf-row[data-name="示例管委会"] .cx-tf-findings').textContent).toBe('问题未整改 0 条');
    // One star only: no star chips for a 专班.
    expect(all('.cx-tf-star')).toHaveLength(0);
    expect(server.sent.map((r) => r.path)).toEqual(['/v1/star-taskforces/safety_law/board']);
    fireEvent.click(el('.cx-tf-refresh'));
    await waitFor(() => expect(server.sent).toHaveLength(2));
  });

  it('the district admin picks any star; an empty district says why; a failure offers 重试', async () => {
    sessionStore.setSession(admin());
    router.params = { star: 'ecology' };
    const server = fakeApi({
      'GET /v1/star-taskforces/ecology/board': [
        errorReply(500, 'INTERNAL', '服务暂时不可用'),
        { status: 200, body: board({ star: 'ecology', department: '环保分局', townships: [] }) },
      ],
      'GET /v1/star-taskforces/harmony/board': { status: 200, body: board({ star: 'harmony', department: '区民政局' }) },
    });
    render(<TaskforceBoardPage />);
    await waitFor(() => expect(el('.cx-state__retry')).toBeTruthy());
    fireEvent.click(el('.cx-state__retry'));
    expect(await screen.findByText('还没有乡镇（街道），区委组织部建立组织架构后这里会显示各乡镇的进度')).toBeTruthy();
    expect(all('.cx-tf-star')).toHaveLength(STARS.length);
    fireEvent.click(el('.cx-tf-star[data-star="harmony"]'));
    expect(await screen.findByText('幸福和谐星 · 区民政局专班')).toBeTruthy();
    expect(server.sent.map((r) => r.path)).toEqual([
      '/v1/star-taskforces/ecology/board',
      '/v1/star-taskforces/ecology/board',
      '/v1/star-taskforces/harmony/board',
    ]);
  });

  it('someone without a 专班 is told who reads it, without calling the server', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = {};
    const server = fakeApi({});
    render(<TaskforceBoardPage />);
    await waitFor(() => expect(el('.cx-state__message')?.textContent).toBe('专班进度由各星专班和区委组织部查看，您的身份不在其中'));
    expect(server.sent).toHaveLength(0);
  });
});

describe('专班设置', () => {
  const loaded = (version = 0) => ({
    status: 200,
    body: { version, taskforces: STARS.map((star) => ({ star, department: STAR_TASKFORCE_DEFAULTS[star] })) },
  });
  const input = (star: string) => el(`.cx-tf-field[data-star="${star}"] input`) as HTMLInputElement;

  it('the admin edits a department and saves every star with the version read; a field error shows beside its field', async () => {
    sessionStore.setSession(admin());
    const server = fakeApi({
      'GET /v1/star-taskforces': loaded(),
      'PUT /v1/star-taskforces': [
        {
          status: 400,
          body: {
            code: 'VALIDATION_FAILED',
            message: '请求参数有误',
            details: [{ path: 'body.taskforces.1.department', message: '请填写负责的职能部门', code: 'too_small' }],
          },
        },
        (req) => ({ status: 200, body: { version: 1, taskforces: (req.body as { taskforces: unknown[] }).taskforces } }),
      ],
    });
    render(<TaskforcesPage />);
    await waitFor(() => expect(input('safety_law')?.value).toBe('区委政法委'));
    fireEvent.change(input('safety_law'), { target: { value: '' } });
    fireEvent.click(el('.cx-tf-save'));
    await waitFor(() => expect(el('.cx-tf-field[data-star="safety_law"] .cx-field__error')?.textContent).toBe('请填写负责的职能部门'));
    fireEvent.change(input('safety_law'), { target: { value: '区委政法委员会' } });
    fireEvent.click(el('.cx-tf-save'));
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }));
    const puts = server.sent.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1].body).toEqual({
      version: 0,
      taskforces: STARS.map((star) => ({ star, department: star === 'safety_law' ? '区委政法委员会' : STAR_TASKFORCE_DEFAULTS[star] })),
    });
    expect(el('.cx-field__error')).toBeNull();
  });

  it('a 409 says someone else saved and reloads the latest assignment', async () => {
    sessionStore.setSession(admin());
    const server = fakeApi({
      'GET /v1/star-taskforces': [loaded(0), loaded(3)],
      'PUT /v1/star-taskforces': errorReply(409, 'CONFLICT', '专班设置已被他人修改，请刷新后重试'),
    });
    render(<TaskforcesPage />);
    await waitFor(() => expect(input('ecology')).toBeTruthy());
    fireEvent.click(el('.cx-tf-save'));
    await waitFor(() => expect(el('.cx-tf-notice')?.textContent).toBe('专班设置已被他人修改，请刷新后重试。页面已刷新为最新设置。'));
    await waitFor(() => expect(server.sent.filter((r) => r.method === 'GET')).toHaveLength(2));
  });

  it('someone else is told the admin sets it, without calling the server', async () => {
    sessionStore.setSession(taskforce());
    const server = fakeApi({});
    render(<TaskforcesPage />);
    await waitFor(() => expect(el('.cx-state__message')?.textContent).toBe('专班设置由区委组织部管理员办理'));
    expect(server.sent).toHaveLength(0);
  });
});
