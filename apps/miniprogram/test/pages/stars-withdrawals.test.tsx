import type { StarWithdrawal } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import WithdrawalsPage from '../../src/subpackages/stars/pages/withdrawals/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeCatalogue, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const as = (role: 'district_admin' | 'discipline') =>
  sessionStore.setSession(
    makeSession({ me: makeMe({ bindings: [makeBinding({ role, scope: { level: 'district', districtId: 'erqi' } })] }) }),
  );

const withdrawal = (partial: Partial<StarWithdrawal> = {}): StarWithdrawal => ({
  id: 'W1',
  branchId: 'jianxinnan',
  branchName: '建新南街社区',
  townshipId: 'wulibao',
  star: 'branch_strong',
  source: { kind: 'integrity_case', letterId: 'L1', vetoItemId: 'branch_strong-v1', vetoText: '党员干部出现严重违纪违法问题' },
  status: 'open',
  version: 1,
  openedAt: '2026-12-01T02:00:00.000Z',
  openedByName: '钱书记',
  ...partial,
});

describe('撤星管理', () => {
  it('the district confirms an open 撤星 with a reason after a warning, and it leaves the queue', async () => {
    as('district_admin');
    router.params = {};
    const server = fakeApi({
      'GET /v1/star-withdrawals': { status: 200, body: { status: 'open', withdrawals: [withdrawal()] } },
      'POST /v1/star-withdrawals/W1/decision': {
        status: 200,
        body: withdrawal({ status: 'confirmed', version: 2, publicityFrom: '2026-12-07', publicityUntil: '2026-12-11' }),
      },
    });
    render(<WithdrawalsPage />);
    await waitFor(() => expect(all('.cx-star-withdrawal')).toHaveLength(1));
    expect(el('.cx-star-withdrawal-veto').textContent).toBe('触及一票否决项：党员干部出现严重违纪违法问题');
    expect(screen.getByText(/经纪检监察核查属实的廉情问题/)).toBeTruthy();

    fireEvent.click(el('.cx-star-withdrawal-confirm'));
    expect(await screen.findByText('请填写理由：确认撤星时会随公示发布')).toBeTruthy();
    expect(server.calls('POST /v1/star-withdrawals/W1/decision')).toHaveLength(0);

    fireEvent.change(el('.cx-star-withdrawal-input textarea'), { target: { value: '核查属实，撤销支部过硬星' } });
    fireEvent.click(el('.cx-star-withdrawal-confirm'));
    await waitFor(() => expect(server.calls('POST /v1/star-withdrawals/W1/decision')).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalled();
    expect(server.calls('POST /v1/star-withdrawals/W1/decision')[0].body).toEqual({
      action: 'confirm',
      reason: '核查属实，撤销支部过硬星',
      version: 1,
    });
    await waitFor(() => expect(all('.cx-star-withdrawal')).toHaveLength(0));
    expect(screen.getByText('没有待确认的撤星。')).toBeTruthy();
  });

  it('a cancelled warning sends nothing; the tabs read each status; a lost race reloads and says so', async () => {
    as('district_admin');
    router.params = {};
    taroMock.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
    const server = fakeApi({
      'GET /v1/star-withdrawals': (req) =>
        req.url.includes('status=confirmed')
          ? { status: 200, body: { status: 'confirmed', withdrawals: [withdrawal({ status: 'confirmed', version: 2 })] } }
          : { status: 200, body: { status: 'open', withdrawals: [withdrawal()] } },
      'POST /v1/star-withdrawals/W1/decision': errorReply(409, 'CONFLICT', '这条撤星刚被他人处理过，请刷新后重试'),
    });
    render(<WithdrawalsPage />);
    await waitFor(() => expect(all('.cx-star-withdrawal')).toHaveLength(1));
    fireEvent.change(el('.cx-star-withdrawal-input textarea'), { target: { value: '属实' } });
    fireEvent.click(el('.cx-star-withdrawal-confirm'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalled());
    expect(server.calls('POST /v1/star-withdrawals/W1/decision')).toHaveLength(0);

    fireEvent.click(el('.cx-star-withdrawal-reject'));
    expect(await screen.findByText(/这条撤星刚被他人处理过/)).toBeTruthy();
    expect(server.calls('GET /v1/star-withdrawals').length).toBeGreaterThanOrEqual(2);

    fireEvent.click(el('.cx-star-withdrawal-tab[data-status="confirmed"]'));
    await waitFor(() => expect(el('.cx-star-withdrawal')?.getAttribute('data-status')).toBe('confirmed'));
    expect(el('.cx-star-withdrawal-confirm')).toBeNull();
  });

  it('纪检监察 open a 撤星 from a case found 属实: only the held stars’ veto items are offered', async () => {
    as('discipline');
    router.params = { letterId: 'L1', branchId: 'jianxinnan' };
    const server = fakeApi({
      'GET /v1/branches/jianxinnan/stars': {
        status: 200,
        body: {
          branchId: 'jianxinnan',
          branchName: '建新南街社区',
          level: 2,
          held: [
            { star: 'branch_strong', heldFrom: '2026-01-01', basis: 'baseline' },
            { star: 'harmony', heldFrom: '2026-01-01', basis: 'baseline' },
          ],
          withdrawn: [],
        },
      },
      'GET /v1/catalogue': { status: 200, body: makeCatalogue() },
      'POST /v1/star-withdrawals': { status: 201, body: withdrawal() },
    });
    render(<WithdrawalsPage />);
    await waitFor(() => expect(all('.cx-star-withdrawal-veto-choice')).toHaveLength(2));
    expect(all('.cx-star-withdrawal-veto-choice').map((c) => c.getAttribute('data-veto'))).toEqual(['branch_strong-v1', 'harmony-v1']);

    fireEvent.click(el('.cx-star-withdrawal-submit'));
    expect(await screen.findByText('请选择这件廉情问题触及的一票否决项')).toBeTruthy();
    fireEvent.click(el('.cx-star-withdrawal-veto-choice[data-veto="branch_strong-v1"]'));
    fireEvent.click(el('.cx-star-withdrawal-submit'));
    await waitFor(() => expect(el('.cx-star-withdrawal-opened')).toBeTruthy());
    expect(server.calls('POST /v1/star-withdrawals')[0].body).toEqual({
      source: { kind: 'integrity_case', letterId: 'L1', vetoItemId: 'branch_strong-v1' },
    });
    expect(screen.getByText(/公示中不提及廉情来信/)).toBeTruthy();
  });
});
