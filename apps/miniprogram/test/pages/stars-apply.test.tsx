import type { ApplyForStarBody } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ApplyPage from '../../src/subpackages/stars/pages/apply/index';
import { router, taroMock } from '../mocks/taro';
import { makeBranch, makeCatalogue, makeMe, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { makeStarDetail, makeStarSummary } from '../support/star-fixtures';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const asSecretary = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));

function branchRoutes(applications = [makeStarSummary({ id: 'A1', star: 'safety_law', status: 'returned' })]) {
  return {
    'GET /v1/branches/jianxinnan/star-applications': {
      status: 200,
      body: { branchId: 'jianxinnan', branchName: '建新南街社区', applications },
    },
    'GET /v1/org/branches/jianxinnan': { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } },
    'GET /v1/catalogue': { status: 200, body: makeCatalogue() },
  };
}

/** Answers every item of the form: key tasks 达标 except the second, veto items not triggered. */
function answerAll() {
  for (const [n, item] of all('.cx-star-item').entries()) {
    const answer = n === 1 ? 'unmet' : 'met';
    fireEvent.click(item.querySelector(`.cx-star-item-answer[data-answer="${answer}"]`) as HTMLElement);
  }
}

describe('创星申报', () => {
  it('lists the branch’s applications with their path, offers only the stars not yet applied for, and applies', async () => {
    asSecretary();
    router.params = {};
    const server = fakeApi({
      ...branchRoutes(),
      'POST /v1/branches/jianxinnan/star-applications': {
        status: 201,
        body: makeStarDetail({ application: makeStarSummary({ id: 'A2', star: 'harmony' }) }),
      },
    });
    render(<ApplyPage />);

    // The returned application, with the step indicator back at 申报.
    await waitFor(() => expect(all('.cx-star-app')).toHaveLength(1));
    expect(el('.cx-star-app-status').textContent).toBe('已退回');
    expect(all('.cx-star-app .cx-star-step').map((s) => s.getAttribute('data-state'))).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
    // Its own star set, without the star already claimed.
    expect(all('.cx-star-pick').map((c) => c.getAttribute('data-star'))).toEqual(['branch_strong', 'business', 'co_build', 'harmony']);

    fireEvent.click(el('.cx-star-pick[data-star="harmony"]'));
    // Every key task, then the veto item, of 幸福和谐星 in the catalogue in force.
    expect(all('.cx-star-item').map((i) => i.getAttribute('data-item'))).toEqual([
      'harmony-1',
      'harmony-2',
      'harmony-3',
      'harmony-4',
      'harmony-5',
      'harmony-v1',
    ]);
    expect(el('.cx-star-item[data-item="harmony-v1"]').textContent).toContain('未触发');

    // Nothing answered: every item is marked and nothing is sent.
    fireEvent.click(el('.cx-star-submit'));
    expect(await screen.findByText('还有 6 项需要补全，请看标红的项目')).toBeTruthy();
    expect(el('.cx-star-item[data-item="harmony-v1"] .cx-star-item-problem').textContent).toBe('请选择未触发或已触发');
    expect(server.calls('POST /v1/branches/jianxinnan/star-applications')).toHaveLength(0);

    answerAll();
    fireEvent.change(el('.cx-star-item[data-item="harmony-1"] .cx-star-item-note textarea'), { target: { value: '  建立邻里互助队  ' } });
    expect(el('.cx-star-form-problem')).toBeNull();
    fireEvent.click(el('.cx-star-submit'));
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/stars/pages/application/index?id=A2' }));
    const body = server.calls('POST /v1/branches/jianxinnan/star-applications')[0].body as ApplyForStarBody;
    expect(body.star).toBe('harmony');
    expect(body.clientKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(body.items).toHaveLength(6);
    expect(body.items[0]).toEqual({ itemId: 'harmony-1', kind: 'task', met: true, note: '建立邻里互助队', photos: [] });
    expect(body.items[1]).toMatchObject({ itemId: 'harmony-2', met: false });
    expect(body.items[5]).toMatchObject({ itemId: 'harmony-v1', kind: 'veto', met: true });
  });

  it('a 409 (the star was applied for meanwhile) says so and sends nothing more', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan' };
    const server = fakeApi({
      ...branchRoutes([]),
      'POST /v1/branches/jianxinnan/star-applications': errorReply(409, 'CONFLICT', '本支部已申报过这颗星'),
    });
    render(<ApplyPage />);
    await waitFor(() => expect(el('.cx-state--empty')?.textContent).toContain('还没有申报'));
    fireEvent.click(el('.cx-star-pick[data-star="business"]'));
    answerAll();
    fireEvent.click(el('.cx-star-submit'));
    await waitFor(() => expect(el('.cx-star-apply-problem')?.textContent).toContain('本支部已申报过这颗星'));
    expect(el('.cx-star-apply-problem').textContent).toContain('请返回列表刷新');
    expect(server.calls('POST /v1/branches/jianxinnan/star-applications')).toHaveLength(1);
    expect(taroMock.redirectTo).not.toHaveBeenCalled();
  });

  it('every star applied for: says so; a load failure offers 重试', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan' };
    const stars = ['branch_strong', 'business', 'co_build', 'safety_law', 'harmony'] as const;
    const server = fakeApi({
      ...branchRoutes(stars.map((star, n) => makeStarSummary({ id: `A${n}`, star }))),
      'GET /v1/catalogue': [errorReply(500, 'INTERNAL', '服务暂时不可用，请稍后再试'), { status: 200, body: makeCatalogue() }],
    });
    render(<ApplyPage />);
    await waitFor(() => expect(el('.cx-state__message')?.textContent).toBe('服务暂时不可用，请稍后再试'));
    fireEvent.click(el('.cx-state__retry'));
    await waitFor(() => expect(all('.cx-star-app')).toHaveLength(5));
    expect(screen.getByText('本支部的每颗星都已申报，进度见上方列表')).toBeTruthy();
    expect(all('.cx-star-pick')).toHaveLength(0);
    expect(server.calls('GET /v1/catalogue')).toHaveLength(2);
  });

  it('a reader who is not the branch’s secretary sees the list but no form', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() })); // township staff
    router.params = { branchId: 'jianxinnan' };
    fakeApi(branchRoutes());
    render(<ApplyPage />);
    await waitFor(() => expect(all('.cx-star-app')).toHaveLength(1));
    expect(el('.cx-star-new')).toBeNull();
  });
});
