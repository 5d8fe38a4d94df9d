import { type AnnualStarReview, shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import AnnualStarReviewPage from '../../src/subpackages/stars/pages/annual/index';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeOrgTree, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const YEAR = shanghaiDay().slice(0, 4);
const REVIEW = `GET /v1/star-reviews/${YEAR}`;
const DECIDE = `POST /v1/star-reviews/${YEAR}/branches/jianxinnan`;
const asAdmin = () =>
  sessionStore.setSession(
    makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } })] }) }),
  );

const review = (partial: Partial<AnnualStarReview> = {}): AnnualStarReview => ({
  year: Number(YEAR),
  reviewDate: '2020-12-20',
  branches: [
    { branchId: 'jianxinnan', branchName: '建新南街社区', townshipId: 'wulibao', held: ['branch_strong', 'harmony'] },
    {
      branchId: 'zhengda',
      branchName: '正大街社区',
      townshipId: 'dehuajie',
      held: ['business'],
      decision: { at: '2026-12-21T02:00:00.000Z', kept: [], lowered: ['business'], reason: '年度考核未达标', deciderName: '李部长' },
    },
  ],
  ...partial,
});

const decided = (kept: AnnualStarReview['branches'][number]['held'], lowered: typeof kept) =>
  review({
    branches: review().branches.map((b) =>
      b.branchId === 'jianxinnan'
        ? { ...b, decision: { at: '2026-12-22T02:00:00.000Z', kept, lowered, reason: '已核实', deciderName: '王部长' } }
        : b,
    ),
  });

describe('年度评星定级', () => {
  it('before the review date the list is read only: grouped by township, decisions shown, no 评定', async () => {
    asAdmin();
    const server = fakeApi({
      [REVIEW]: { status: 200, body: review({ reviewDate: '2099-12-20' }) },
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
    });
    render(<AnnualStarReviewPage />);
    await waitFor(() => expect(all('.cx-star-annual')).toHaveLength(2));
    expect(el('.cx-star-annual-count').textContent).toBe('已评定 1 / 2');
    expect(el('.cx-star-annual-date').textContent).toBe('12月20日起可评定，现在只能查看');
    expect(all('.cx-star-annual-township .cx-section-title').map((t) => t.textContent)).toEqual(['五里堡街道', '德化街街道']);
    expect(all('.cx-star-annual[data-id="jianxinnan"] .cx-star-chip').map((c) => c.textContent)).toEqual(['支部过硬星', '幸福和谐星']);
    expect(el('.cx-star-annual[data-id="zhengda"] .cx-star-annual-verdict').textContent).toBe('已降星：撤下宜业兴业星');
    expect(screen.getByText(/年度考核未达标（李部长/)).toBeTruthy();
    expect(el('.cx-star-annual-open')).toBeNull();
    expect(server.calls(REVIEW)).toHaveLength(1);
  });

  it('from the review date, 评定 with every star kept confirms; an empty reason is refused by field first', async () => {
    asAdmin();
    const server = fakeApi({
      [REVIEW]: [
        { status: 200, body: review() },
        { status: 200, body: decided(['branch_strong', 'harmony'], []) },
      ],
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      [DECIDE]: { status: 200, body: decided(['branch_strong', 'harmony'], []) },
    });
    render(<AnnualStarReviewPage />);
    await waitFor(() => expect(el('.cx-star-annual-open')).toBeTruthy());
    fireEvent.click(el('.cx-star-annual-open'));
    expect(all('.cx-star-annual-toggle.is-selected')).toHaveLength(2);
    expect(el('.cx-star-annual-outcome').textContent).toBe('确认星级：保留全部星级');

    fireEvent.click(el('.cx-star-annual-submit'));
    expect(await screen.findByText('请填写评定意见')).toBeTruthy();
    expect(all('.cx-star-annual-problem').map((p) => p.textContent)).toEqual(['请填写评定意见']);
    expect(server.calls(DECIDE)).toHaveLength(0);

    fireEvent.change(el('.cx-star-annual-input textarea'), { target: { value: '全年表现良好' } });
    fireEvent.click(el('.cx-star-annual-submit'));
    await waitFor(() => expect(server.calls(DECIDE)).toHaveLength(1));
    expect(taroMock.showModal).not.toHaveBeenCalled();
    expect(server.calls(DECIDE)[0].body).toEqual({ keep: ['branch_strong', 'harmony'], reason: '全年表现良好' });
    await waitFor(() => expect(el('.cx-star-annual-count').textContent).toBe('已评定 2 / 2'));
    expect(el('.cx-star-annual[data-id="jianxinnan"] .cx-star-annual-verdict').textContent).toBe('已确认');
  });

  it('switching a star off lowers it: red, named, confirmed once more, and the kept stars are sent', async () => {
    asAdmin();
    taroMock.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
    const server = fakeApi({
      [REVIEW]: [
        { status: 200, body: review() },
        { status: 200, body: decided(['branch_strong'], ['harmony']) },
      ],
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      [DECIDE]: { status: 200, body: decided(['branch_strong'], ['harmony']) },
    });
    render(<AnnualStarReviewPage />);
    await waitFor(() => expect(el('.cx-star-annual-open')).toBeTruthy());
    fireEvent.click(el('.cx-star-annual-open'));
    fireEvent.click(el('.cx-star-annual-toggle[data-star="harmony"]'));
    expect(el('.cx-star-annual-toggle[data-star="harmony"]').className).not.toContain('is-selected');
    expect(el('.cx-star-annual-outcome').textContent).toBe('降星：将撤下幸福和谐星');
    expect(el('.cx-star-annual-outcome').className).toContain('stars-annual--lowered');
    fireEvent.change(el('.cx-star-annual-input textarea'), { target: { value: '发生信访积案' } });

    fireEvent.click(el('.cx-star-annual-submit'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(taroMock.showModal.mock.calls[0][0]).toMatchObject({ content: '将撤下幸福和谐星，确定？' });
    expect(server.calls(DECIDE)).toHaveLength(0);

    fireEvent.click(el('.cx-star-annual-submit'));
    await waitFor(() => expect(server.calls(DECIDE)).toHaveLength(1));
    expect(server.calls(DECIDE)[0].body).toEqual({ keep: ['branch_strong'], reason: '发生信访积案' });
    await waitFor(() =>
      expect(el('.cx-star-annual[data-id="jianxinnan"] .cx-star-annual-verdict')?.textContent).toBe('已降星：撤下幸福和谐星'),
    );
  });

  it('a second decision (409) says the branch was decided and reloads', async () => {
    asAdmin();
    const server = fakeApi({
      [REVIEW]: [
        { status: 200, body: review() },
        { status: 200, body: decided(['branch_strong', 'harmony'], []) },
      ],
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      [DECIDE]: errorReply(409, 'CONFLICT', 'already decided'),
    });
    render(<AnnualStarReviewPage />);
    await waitFor(() => expect(el('.cx-star-annual-open')).toBeTruthy());
    fireEvent.click(el('.cx-star-annual-open'));
    fireEvent.change(el('.cx-star-annual-input textarea'), { target: { value: '全年表现良好' } });
    fireEvent.click(el('.cx-star-annual-submit'));
    expect(await screen.findByText(/该支部本年度已评定/)).toBeTruthy();
    await waitFor(() => expect(server.calls(REVIEW)).toHaveLength(2));
    await waitFor(() => expect(el('.cx-star-annual-count').textContent).toBe('已评定 2 / 2'));
  });

  it('no branch holds stars: says so, and ‹ reads the year before', async () => {
    asAdmin();
    const before = `GET /v1/star-reviews/${Number(YEAR) - 1}`;
    const server = fakeApi({
      [REVIEW]: { status: 200, body: review({ branches: [] }) },
      [before]: { status: 200, body: review({ year: Number(YEAR) - 1, branches: [] }) },
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
    });
    render(<AnnualStarReviewPage />);
    expect(await screen.findByText('本年度没有持有星级的支部')).toBeTruthy();
    expect(el('.cx-star-annual-count').textContent).toBe('已评定 0 / 0');
    expect(el('.cx-star-annual-next').hasAttribute('disabled')).toBe(true);
    fireEvent.click(el('.cx-star-annual-prev'));
    await waitFor(() => expect(server.calls(before)).toHaveLength(1));
    expect(el('.cx-star-annual-year').textContent).toBe(`${Number(YEAR) - 1}年`);
  });
});
