import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import LetterRulesPage from '../../src/subpackages/mailbox/pages/letter-rules/index';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession, residentMe, stationBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const RULES = { acceptWorkingDays: 2, replyWorkingDays: 15, autoArchiveDays: 7, perDayLimit: 5 };
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

const field = (name: string) => document.querySelector(`.cx-letter-rules-field[data-field="${name}"]`) as HTMLElement;
const shownValue = (name: string) => field(name)?.querySelector('.cx-letter-rules-value')?.textContent;
const tap = (name: string, cls: 'cx-letter-rules-less' | 'cx-letter-rules-more') =>
  fireEvent.click(field(name).querySelector(`.${cls}`) as HTMLElement);
const preset = (name: string, n: number) =>
  fireEvent.click(
    Array.from(field(name).querySelectorAll<HTMLElement>('.cx-letter-rules-option')).find(
      (c) => c.textContent?.replace('✓', '') === String(n),
    ) as HTMLElement,
  );
const save = () => document.querySelector('.cx-letter-rules-save') as HTMLButtonElement;

describe('信箱规则', () => {
  it('district admins edit with steppers and chips; 保存 sends the contract body and says 已保存', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/letter-rules': { status: 200, body: RULES },
      'PUT /v1/letter-rules': (req) => ({ status: 200, body: req.body }),
    });

    render(<LetterRulesPage />);
    await waitFor(() => expect(shownValue('acceptWorkingDays')).toBe('2'));
    expect(screen.getByText('受理时限（工作日）')).toBeTruthy();
    expect(screen.getByText('答复时限（工作日）')).toBeTruthy();
    expect(screen.getByText('答复后自动归档（天）')).toBeTruthy();
    expect(screen.getByText('每人每天最多来信（封）')).toBeTruthy();
    expect(screen.getByText('来信送达后 2 个工作日内作出受理')).toBeTruthy();

    tap('acceptWorkingDays', 'cx-letter-rules-more');
    preset('replyWorkingDays', 30);
    tap('replyWorkingDays', 'cx-letter-rules-less');
    tap('autoArchiveDays', 'cx-letter-rules-less');
    preset('perDayLimit', 10);
    expect(screen.getByText('受理后 29 个工作日内答复')).toBeTruthy();
    fireEvent.click(save());

    await waitFor(() => expect(server.calls('PUT /v1/letter-rules')).toHaveLength(1));
    expect(server.calls('PUT /v1/letter-rules')[0].body).toEqual({
      acceptWorkingDays: 3,
      replyWorkingDays: 29,
      autoArchiveDays: 6,
      perDayLimit: 10,
    });
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }));
  });

  it('the steppers stay within the contract’s ranges', async () => {
    asAdmin();
    fakeApi({
      'GET /v1/letter-rules': { status: 200, body: { acceptWorkingDays: 10, replyWorkingDays: 60, autoArchiveDays: 1, perDayLimit: 50 } },
    });

    render(<LetterRulesPage />);
    await waitFor(() => expect(shownValue('acceptWorkingDays')).toBe('10'));
    tap('acceptWorkingDays', 'cx-letter-rules-more');
    tap('replyWorkingDays', 'cx-letter-rules-more');
    tap('autoArchiveDays', 'cx-letter-rules-less');
    tap('perDayLimit', 'cx-letter-rules-more');
    expect([
      shownValue('acceptWorkingDays'),
      shownValue('replyWorkingDays'),
      shownValue('autoArchiveDays'),
      shownValue('perDayLimit'),
    ]).toEqual(['10', '60', '1', '50']);
    expect(field('acceptWorkingDays').querySelector('.cx-letter-rules-more')?.classList.contains('is-disabled')).toBe(true);
  });

  it('shows the server’s field error next to its field, and no toast', async () => {
    asAdmin();
    fakeApi({
      'GET /v1/letter-rules': { status: 200, body: RULES },
      'PUT /v1/letter-rules': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误，请检查标出的项目',
          details: [{ path: 'body.replyWorkingDays', code: 'too_big', message: '数值过大：期望 number <=60' }],
        },
      },
    });

    const { container } = render(<LetterRulesPage />);
    await waitFor(() => expect(save()).toBeTruthy());
    fireEvent.click(save());

    const error = await screen.findByText('数值过大：期望 number <=60');
    expect(field('replyWorkingDays').contains(error)).toBe(true);
    expect(container.querySelector('.cx-form-problem')).toBeNull();
    expect(taroMock.showToast).not.toHaveBeenCalled();
    // Changing the field clears its error.
    tap('replyWorkingDays', 'cx-letter-rules-less');
    expect(screen.queryByText('数值过大：期望 number <=60')).toBeNull();
  });

  it('a refused save shows the server’s message', async () => {
    asAdmin();
    fakeApi({
      'GET /v1/letter-rules': { status: 200, body: RULES },
      'PUT /v1/letter-rules': errorReply(403, 'FORBIDDEN_SCOPE', '只有区委组织部管理员可以修改信箱规则'),
    });

    render(<LetterRulesPage />);
    await waitFor(() => expect(save()).toBeTruthy());
    fireEvent.click(save());

    expect(await screen.findByText('只有区委组织部管理员可以修改信箱规则')).toBeTruthy();
  });

  it('everyone else reads the rules: no steppers, no 保存, no PUT', async () => {
    for (const me of [makeMe(), makeMe({ bindings: [stationBinding()] }), residentMe()]) {
      sessionStore.setSession(makeSession({ me }));
      const server = fakeApi({ 'GET /v1/letter-rules': { status: 200, body: RULES } });

      const { container, unmount } = render(<LetterRulesPage />);

      await waitFor(() => expect(container.querySelector('.cx-letter-rules-view')).toBeTruthy());
      const value = (name: string) =>
        container.querySelector(`.cx-letter-rules-view-item[data-field="${name}"] .cx-letter-rules-value`)?.textContent;
      expect([value('acceptWorkingDays'), value('replyWorkingDays'), value('autoArchiveDays'), value('perDayLimit')]).toEqual([
        '2 个工作日',
        '15 个工作日',
        '7 天',
        '5 封',
      ]);
      expect(container.querySelector('.cx-letter-rules-save')).toBeNull();
      expect(container.querySelector('.cx-letter-rules-more')).toBeNull();
      expect(container.querySelector('.cx-letter-rules-option')).toBeNull();
      expect(server.sent.filter((r) => r.method === 'PUT')).toHaveLength(0);
      unmount();
    }
  });

  it('a failed load offers 重试', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/letter-rules': [
        { status: 503, body: { code: 'INTERNAL', message: '服务暂时不可用' } },
        { status: 200, body: RULES },
      ],
    });

    render(<LetterRulesPage />);
    expect(await screen.findByText('服务暂时不可用')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(shownValue('acceptWorkingDays')).toBe('2'));
    expect(server.calls('GET /v1/letter-rules')).toHaveLength(2);
  });

  it('signed out: asked to sign in, no request', () => {
    // No session stored (the setup starts every test signed out).
    const server = fakeApi({});
    render(<LetterRulesPage />);
    expect(screen.getByText('请先登录后查看')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});
