import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import DailyRulesPage from '../../src/subpackages/reports/pages/daily-rules/index';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { pick } from '../support/pick';

const RULES = { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' };
const admin = makeBinding({
  bindingId: 'b-adm',
  userId: 'u-admin',
  role: 'district_admin',
  scope: { level: 'district', districtId: 'erqi' },
  scopeLabel: '二七区',
});

function asAdmin() {
  sessionStore.setSession(
    makeSession({
      me: makeMe({
        user: { id: 'u-admin', displayName: '孙管理员', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
        bindings: [admin],
      }),
    }),
  );
}

/** The time picker's current value (the mock's wheel input). */
const input = (cls: string) => document.querySelector(`.${cls} .picker-wheel`) as HTMLInputElement;
const option = (cls: string, text: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(`.${cls}`)).find((n) => n.textContent?.includes(text)) as HTMLElement;
const save = () => document.querySelector('.cx-rules-save') as HTMLButtonElement;

describe('日报规则', () => {
  it('district admins edit the rules: chips, a typed time, the backfill stepper; 保存 sends the contract body', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/daily-rules': { status: 200, body: RULES },
      'PUT /v1/daily-rules': (req) => ({ status: 200, body: req.body }),
    });

    render(<DailyRulesPage />);
    await waitFor(() => expect(input('cx-rules-deadline')?.value).toBe('22:00'));
    expect(document.querySelector('.cx-rules-backfill')?.textContent).toBe('1');
    expect(screen.getByText('1 = 当天和前一天；0 = 只能填写当天')).toBeTruthy();
    expect(screen.getByText('可补报当天和前一天')).toBeTruthy();

    fireEvent.click(option('cx-rules-deadline-option', '23:00'));
    expect(input('cx-rules-deadline').value).toBe('23:00');
    fireEvent.click(document.querySelector('.cx-rules-backfill-more') as HTMLElement);
    fireEvent.click(document.querySelector('.cx-rules-backfill-more') as HTMLElement);
    expect(screen.getByText('可补报当天和前 3 天')).toBeTruthy();
    // The number keyboard has no colon: "1930" means 19:30.
    pick('.cx-rules-reminder', '1930');
    fireEvent.click(save());

    await waitFor(() => expect(server.calls('PUT /v1/daily-rules')).toHaveLength(1));
    expect(server.calls('PUT /v1/daily-rules')[0].body).toEqual({ deadline: '23:00', maxBackfillDays: 3, reminderTime: '19:30' });
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }));
    expect(input('cx-rules-reminder').value).toBe('19:30');
  });

  it('the stepper stays within 0–7', async () => {
    asAdmin();
    fakeApi({ 'GET /v1/daily-rules': { status: 200, body: { ...RULES, maxBackfillDays: 7 } } });

    render(<DailyRulesPage />);
    await waitFor(() => expect(document.querySelector('.cx-rules-backfill')?.textContent).toBe('7'));
    fireEvent.click(document.querySelector('.cx-rules-backfill-more') as HTMLElement);
    expect(document.querySelector('.cx-rules-backfill')?.textContent).toBe('7');
    for (let i = 0; i < 8; i++) fireEvent.click(document.querySelector('.cx-rules-backfill-less') as HTMLElement);
    expect(document.querySelector('.cx-rules-backfill')?.textContent).toBe('0');
    expect(screen.getByText('只能填写当天的日报')).toBeTruthy();
  });

  it('checks HH:MM with the contract before sending', async () => {
    asAdmin();
    const server = fakeApi({ 'GET /v1/daily-rules': { status: 200, body: RULES } });

    render(<DailyRulesPage />);
    await waitFor(() => expect(input('cx-rules-deadline')?.value).toBe('22:00'));
    pick('.cx-rules-deadline', '24:30');
    fireEvent.click(save());

    expect(await screen.findByText('时间格式应为 HH:MM')).toBeTruthy();
    expect(server.calls('PUT /v1/daily-rules')).toHaveLength(0);
    // Picking a chip clears the problem.
    fireEvent.click(option('cx-rules-deadline-option', '21:00'));
    expect(screen.queryByText('时间格式应为 HH:MM')).toBeNull();
  });

  it('shows the server’s field error next to its field, and no toast', async () => {
    asAdmin();
    fakeApi({
      'GET /v1/daily-rules': { status: 200, body: RULES },
      'PUT /v1/daily-rules': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '请求参数不正确',
          details: [{ path: 'body.reminderTime', code: 'custom', message: '提醒时间应早于截止时间' }],
        },
      },
    });

    const { container } = render(<DailyRulesPage />);
    await waitFor(() => expect(input('cx-rules-reminder')?.value).toBe('20:00'));
    fireEvent.click(save());

    const error = await screen.findByText('提醒时间应早于截止时间');
    // In the 提醒时间 field, right below its input.
    const field = input('cx-rules-reminder').closest('.cx-field') as HTMLElement;
    expect(field.contains(error)).toBe(true);
    expect(container.querySelector('.cx-form-problem')).toBeNull();
    expect(taroMock.showToast).not.toHaveBeenCalled();
  });

  it('a refused save shows the server’s message', async () => {
    asAdmin();
    fakeApi({
      'GET /v1/daily-rules': { status: 200, body: RULES },
      'PUT /v1/daily-rules': errorReply(403, 'FORBIDDEN_SCOPE', '只有区委组织部管理员可以修改日报规则'),
    });

    render(<DailyRulesPage />);
    await waitFor(() => expect(save()).toBeTruthy());
    fireEvent.click(save());

    expect(await screen.findByText('只有区委组织部管理员可以修改日报规则')).toBeTruthy();
  });

  it('everyone else sees the rules read-only', async () => {
    sessionStore.setSession(makeSession()); // township staff
    const server = fakeApi({
      'GET /v1/daily-rules': { status: 200, body: { deadline: '21:30', maxBackfillDays: 2, reminderTime: '19:00' } },
    });

    const { container } = render(<DailyRulesPage />);

    await waitFor(() => expect(container.querySelector('.cx-rules-view-deadline')?.textContent).toBe('21:30'));
    expect(container.querySelector('.cx-rules-view-backfill')?.textContent).toBe('2 天');
    expect(container.querySelector('.cx-rules-view-reminder')?.textContent).toBe('19:00');
    expect(screen.getByText('可补报当天和前 2 天（1 = 当天和前一天）')).toBeTruthy();
    expect(container.querySelector('.cx-rules-save')).toBeNull();
    expect(container.querySelector('input')).toBeNull();
    expect(server.sent.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('a failed load offers 重试', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/daily-rules': [
        { status: 503, body: { code: 'INTERNAL', message: '服务暂时不可用' } },
        { status: 200, body: RULES },
      ],
    });

    render(<DailyRulesPage />);
    fireEvent.click(await screen.findByText('重试'));

    await waitFor(() => expect(input('cx-rules-deadline')?.value).toBe('22:00'));
    expect(server.calls('GET /v1/daily-rules')).toHaveLength(2);
  });

  it('residents are asked to bind first; no request is made', () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [], roles: ['resident'] }) }));
    const server = fakeApi({});

    render(<DailyRulesPage />);

    expect(screen.getByText('日报规则仅对党务工作人员开放。干部和工作人员请先绑定身份。')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});
