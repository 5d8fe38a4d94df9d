import { addDays, addMonths, type Exemption, monthOf, shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ExemptionsPage from '../../src/subpackages/reports/pages/exemptions/index';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeBranch, makeMe, makeOrgTree, makeSession, makeTownship } from '../support/factories';
import { errorReply, fakeApi, type SentRequest } from '../support/fake-api';
import { pick } from '../support/pick';

const today = shanghaiDay();
const tomorrow = addDays(today, 1);
const month = monthOf(today);
const first = `${month}-01`;
const second = `${month}-02`;

const WULIBAO = {
  status: 200,
  body: {
    township: makeTownship(),
    branches: [makeBranch(), makeBranch({ id: 'dongfang', name: '东方社区' })],
  },
};

function exemption(partial: Partial<Exemption>): Exemption {
  return { id: 'x', day: first, reason: '原因', createdBy: 'u-admin', createdAt: '2025-06-01T02:00:00.000Z', ...partial };
}
const holiday = exemption({ id: `${second}_all`, day: second, reason: '端午节' });
const leave = exemption({ id: `${first}_jianxinnan`, day: first, branchId: 'jianxinnan', reason: '支部外出学习', createdBy: 'u-staff' });
/** A branch outside the staff member's township (the server would not list it to them; a district admin sees it). */
const elsewhere = exemption({ id: `${first}_dengzhuang`, day: first, branchId: 'dengzhuang', reason: '防汛值守' });

const items = () => Array.from(document.querySelectorAll<HTMLElement>('.cx-exemption-item'));
const chip = (cls: string, text: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(`.${cls}`)).find((n) => n.textContent?.includes(text)) as HTMLElement;
const addButton = () => document.querySelector('.cx-exemption-add') as HTMLButtonElement;

const asCreated = (req: SentRequest) => ({
  status: 201,
  body: { id: 'new', createdBy: 'u-staff', createdAt: '2025-06-01T00:00:00.000Z', ...(req.body as object) },
});

describe('免报管理', () => {
  it('township staff: lists the month (holiday first on its day, branch names), 删除 only on their leave days', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': { status: 200, body: { exemptions: [holiday, leave] } },
    });

    render(<ExemptionsPage />);
    await waitFor(() => expect(items()).toHaveLength(2));

    expect(server.calls('GET /v1/exemptions')[0].url).toContain(`?month=${month}`);
    const [a, b] = items();
    expect(a.getAttribute('data-day')).toBe(first);
    expect(within(a).getByText('支部请假')).toBeTruthy();
    expect(within(a).getByText('建新南街社区')).toBeTruthy();
    expect(within(a).getByText('原因：支部外出学习')).toBeTruthy();
    // 02:00 UTC is 10:00 in Beijing.
    expect(within(a).getByText('登记于 2025-06-01 10:00')).toBeTruthy();
    expect(a.querySelector('.cx-exemption-delete')).not.toBeNull();
    expect(within(b).getByText('全区节假日')).toBeTruthy();
    expect(within(b).getByText('原因：端午节')).toBeTruthy();
    expect(b.querySelector('.cx-exemption-delete')).toBeNull();
    // The names came from the township's branches; nothing was looked up one by one.
    expect(server.sent.filter((r) => r.path.startsWith('/v1/org/branches/'))).toHaveLength(0);
  });

  it('township staff add a leave day: a branch of their township, tomorrow by default, a reason', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': [
        { status: 200, body: { exemptions: [] } },
        {
          status: 200,
          body: { exemptions: [exemption({ id: `${tomorrow}_dongfang`, day: tomorrow, branchId: 'dongfang', reason: '村“两委”换届' })] },
        },
      ],
      'POST /v1/exemptions': asCreated,
    });

    render(<ExemptionsPage />);
    await screen.findByText('本月没有节假日或请假');
    // No 全区节假日 for township staff.
    expect(document.querySelector('.cx-exemption-kind')).toBeNull();
    expect((document.querySelector('.cx-exemption-day .picker-wheel') as HTMLInputElement).value).toBe(tomorrow);

    fireEvent.click(addButton());
    expect(await screen.findByText('请选择支部')).toBeTruthy();
    expect(screen.getByText('请填写原因')).toBeTruthy();
    expect(server.calls('POST /v1/exemptions')).toHaveLength(0);

    fireEvent.click(chip('cx-exemption-branch', '东方社区'));
    fireEvent.change(document.querySelector('input.cx-exemption-reason') as HTMLInputElement, { target: { value: '  村“两委”换届  ' } });
    fireEvent.click(addButton());

    await waitFor(() => expect(server.calls('POST /v1/exemptions')).toHaveLength(1));
    expect(server.calls('POST /v1/exemptions')[0].body).toEqual({ day: tomorrow, branchId: 'dongfang', reason: '村“两委”换届' });
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已登记', icon: 'success' }));
    // The list shows the month of the new day.
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(server.calls('GET /v1/exemptions').at(-1)?.url).toContain(`?month=${monthOf(tomorrow)}`);
    expect(within(items()[0]).getByText('东方社区')).toBeTruthy();
    expect((document.querySelector('input.cx-exemption-reason') as HTMLInputElement).value).toBe('');
  });

  it('the day field: ‹ › step a day, a typed day is normalised, an invalid one is refused', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': { status: 200, body: { exemptions: [] } },
      'POST /v1/exemptions': asCreated,
    });

    render(<ExemptionsPage />);
    await screen.findByText('本月没有节假日或请假');
    const day = () => document.querySelector('.cx-exemption-day .picker-wheel') as HTMLInputElement;
    fireEvent.click(document.querySelector('.cx-exemption-day-next') as HTMLElement);
    expect(day().value).toBe(addDays(today, 2));
    fireEvent.click(document.querySelector('.cx-exemption-day-prev') as HTMLElement);
    fireEvent.click(document.querySelector('.cx-exemption-day-prev') as HTMLElement);
    expect(day().value).toBe(today);

    fireEvent.click(chip('cx-exemption-branch', '建新南街社区'));
    fireEvent.change(document.querySelector('input.cx-exemption-reason') as HTMLInputElement, { target: { value: '培训' } });
    pick(day(), '2025-02-30');
    fireEvent.click(addButton());
    expect(await screen.findByText('请按 年-月-日 填写有效日期，如 2025-10-01')).toBeTruthy();
    expect(server.calls('POST /v1/exemptions')).toHaveLength(0);

    pick(day(), '2025/10/8');
    fireEvent.click(addButton());
    await waitFor(() => expect(server.calls('POST /v1/exemptions')).toHaveLength(1));
    expect(server.calls('POST /v1/exemptions')[0].body).toMatchObject({ day: '2025-10-08' });
  });

  it('a 409 shows the server’s message', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': { status: 200, body: { exemptions: [] } },
      'POST /v1/exemptions': errorReply(409, 'CONFLICT', '当天已登记免报'),
    });

    render(<ExemptionsPage />);
    await screen.findByText('本月没有节假日或请假');
    fireEvent.click(chip('cx-exemption-branch', '东方社区'));
    fireEvent.change(document.querySelector('input.cx-exemption-reason') as HTMLInputElement, { target: { value: '培训' } });
    fireEvent.click(addButton());

    expect(await screen.findByText('当天已登记免报')).toBeTruthy();
    expect(taroMock.showToast).not.toHaveBeenCalled();
  });

  it('deletes after confirmation: the route is called, the row goes, 已删除', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': { status: 200, body: { exemptions: [holiday, leave] } },
      [`DELETE /v1/exemptions/${leave.id}`]: { status: 200, body: leave },
    });

    render(<ExemptionsPage />);
    await waitFor(() => expect(items()).toHaveLength(2));
    fireEvent.click(screen.getByText('删除'));

    await waitFor(() => expect(items()).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除免报', confirmText: '删除' }));
    expect(String(taroMock.showModal.mock.calls[0][0].content)).toContain('建新南街社区');
    expect(server.calls(`DELETE /v1/exemptions/${leave.id}`)).toHaveLength(1);
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已删除', icon: 'success' });
    expect(within(items()[0]).getByText('全区节假日')).toBeTruthy();
  });

  it('does nothing when the confirmation is cancelled; a refusal shows the server’s message on the row', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': { status: 200, body: { exemptions: [leave] } },
      [`DELETE /v1/exemptions/${leave.id}`]: errorReply(403, 'FORBIDDEN_SCOPE', '超出您的管辖范围'),
    });

    render(<ExemptionsPage />);
    await waitFor(() => expect(items()).toHaveLength(1));
    taroMock.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.sent.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByText('删除'));
    expect(await within(items()[0]).findByText('超出您的管辖范围')).toBeTruthy();
    expect(items()).toHaveLength(1);
  });

  it('district admins: 全区节假日 by default (no branchId), 删除 on everything, names looked up', async () => {
    const admin = makeBinding({
      bindingId: 'b-adm',
      userId: 'u-admin',
      role: 'district_admin',
      scope: { level: 'district', districtId: 'erqi' },
      scopeLabel: '二七区',
    });
    sessionStore.setSession(
      makeSession({
        me: makeMe({
          user: { id: 'u-admin', displayName: '孙管理员', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
          bindings: [admin],
        }),
      }),
    );
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/exemptions': { status: 200, body: { exemptions: [holiday, elsewhere] } },
      'GET /v1/org/branches/dengzhuang': {
        status: 200,
        body: {
          branch: makeBranch({ id: 'dengzhuang', name: '邓庄村', type: 'rural', townshipId: 'houzhai' }),
          township: { id: 'houzhai', name: '侯寨乡' },
        },
      },
      'GET /v1/org/townships/dehuajie/branches': {
        status: 200,
        body: {
          township: makeTownship({ id: 'dehuajie', name: '德化街街道' }),
          branches: [makeBranch({ id: 'dehua1', name: '德化社区', townshipId: 'dehuajie' })],
        },
      },
      'POST /v1/exemptions': asCreated,
    });

    render(<ExemptionsPage />);
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(await within(items()[0]).findByText('邓庄村')).toBeTruthy();
    expect(items().every((i) => i.querySelector('.cx-exemption-delete'))).toBe(true);

    fireEvent.change(document.querySelector('input.cx-exemption-reason') as HTMLInputElement, { target: { value: '国庆节' } });
    fireEvent.click(addButton());
    await waitFor(() => expect(server.calls('POST /v1/exemptions')).toHaveLength(1));
    expect(server.calls('POST /v1/exemptions')[0].body).toEqual({ day: tomorrow, reason: '国庆节' });

    // A branch's leave: township, then branch.
    fireEvent.click(chip('cx-exemption-kind', '支部请假'));
    fireEvent.click(chip('cx-exemption-township', '德化街街道'));
    fireEvent.click(await screen.findByText('德化社区'));
    fireEvent.change(document.querySelector('input.cx-exemption-reason') as HTMLInputElement, { target: { value: '外出学习' } });
    fireEvent.click(addButton());
    await waitFor(() => expect(server.calls('POST /v1/exemptions')).toHaveLength(2));
    expect(server.calls('POST /v1/exemptions')[1].body).toEqual({ day: tomorrow, branchId: 'dehua1', reason: '外出学习' });
  });

  it('district admins record a 调休上班 Saturday (kind workday, no branch); a weekday is refused before sending', async () => {
    const admin = makeBinding({
      bindingId: 'b-adm',
      userId: 'u-admin',
      role: 'district_admin',
      scope: { level: 'district', districtId: 'erqi' },
      scopeLabel: '二七区',
    });
    sessionStore.setSession(
      makeSession({
        me: makeMe({
          user: { id: 'u-admin', displayName: '孙管理员', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
          bindings: [admin],
        }),
      }),
    );
    const workday = exemption({ id: '2026-10-10_all', day: '2026-10-10', kind: 'workday', reason: '国庆节调休上班' });
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/exemptions': [
        { status: 200, body: { exemptions: [] } },
        { status: 200, body: { exemptions: [workday] } },
      ],
      'POST /v1/exemptions': asCreated,
    });

    render(<ExemptionsPage />);
    await screen.findByText('本月没有节假日或请假');
    fireEvent.click(chip('cx-exemption-kind', '调休上班'));
    expect(screen.getByText('周末调休上班：信件时限和倒排工期把这一天算作工作日（日报照常报送）')).toBeTruthy();
    // No branch to pick for a make-up working day.
    expect(document.querySelector('.cx-exemption-township')).toBeNull();
    const day = () => document.querySelector('.cx-exemption-day .picker-wheel') as HTMLInputElement;
    pick(day(), '2026-10-09'); // a Friday
    fireEvent.change(document.querySelector('input.cx-exemption-reason') as HTMLInputElement, { target: { value: '国庆节调休上班' } });
    fireEvent.click(addButton());
    expect(await screen.findByText('调休上班日应为周六或周日')).toBeTruthy();
    expect(server.calls('POST /v1/exemptions')).toHaveLength(0);

    pick(day(), '2026-10-10');
    fireEvent.click(addButton());
    await waitFor(() => expect(server.calls('POST /v1/exemptions')).toHaveLength(1));
    expect(server.calls('POST /v1/exemptions')[0].body).toEqual({ day: '2026-10-10', kind: 'workday', reason: '国庆节调休上班' });
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0].getAttribute('data-kind')).toBe('workday');
    expect(within(items()[0]).getByText('调休上班')).toBeTruthy();
  });

  it('the month switcher asks for the other month', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': { status: 200, body: { exemptions: [] } },
    });

    render(<ExemptionsPage />);
    await screen.findByText('本月没有节假日或请假');
    fireEvent.click(document.querySelector('.cx-exemption-next-month') as HTMLElement);

    await waitFor(() => expect(server.calls('GET /v1/exemptions').at(-1)?.url).toContain(`?month=${addMonths(month, 1)}`));
    const label = `${addMonths(month, 1).slice(0, 4)}年${Number(addMonths(month, 1).slice(5, 7))}月`;
    expect(document.querySelector('.cx-exemption-month')?.textContent).toBe(label);
  });

  it('others read the list without the form or 删除', async () => {
    const inspector = makeBinding({
      bindingId: 'b-ins',
      role: 'inspector',
      scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] },
    });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [inspector] }) }));
    fakeApi({
      'GET /v1/exemptions': { status: 200, body: { exemptions: [holiday] } },
    });

    render(<ExemptionsPage />);
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(document.querySelector('.cx-exemption-form')).toBeNull();
    expect(document.querySelector('.cx-exemption-delete')).toBeNull();
  });

  it('a failed list offers 重试', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({
      'GET /v1/org/townships/wulibao/branches': WULIBAO,
      'GET /v1/exemptions': [
        { status: 503, body: { code: 'INTERNAL', message: '服务暂时不可用' } },
        { status: 200, body: { exemptions: [leave] } },
      ],
    });

    render(<ExemptionsPage />);
    fireEvent.click(await screen.findByText('重试'));

    await waitFor(() => expect(items()).toHaveLength(1));
  });
});
