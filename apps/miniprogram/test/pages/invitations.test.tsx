import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import InvitationsPage from '../../src/subpackages/identity/pages/invitations/index';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeBranch, makeInvitation, makeMe, makeOrgTree, makeSession, makeTownship } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const adminBinding = makeBinding({
  bindingId: 'b-adm',
  userId: 'u-admin',
  role: 'district_admin',
  scope: { level: 'district', districtId: 'erqi' },
  scopeLabel: '二七区',
});
const asStaff = () => sessionStore.setSession(makeSession());
const asAdmin = () =>
  sessionStore.setSession(
    makeSession({
      me: makeMe({
        user: { id: 'u-admin', displayName: '孙管理员', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
        bindings: [adminBinding],
      }),
    }),
  );

const staffTree = makeOrgTree({ townships: [makeTownship()] });
const wulibaoBranches = {
  township: makeTownship(),
  branches: [makeBranch(), makeBranch({ id: 'fuhuajie', name: '福华街社区' })],
};

function roleOptions(container: HTMLElement) {
  return Array.from(container.querySelectorAll('.cx-role-option')).map((n) => n.textContent);
}

function fieldOf(container: HTMLElement, label: string): HTMLElement {
  const field = Array.from(container.querySelectorAll<HTMLElement>('.cx-field')).find(
    (f) => f.querySelector('.cx-field__label')?.textContent === label,
  );
  if (!field) throw new Error(`no field ${label}`);
  return field;
}

function typeName(value: string) {
  fireEvent.change(screen.getByPlaceholderText('受邀人的真实姓名'), { target: { value } });
}

const created = (partial: Parameters<typeof makeInvitation>[0] = {}) => ({
  status: 201,
  body: {
    invitation: makeInvitation({ id: 'inv-new', inviteeName: '张三', expiresAt: '2026-11-30T02:00:00.000Z', ...partial }),
    code: 'K7M3-Q9PX',
  },
});

describe('invitations page: the form', () => {
  it('offers township staff only the six roles they may grant', async () => {
    asStaff();
    fakeApi({ 'GET /v1/org/tree': { status: 200, body: staffTree }, 'GET /v1/invitations': { status: 200, body: { invitations: [] } } });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('生成邀请码');

    expect(roleOptions(container)).toEqual([
      '村（社区）干部',
      '支部书记',
      '民情气象站接待员',
      '乡镇（街道）工作人员',
      '督导员',
      '纪检监察',
    ]);
    expect(screen.queryByText('县级领导')).toBeNull();
    expect(screen.queryByText('区委组织部管理员')).toBeNull();
  });

  it('offers district admins every official role', async () => {
    asAdmin();
    fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
    });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('生成邀请码');

    expect(roleOptions(container)).toHaveLength(9);
    expect(roleOptions(container)).toContain('专班');
    expect(roleOptions(container)).toContain('县级领导');
    expect(roleOptions(container)).toContain('区委组织部管理员');
    expect(roleOptions(container)).toContain('纪检监察');
    // 纪检监察 says who it is (廉情来信 go there, not to the 督导员).
    expect(container.querySelector('.invite-role-hint')).toBeNull();
    fireEvent.click(screen.getByText('纪检监察'));
    expect(container.querySelector('.invite-role-hint')?.textContent).toBe('乡镇（街道）纪（工）委、亲清监察站：办理和统计廉情来信');
  });

  it('township staff: sends name, role, branch scope and validity, then shows the one-time code once', async () => {
    asStaff();
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: staffTree },
      'GET /v1/org/townships/wulibao/branches': { status: 200, body: wulibaoBranches },
      'POST /v1/invitations': created({ role: 'secretary', scopeLabel: '五里堡街道 · 福华街社区' }),
      'GET /v1/invitations': [
        { status: 200, body: { invitations: [] } },
        { status: 200, body: { invitations: [makeInvitation({ id: 'inv-new', scopeLabel: '五里堡街道 · 福华街社区' })] } },
      ],
    });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('生成邀请码');
    typeName('  张三 ');
    fireEvent.click(screen.getByText('支部书记'));
    // The caller's only township is already chosen; its branches load.
    fireEvent.click(await screen.findByText('福华街社区'));
    fireEvent.click(screen.getByText('7 天'));
    fireEvent.click(screen.getByText('生成邀请码'));

    const code = await screen.findByText('K7M3-Q9PX');
    expect(code.className).toContain('cx-invite-code');
    expect(server.calls('POST /v1/invitations')[0].body).toEqual({
      inviteeName: '张三',
      role: 'secretary',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'fuhuajie' },
      expiresInHours: 168,
    });
    const result = within(container.querySelector('.cx-invite-result') as HTMLElement);
    expect(result.getByText('张三 · 支部书记')).toBeTruthy();
    expect(result.getByText('五里堡街道 · 福华街社区')).toBeTruthy();
    // 02:00 UTC is 10:00 in Beijing.
    expect(result.getByText('有效期至 2026-11-30 10:00（北京时间）')).toBeTruthy();
    expect(result.getByText('请对方在小程序「我的 → 绑定身份」中输入此邀请码')).toBeTruthy();
    expect(container.querySelector('.cx-invite-form')).toBeNull();

    fireEvent.click(screen.getByText('复制邀请码'));
    expect(taroMock.setClipboardData).toHaveBeenCalledWith({ data: 'K7M3-Q9PX' });
    // The list is reloaded with the new invitation.
    await waitFor(() => expect(container.querySelectorAll('.cx-invitation-item')).toHaveLength(1));

    // 继续邀请: a blank form; the code is not shown again.
    fireEvent.click(screen.getByText('继续邀请'));
    expect(screen.queryByText('K7M3-Q9PX')).toBeNull();
    expect((screen.getByPlaceholderText('受邀人的真实姓名') as HTMLInputElement).value).toBe('');
  });

  it('district admin: a 县级领导 may be given several townships; default validity is 3 days', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
      'POST /v1/invitations': created({
        role: 'leader',
        scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'houzhai'] },
        scopeLabel: '五里堡街道、侯寨乡',
      }),
    });

    render(<InvitationsPage />);
    await screen.findByText('生成邀请码');
    typeName('周领导');
    fireEvent.click(screen.getByText('县级领导'));
    fireEvent.click(screen.getByText('五里堡街道'));
    fireEvent.click(screen.getByText('侯寨乡'));
    fireEvent.click(screen.getByText('生成邀请码'));

    await screen.findByText('K7M3-Q9PX');
    expect(server.calls('POST /v1/invitations')[0].body).toEqual({
      inviteeName: '周领导',
      role: 'leader',
      scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'houzhai'] },
      expiresInHours: 72,
    });
  });

  it('district admin: a 专班 invitation names the one star it reviews, at 全区', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
      'POST /v1/invitations': created({ role: 'taskforce', star: 'safety_law' }),
    });
    const { container } = render(<InvitationsPage />);
    await screen.findByText('生成邀请码');
    typeName('郑主任');
    expect(container.querySelector('.invite-star')).toBeNull();
    fireEvent.click(screen.getByText('专班'));
    expect(screen.getByText('全区：二七区')).toBeTruthy();
    // No star yet: said beside the star chips, and nothing is sent.
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(fieldOf(container, '负责的星').querySelector('.cx-field__error')?.textContent).toBe('请选择专班负责的星');
    expect(server.calls('POST /v1/invitations')).toHaveLength(0);
    fireEvent.click(screen.getByText('平安法治星'));
    fireEvent.click(screen.getByText('生成邀请码'));
    await screen.findByText('K7M3-Q9PX');
    expect(server.calls('POST /v1/invitations')[0].body).toEqual({
      inviteeName: '郑主任',
      role: 'taskforce',
      scope: { level: 'district', districtId: 'erqi' },
      star: 'safety_law',
      expiresInHours: 72,
    });
  });

  it('district admin: a 乡镇（街道）工作人员 gets exactly one township; 全区 needs no picker', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
      'POST /v1/invitations': [created(), created()],
    });

    render(<InvitationsPage />);
    await screen.findByText('生成邀请码');
    typeName('刘干事');
    fireEvent.click(screen.getByText('乡镇（街道）工作人员'));
    fireEvent.click(screen.getByText('五里堡街道'));
    fireEvent.click(screen.getByText('侯寨乡'));
    fireEvent.click(screen.getByText('生成邀请码'));
    await screen.findByText('K7M3-Q9PX');
    expect(server.calls('POST /v1/invitations')[0].body).toMatchObject({
      role: 'township_staff',
      scope: { level: 'township', districtId: 'erqi', townshipIds: ['houzhai'] },
    });

    fireEvent.click(screen.getByText('继续邀请'));
    typeName('钱管理员');
    fireEvent.click(screen.getByText('区委组织部管理员'));
    expect(screen.getByText('全区：二七区')).toBeTruthy();
    fireEvent.click(screen.getByText('生成邀请码'));
    await screen.findByText('K7M3-Q9PX');
    expect(server.calls('POST /v1/invitations')[1].body).toMatchObject({
      role: 'district_admin',
      scope: { level: 'district', districtId: 'erqi' },
    });
  });

  it('shows the server’s field errors next to their fields', async () => {
    asStaff();
    fakeApi({
      'GET /v1/org/tree': { status: 200, body: staffTree },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
      'POST /v1/invitations': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误，请检查标出的项目',
          details: [
            { path: 'body.inviteeName', code: 'too_big', message: '不能超过 40 个字' },
            { path: 'scope.townshipIds', code: 'one_township', message: '乡镇（街道）工作人员只能绑定一个乡镇（街道）' },
          ],
        },
      },
    });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('生成邀请码');
    typeName('张三');
    fireEvent.click(screen.getByText('乡镇（街道）工作人员'));
    fireEvent.click(screen.getByText('生成邀请码'));

    expect(await within(fieldOf(container, '姓名')).findByText('不能超过 40 个字')).toBeTruthy();
    expect(within(fieldOf(container, '范围')).getByText('乡镇（街道）工作人员只能绑定一个乡镇（街道）')).toBeTruthy();
    expect(screen.queryByText('提交的内容有误，请检查标出的项目')).toBeNull();
    expect(container.querySelector('.cx-invite-code')).toBeNull();
  });

  it('shows the server’s message when no field is named', async () => {
    asStaff();
    fakeApi({
      'GET /v1/org/tree': { status: 200, body: staffTree },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
      'POST /v1/invitations': errorReply(403, 'FORBIDDEN_SCOPE', '超出您的管辖范围'),
    });

    render(<InvitationsPage />);
    await screen.findByText('生成邀请码');
    typeName('张三');
    fireEvent.click(screen.getByText('督导员'));
    fireEvent.click(screen.getByText('生成邀请码'));

    expect(await screen.findByText('超出您的管辖范围')).toBeTruthy();
  });

  it('checks the name, role and scope before asking the server', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
    });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('生成邀请码');
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(within(fieldOf(container, '姓名')).getByText('请输入受邀人姓名')).toBeTruthy();
    expect(within(fieldOf(container, '角色')).getByText('请选择角色')).toBeTruthy();

    typeName('张三');
    fireEvent.click(screen.getByText('支部书记'));
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(within(fieldOf(container, '范围')).getByText('请先选择乡镇（街道），再选择支部')).toBeTruthy();
    expect(server.calls('POST /v1/invitations')).toHaveLength(0);
  });

  it('tells residents they cannot invite, without calling the server', () => {
    sessionStore.setSession(makeSession({ me: makeMe({ roles: ['resident'], bindings: [] }) }));
    const server = fakeApi({});

    render(<InvitationsPage />);

    expect(screen.getByText('只有区委组织部管理员和乡镇（街道）工作人员可以邀请绑定。')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});

describe('invitations page: the list', () => {
  it('lists invitations newest first with 待使用 / 已使用 / 已撤销 / 已过期', async () => {
    asStaff();
    const invitations = [
      makeInvitation({
        id: 'a',
        inviteeName: '甲',
        status: 'redeemed',
        createdAt: '2025-01-02T00:00:00.000Z',
        redeemedAt: '2025-01-03T00:00:00.000Z',
      }),
      makeInvitation({
        id: 'b',
        inviteeName: '乙',
        status: 'open',
        createdAt: '2025-01-05T00:00:00.000Z',
        expiresAt: '2999-01-01T00:00:00.000Z',
      }),
      makeInvitation({
        id: 'c',
        inviteeName: '丙',
        status: 'open',
        createdAt: '2025-01-04T00:00:00.000Z',
        expiresAt: '2025-01-07T00:00:00.000Z',
      }),
      makeInvitation({ id: 'd', inviteeName: '丁', status: 'revoked', createdAt: '2025-01-01T00:00:00.000Z' }),
    ];
    fakeApi({ 'GET /v1/org/tree': { status: 200, body: staffTree }, 'GET /v1/invitations': { status: 200, body: { invitations } } });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('乙');

    const rows = Array.from(container.querySelectorAll('.cx-invitation-item')).map((row) => [
      row.querySelector('.invitation-item__name')?.textContent,
      row.querySelector('.cx-invitation-status')?.textContent,
    ]);
    expect(rows).toEqual([
      ['乙', '待使用'],
      ['丙', '已过期'],
      ['甲', '已使用'],
      ['丁', '已撤销'],
    ]);
    expect(screen.getByText('有效期至 2999-01-01 08:00')).toBeTruthy();
  });

  it('district admins filter the list by township', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/invitations': { status: 200, body: { invitations: [] } },
    });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('暂无邀请记录');
    fireEvent.click(container.querySelector('.cx-township-filter') as HTMLElement);
    const option = Array.from(container.querySelectorAll<HTMLElement>('.cx-filter-township')).find((n) => n.textContent === '侯寨乡');
    fireEvent.click(option as HTMLElement);

    await waitFor(() =>
      expect(server.calls('GET /v1/invitations').map((r) => r.url.split('?')[1])).toEqual([undefined, 'townshipId=houzhai']),
    );
    expect(await screen.findByText('乡镇（街道）：侯寨乡')).toBeTruthy();
  });

  it('township staff get no township filter', async () => {
    asStaff();
    fakeApi({ 'GET /v1/org/tree': { status: 200, body: staffTree }, 'GET /v1/invitations': { status: 200, body: { invitations: [] } } });

    const { container } = render(<InvitationsPage />);
    await screen.findByText('暂无邀请记录');

    expect(container.querySelector('.cx-township-filter')).toBeNull();
  });

  it('shows the server message with 重试 when the list fails', async () => {
    asStaff();
    fakeApi({
      'GET /v1/org/tree': { status: 200, body: staffTree },
      'GET /v1/invitations': [errorReply(500, 'INTERNAL', '服务器开小差了'), { status: 200, body: { invitations: [] } }],
    });

    render(<InvitationsPage />);
    expect(await screen.findByText('服务器开小差了')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('暂无邀请记录')).toBeTruthy();
  });
});
