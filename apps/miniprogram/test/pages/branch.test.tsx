import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import BranchPage from '../../src/subpackages/org/pages/branch/index';
import { sessionStore } from '../../src/services/session-store';
import { router, taroMock } from '../mocks/taro';
import { errorReply, fakeApi } from '../support/fake-api';
import { makeBranch, makeSession } from '../support/factories';

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
  });

  it('uses the rural star set for a village', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'v1' };
    fakeApi({
      'GET /v1/org/branches/v1': { status: 200, body: { branch: makeBranch({ id: 'v1', name: '樱桃沟村', type: 'rural' }), township: { id: 'houzhai', name: '侯寨乡' } } },
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
});
