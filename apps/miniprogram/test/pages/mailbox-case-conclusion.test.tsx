import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import CasePage from '../../src/subpackages/mailbox/pages/case/index';
import { router, taroMock } from '../mocks/taro';
import { caseReply } from '../support/case-letters';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const asDiscipline = () =>
  sessionStore.setSession(
    makeSession({
      me: makeMe({
        bindings: [makeBinding({ role: 'discipline', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } })],
      }),
    }),
  );
const integrity = { category: 'integrity' as const, status: 'accepted' as const, actions: ['reply' as const, 'note' as const] };

describe('廉情来信的核查结论', () => {
  it('纪检监察 record 属实 once the server offers it; then the case offers 发起撤星', async () => {
    asDiscipline();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': caseReply({ ...integrity, canConclude: true, version: 2 }),
      'PUT /v1/letters/cases/L1/integrity-conclusion': caseReply({
        ...integrity,
        canConclude: false,
        version: 3,
        integrityConclusion: { outcome: 'upheld', summary: '谈话核实，属实', at: '2026-12-07T02:00:00.000Z', byName: '钱书记' },
      }),
    });
    render(<CasePage />);
    await waitFor(() => expect(el('.cx-case-conclusion-form')).toBeTruthy());
    fireEvent.click(el('.cx-case-conclude'));
    expect(await screen.findByText('请选择核查结论')).toBeTruthy();
    fireEvent.click(el('.cx-case-outcome[data-outcome="upheld"]'));
    fireEvent.change(el('.cx-case-conclusion-summary textarea'), {
      target: { value: '谈话核实，属实' },
    });
    fireEvent.click(el('.cx-case-conclude'));
    await waitFor(() => expect(el('.cx-case-conclusion')).toBeTruthy());
    expect(server.calls('PUT /v1/letters/cases/L1/integrity-conclusion')[0].body).toEqual({
      outcome: 'upheld',
      summary: '谈话核实，属实',
      version: 2,
    });
    expect(el('.cx-case-conclusion').textContent).toContain('核查结论：经核查属实');
    fireEvent.click(el('.cx-case-withdraw-star'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/stars/pages/withdrawals/index?letterId=L1&branchId=jianxinnanjie',
    });
  });

  it('no form when the server does not offer one; a lost race reloads the letter and says why', async () => {
    asDiscipline();
    router.params = { id: 'L1' };
    fakeApi({ 'GET /v1/letters/cases/L1': caseReply({ ...integrity, canConclude: false }) });
    const first = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    expect(el('.cx-case-conclusion-form')).toBeNull();
    first.unmount();

    const server = fakeApi({
      'GET /v1/letters/cases/L1': caseReply({ ...integrity, canConclude: true, version: 2 }),
      'PUT /v1/letters/cases/L1/integrity-conclusion': errorReply(409, 'CONFLICT', '这封信刚被他人处理过，请刷新后重试'),
    });
    render(<CasePage />);
    await waitFor(() => expect(el('.cx-case-conclusion-form')).toBeTruthy());
    fireEvent.click(el('.cx-case-outcome[data-outcome="not_upheld"]'));
    fireEvent.change(el('.cx-case-conclusion-summary textarea'), { target: { value: '不属实' } });
    fireEvent.click(el('.cx-case-conclude'));
    expect(await screen.findByText(/这封信刚被他人处理过/)).toBeTruthy();
    await waitFor(() => expect(server.calls('GET /v1/letters/cases/L1')).toHaveLength(2));
  });
});
