import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import BranchPage from '../../src/subpackages/org/pages/branch/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeBranch, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

describe('branch page', () => {
  it('shows the branch, its township, its type and the five stars of its set in order', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'jianxinnan' };
    fakeApi({
      'GET /v1/org/branches/jianxinnan': { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } },
    });

    const { container } = render(<BranchPage />);

    expect(await screen.findByText('建新南街社区')).toBeTruthy();
    expect(screen.getByText('所属：五里堡街道')).toBeTruthy();
    expect(screen.getByText('社区')).toBeTruthy();
    const stars = Array.from(container.querySelectorAll('.cx-star-row .branch-star__label')).map((s) => s.textContent);
    expect(stars).toEqual(['支部过硬星', '宜业兴业星', '共建共享星', '平安法治星', '幸福和谐星']);

    fireEvent.click(screen.getByText('所属：五里堡街道'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/org/pages/township/index?id=wulibao' });

    // Officials open the branch's 创星计划 from here (township staff review it there).
    fireEvent.click(container.querySelector('.cx-branch-plan') as HTMLElement);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/plans/pages/edit/index?branchId=jianxinnan' });
    // …and the branch's other campaign pages.
    fireEvent.click(container.querySelector('.cx-branch-board') as HTMLElement);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/plans/pages/board-branch/index?branchId=jianxinnan' });
    fireEvent.click(container.querySelector('.cx-branch-findings') as HTMLElement);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/inspections/pages/findings/index?branchId=jianxinnan' });
    expect(screen.queryByText(/即将上线/)).toBeNull();
  });

  it('uses the rural star set for a village', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'v1' };
    fakeApi({
      'GET /v1/org/branches/v1': {
        status: 200,
        body: { branch: makeBranch({ id: 'v1', name: '樱桃沟村', type: 'rural' }), township: { id: 'houzhai', name: '侯寨乡' } },
      },
    });

    const { container } = render(<BranchPage />);

    await screen.findByText('樱桃沟村');
    const stars = Array.from(container.querySelectorAll('.cx-star-row .branch-star__label')).map((s) => s.textContent);
    expect(stars).toEqual(['支部过硬星', '产业兴旺星', '生态宜居星', '平安法治星', '文明幸福星']);
  });

  it('shows 无权查看或不存在 for a 404 and retries on 重试', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'gone' };
    const server = fakeApi({ 'GET /v1/org/branches/gone': errorReply(404, 'NOT_FOUND', '支部不存在') });

    render(<BranchPage />);

    expect(await screen.findByText('无权查看或不存在')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText('无权查看或不存在');
    expect(server.calls('GET /v1/org/branches/gone').length).toBe(2);
  });

  describe('修改名称', () => {
    const staff = () => sessionStore.setSession(makeSession()); // township staff of 五里堡街道
    const detail = (partial: Parameters<typeof makeBranch>[0] = {}) => ({
      status: 200,
      body: { branch: makeBranch(partial), township: { id: 'wulibao', name: '五里堡街道' } },
    });

    function rename(value: string) {
      fireEvent.click(screen.getByText('修改名称'));
      const input = screen.getByPlaceholderText('支部名称') as HTMLInputElement;
      expect(input.value).toBe('建新南街社区');
      fireEvent.change(input, { target: { value } });
      fireEvent.click(screen.getByText('保存'));
    }

    it('is offered to managers of the branch’s township only', async () => {
      const secretary = makeBinding({
        role: 'secretary',
        scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnan' },
      });
      sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
      router.params = { id: 'jianxinnan' };
      fakeApi({ 'GET /v1/org/branches/jianxinnan': detail() });

      render(<BranchPage />);
      await screen.findByText('建新南街社区');

      expect(screen.queryByText('修改名称')).toBeNull();
    });

    it('sends the new name with the version it showed and shows the renamed branch', async () => {
      staff();
      router.params = { id: 'jianxinnan' };
      const server = fakeApi({
        'GET /v1/org/branches/jianxinnan': [detail({ version: 3 }), detail({ version: 4, name: '建新南街新社区' })],
        'PUT /v1/org/branches/jianxinnan': detail({ version: 4, name: '建新南街新社区' }),
      });

      render(<BranchPage />);
      await screen.findByText('建新南街社区');
      rename('建新南街新社区');

      expect(await screen.findByText('建新南街新社区')).toBeTruthy();
      expect(server.calls('PUT /v1/org/branches/jianxinnan')[0].body).toEqual({ name: '建新南街新社区', version: 3 });
      expect(taroMock.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '建新南街新社区' });
    });

    it('409 after someone else changed it: says so and reloads the branch', async () => {
      staff();
      router.params = { id: 'jianxinnan' };
      const server = fakeApi({
        'GET /v1/org/branches/jianxinnan': [detail({ version: 3 }), detail({ version: 4, name: '建新南街社区（改）' })],
        'PUT /v1/org/branches/jianxinnan': errorReply(409, 'CONFLICT', '支部信息已被他人修改，请刷新后重试'),
      });

      render(<BranchPage />);
      await screen.findByText('建新南街社区');
      rename('建新南街新社区');

      expect(await screen.findByText('已被他人修改，请刷新后重试')).toBeTruthy();
      expect(await screen.findByText('建新南街社区（改）')).toBeTruthy();
      expect(screen.queryByPlaceholderText('支部名称')).toBeNull();
      expect(server.calls('GET /v1/org/branches/jianxinnan').length).toBeGreaterThanOrEqual(2);
    });

    it('409 for a name taken in the township: the message goes next to the name', async () => {
      staff();
      router.params = { id: 'jianxinnan' };
      fakeApi({
        'GET /v1/org/branches/jianxinnan': detail({ version: 3 }),
        'PUT /v1/org/branches/jianxinnan': errorReply(409, 'CONFLICT', '该乡镇（街道）已有同名支部'),
      });

      render(<BranchPage />);
      await screen.findByText('建新南街社区');
      rename('福华街社区');

      const message = await screen.findByText('该乡镇（街道）已有同名支部');
      expect(message.className).toContain('cx-field__error');
      expect(screen.queryByText('已被他人修改，请刷新后重试')).toBeNull();
    });
  });
});
