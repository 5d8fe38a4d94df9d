import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReviewQueuePage from '../../src/subpackages/stars/pages/review/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { makeStarSummary } from '../support/star-fixtures';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const stageOf = (url: string) => new URL(url).searchParams.get('stage');

describe('评星审核 queue', () => {
  it('township staff get the 初审 queue only; a card opens the application', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = {};
    const server = fakeApi({
      'GET /v1/star-applications': (req) => ({
        status: 200,
        body: {
          stage: stageOf(req.url),
          applications: [makeStarSummary(), makeStarSummary({ id: 'A2', branchName: '幸福社区', star: 'harmony' })],
        },
      }),
    });
    render(<ReviewQueuePage />);
    await waitFor(() => expect(all('.cx-star-app')).toHaveLength(2));
    expect(all('.cx-star-stage')).toHaveLength(0);
    expect(server.sent.map((r) => stageOf(r.url))).toEqual(['township']);
    expect(all('.cx-star-app-title').map((t) => t.textContent)).toEqual(['建新南街社区 · 平安法治星', '幸福社区 · 幸福和谐星']);
    fireEvent.click(el('.cx-star-app[data-id="A2"]'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/stars/pages/application/index?id=A2' });
  });

  it('the district starts at 复审 and switches to 公示中; an empty stage says what comes there', async () => {
    sessionStore.setSession(
      makeSession({
        me: makeMe({ bindings: [makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } })] }),
      }),
    );
    router.params = {};
    const server = fakeApi({
      'GET /v1/star-applications': (req) =>
        stageOf(req.url) === 'district'
          ? { status: 200, body: { stage: 'district', applications: [] } }
          : { status: 200, body: { stage: 'publicity', applications: [makeStarSummary({ status: 'publicity', openObjections: 1 })] } },
    });
    render(<ReviewQueuePage />);
    expect(await screen.findByText('没有待复审的申报。乡镇（街道）初审通过后会出现在这里')).toBeTruthy();
    expect(all('.cx-star-stage').map((c) => c.getAttribute('data-stage'))).toEqual(['district', 'township', 'publicity']);
    fireEvent.click(el('.cx-star-stage[data-stage="publicity"]'));
    await waitFor(() => expect(el('.cx-star-app-objections')?.textContent).toBe('待处理异议 1 件'));
    expect(server.sent.map((r) => stageOf(r.url))).toEqual(['district', 'publicity']);
  });

  it('offline: the network failure says to check the network, 重试 loads again', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = {};
    let n = 0;
    taroMock.request.mockImplementation(async () => {
      n += 1;
      if (n === 1) throw new Error('request:fail');
      return { statusCode: 200, data: JSON.stringify({ stage: 'township', applications: [] }), header: {}, errMsg: 'request:ok' };
    });
    render(<ReviewQueuePage />);
    await waitFor(() => expect(el('.cx-state__message')?.textContent).toBe('网络连接失败，请检查网络后重试'));
    fireEvent.click(el('.cx-state__retry'));
    expect(await screen.findByText('没有待初审的申报。支部提交后会出现在这里')).toBeTruthy();
  });

  it('a secretary is told they do not review, without calling the queue', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));
    router.params = {};
    const server = fakeApi({ 'GET /v1/star-applications': errorReply(403, 'FORBIDDEN', '无权操作') });
    render(<ReviewQueuePage />);
    await waitFor(() =>
      expect(el('.cx-state__message')?.textContent).toBe('评星审核由乡镇（街道）工作人员、各星专班和区委组织部办理，您的身份不在其中'),
    );
    expect(server.sent).toHaveLength(0);
  });
});
