import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import CasesPage from '../../src/subpackages/mailbox/pages/cases/index';
import { taroMock } from '../mocks/taro';
import { asStation } from '../support/case-letters';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';

describe('民情气象站 (queue)', () => {
  const summary = (id: string, partial: Record<string, unknown> = {}) => ({
    id,
    queryCode: 'AB3CD4EF5G',
    branchName: '建新南街社区',
    category: 'complaint',
    status: 'submitted',
    excerpt: `来信 ${id}`,
    createdAt: '2026-01-06T09:00:00+08:00',
    acceptBy: '2026-01-08T23:59:00+08:00',
    overdue: false,
    ...partial,
  });

  it('待办 puts overdue letters first, flagged 超期; 已办 asks for closed letters; a row opens its case', async () => {
    asStation();
    const server = fakeApi({
      'GET /v1/letters/cases': (req) =>
        req.url.includes('status=closed')
          ? { status: 200, body: { letters: [summary('C1', { status: 'archived' })] } }
          : { status: 200, body: { letters: [summary('A'), summary('B', { overdue: true }), summary('C')] } },
    });

    const { container } = render(<CasesPage />);
    await screen.findByText('来信 A');

    const rows = Array.from(container.querySelectorAll<HTMLElement>('.cx-case-item'));
    expect(rows.map((r) => r.querySelector('.mailbox-case__excerpt')?.textContent)).toEqual(['来信 B', '来信 A', '来信 C']);
    expect(rows[0].querySelector('.cx-case-overdue')?.textContent).toBe('超期');
    expect(rows[1].querySelector('.cx-case-overdue')).toBeNull();
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '民情气象站' });
    expect(server.sent[0].url).toContain('status=open');

    fireEvent.click(rows[0]);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/mailbox/pages/case/index?id=B' });
    // The station's 社区半月谈 is linked from the header.
    fireEvent.click(container.querySelector('.cx-cases-meetings') as HTMLElement);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/mailbox/pages/meetings/index?branchId=jianxinnanjie' });

    fireEvent.click(screen.getByText('已办'));
    expect(await screen.findByText('来信 C1')).toBeTruthy();
  });

  it('township staff get the read-only 来信督办 view; residents are told who may look', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/letters/cases': { status: 200, body: { letters: [] } } });
    const staff = render(<CasesPage />);
    expect(await screen.findByText('暂无待办来信')).toBeTruthy();
    expect(staff.container.querySelector('.cx-case-readonly')).toBeTruthy();
    expect(staff.container.querySelector('.cx-cases-meetings')).toBeNull();
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '来信督办' });
    staff.unmount();

    sessionStore.setSession(makeSession({ me: makeMe({ roles: ['resident'], bindings: [] }) }));
    const server = fakeApi({});
    render(<CasesPage />);
    expect(screen.getByText(/只有民情气象站接待员/)).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });

  it('纪检监察 see 廉情来信; the 督导员 no longer opens the queue', async () => {
    sessionStore.setSession(
      makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' } })] }) }),
    );
    const refused = fakeApi({});
    const inspector = render(<CasesPage />);
    expect(screen.getByText(/只有民情气象站接待员、纪检监察/)).toBeTruthy();
    expect(refused.sent).toHaveLength(0);
    inspector.unmount();

    sessionStore.setSession(
      makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'discipline', scope: { level: 'district', districtId: 'erqi' } })] }) }),
    );
    fakeApi({ 'GET /v1/letters/cases': { status: 200, body: { letters: [] } } });
    render(<CasesPage />);
    await screen.findByText('暂无待办来信');
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '廉情来信' });
  });
});
