import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import TownshipPage from '../../src/subpackages/org/pages/township/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeBranch, makeMe, makeSession, makeTownship } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const township = makeTownship({
  id: 'houzhai',
  name: '侯寨乡',
  kind: 'township',
  isDemo: true,
  counts: { rural: 2, community: 1, total: 3 },
});
const branches = [
  makeBranch({ id: 'b-1', townshipId: 'houzhai', name: '樱桃沟村', type: 'rural', isDemo: true }),
  makeBranch({ id: 'b-2', townshipId: 'houzhai', name: '刘胡垌村', type: 'rural', isDemo: true }),
  makeBranch({ id: 'b-3', townshipId: 'houzhai', name: '侯寨社区', type: 'community', isDemo: true }),
];

function names(container: HTMLElement) {
  return Array.from(container.querySelectorAll('.cx-branch-item .township-branch__name')).map((n) => n.textContent);
}

describe('township page', () => {
  it('loads the township from the id in the route and lists its branches with their stars', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'houzhai' };
    const server = fakeApi({ 'GET /v1/org/townships/houzhai/branches': { status: 200, body: { township, branches } } });

    const { container } = render(<TownshipPage />);

    await screen.findByText('樱桃沟村');
    expect(server.sent[0].path).toBe('/v1/org/townships/houzhai/branches');
    expect(names(container)).toEqual(['樱桃沟村', '刘胡垌村', '侯寨社区']);
    const rural = within(container.querySelectorAll<HTMLElement>('.cx-branch-item')[0]);
    expect(rural.getByText('农村')).toBeTruthy();
    expect(rural.getByText('产业兴旺星')).toBeTruthy();
    expect(container.querySelectorAll('.cx-branch-item')[0].querySelectorAll('.cx-star-chip')).toHaveLength(5);
    const community = within(container.querySelectorAll<HTMLElement>('.cx-branch-item')[2]);
    expect(community.getByText('共建共享星')).toBeTruthy();
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '侯寨乡' });
  });

  it('filters by 农村 / 社区 / 全部', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'houzhai' };
    fakeApi({ 'GET /v1/org/townships/houzhai/branches': { status: 200, body: { township, branches } } });

    const { container } = render(<TownshipPage />);
    await screen.findByText('樱桃沟村');

    fireEvent.click(screen.getByText('社区（1）'));
    expect(names(container)).toEqual(['侯寨社区']);
    fireEvent.click(screen.getByText('农村（2）'));
    expect(names(container)).toEqual(['樱桃沟村', '刘胡垌村']);
    fireEvent.click(screen.getByText('全部（3）'));
    expect(names(container)).toHaveLength(3);
  });

  it('opens the branch page when a row is tapped', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'houzhai' };
    fakeApi({ 'GET /v1/org/townships/houzhai/branches': { status: 200, body: { township, branches } } });

    render(<TownshipPage />);
    fireEvent.click(await screen.findByText('侯寨社区'));

    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/org/pages/branch/index?id=b-3' });
  });

  it('shows an empty state for a township without branches', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'houzhai' };
    fakeApi({ 'GET /v1/org/townships/houzhai/branches': { status: 200, body: { township, branches: [] } } });

    render(<TownshipPage />);

    expect(await screen.findByText('该乡镇（街道）暂无支部')).toBeTruthy();
  });

  it('shows 无权查看或不存在 for a township out of scope', async () => {
    sessionStore.setSession(makeSession());
    router.params = { id: 'houzhai' };
    fakeApi({ 'GET /v1/org/townships/houzhai/branches': errorReply(403, 'FORBIDDEN_SCOPE', '超出您的管辖范围') });

    render(<TownshipPage />);

    expect(await screen.findByText('无权查看或不存在')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  describe('新增支部', () => {
    const houzhaiStaff = makeBinding({ scope: { level: 'township', districtId: 'erqi', townshipIds: ['houzhai'] }, scopeLabel: '侯寨乡' });
    const admin = makeBinding({
      bindingId: 'b-adm',
      role: 'district_admin',
      scope: { level: 'district', districtId: 'erqi' },
      scopeLabel: '二七区',
    });
    const leader = makeBinding({
      bindingId: 'b-lead',
      role: 'leader',
      scope: { level: 'township', districtId: 'erqi', townshipIds: ['houzhai'] },
      scopeLabel: '侯寨乡',
    });
    const inspector = makeBinding({
      bindingId: 'b-ins',
      role: 'inspector',
      scope: { level: 'district', districtId: 'erqi' },
      scopeLabel: '二七区',
    });

    const cases: [string, ReturnType<typeof makeBinding>, boolean][] = [
      ['township staff of this township', houzhaiStaff, true],
      ['a district admin', admin, true],
      ['township staff of another township', makeBinding(), false],
      ['a leader in charge of it', leader, false],
      ['a district-wide inspector', inspector, false],
    ];
    for (const [who, binding, shown] of cases) {
      it(`is ${shown ? '' : 'not '}offered to ${who}`, async () => {
        sessionStore.setSession(makeSession({ me: makeMe({ bindings: [binding] }) }));
        router.params = { id: 'houzhai' };
        fakeApi({ 'GET /v1/org/townships/houzhai/branches': { status: 200, body: { township, branches } } });

        render(<TownshipPage />);
        await screen.findByText('樱桃沟村');

        expect(screen.queryByText('新增支部') !== null).toBe(shown);
      });
    }

    it('creates a branch with name and type, then reloads the list', async () => {
      sessionStore.setSession(makeSession({ me: makeMe({ bindings: [houzhaiStaff] }) }));
      router.params = { id: 'houzhai' };
      const added = makeBranch({ id: 'b-4', townshipId: 'houzhai', name: '新建村', type: 'rural' });
      const server = fakeApi({
        'GET /v1/org/townships/houzhai/branches': [
          { status: 200, body: { township, branches } },
          { status: 200, body: { township, branches: [...branches, added] } },
        ],
        'POST /v1/org/townships/houzhai/branches': { status: 201, body: { branch: added, township: { id: 'houzhai', name: '侯寨乡' } } },
      });

      const { container } = render(<TownshipPage />);
      fireEvent.click(await screen.findByText('新增支部'));
      fireEvent.change(screen.getByPlaceholderText('例如 建新南街社区'), { target: { value: ' 新建村 ' } });
      fireEvent.click(within(container.querySelector('.cx-branch-form') as HTMLElement).getByText('农村'));
      fireEvent.click(screen.getByText('保存'));

      expect(await screen.findByText('新建村')).toBeTruthy();
      expect(server.calls('POST /v1/org/townships/houzhai/branches')[0].body).toEqual({ name: '新建村', type: 'rural' });
      expect(server.calls('GET /v1/org/townships/houzhai/branches')).toHaveLength(2);
      expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已新增支部' }));
      expect(container.querySelector('.cx-branch-form')).toBeNull();
    });

    it('shows a taken name (409) next to the name field and keeps the form', async () => {
      sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
      router.params = { id: 'houzhai' };
      fakeApi({
        'GET /v1/org/townships/houzhai/branches': { status: 200, body: { township, branches } },
        'POST /v1/org/townships/houzhai/branches': errorReply(409, 'CONFLICT', '该乡镇（街道）已有同名支部'),
      });

      const { container } = render(<TownshipPage />);
      fireEvent.click(await screen.findByText('新增支部'));
      fireEvent.change(screen.getByPlaceholderText('例如 建新南街社区'), { target: { value: '樱桃沟村' } });
      fireEvent.click(within(container.querySelector('.cx-branch-form') as HTMLElement).getByText('农村'));
      fireEvent.click(screen.getByText('保存'));

      const message = await screen.findByText('该乡镇（街道）已有同名支部');
      expect(message.className).toContain('cx-field__error');
      expect(container.querySelector('.cx-branch-form')).not.toBeNull();
    });

    it('asks for a name and a type before calling the server', async () => {
      sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
      router.params = { id: 'houzhai' };
      const server = fakeApi({ 'GET /v1/org/townships/houzhai/branches': { status: 200, body: { township, branches } } });

      render(<TownshipPage />);
      fireEvent.click(await screen.findByText('新增支部'));
      fireEvent.click(screen.getByText('保存'));

      expect(screen.getByText('请输入支部名称')).toBeTruthy();
      expect(screen.getByText('请选择农村或社区')).toBeTruthy();
      await waitFor(() => expect(server.sent.filter((r) => r.method === 'POST')).toHaveLength(0));
    });
  });
});
