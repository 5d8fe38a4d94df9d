import type { MyTest, QuestionnaireResults, StartedAttempt } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import QnResultsPage from '../../src/subpackages/learning/pages/qn-results/index';
import TakePage from '../../src/subpackages/learning/pages/take/index';
import { clock, newKey, percent } from '../../src/subpackages/learning/services/learn-helpers';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const secretary = makeBinding({
  bindingId: 'b-sec',
  role: 'secretary',
  scope: { level: 'branch', districtId: 'erqi', townshipId: 'demo-gwh', branchId: 'yingtaogou' },
  scopeLabel: '示例管委会 · 樱桃沟社区',
});
const staff = makeBinding({
  bindingId: 'b-st',
  role: 'township_staff',
  scope: { level: 'township', districtId: 'erqi', townshipIds: ['demo-gwh'] },
  scopeLabel: '示例管委会',
});

function myTest(): MyTest {
  const now = Date.now();
  return {
    session: {
      id: 's1',
      title: '应知应会',
      organiserLabel: '示例管委会',
      townshipIds: ['demo-gwh'],
      roles: ['secretary'],
      questionCount: 2,
      opensAt: new Date(now - 1000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      durationMinutes: 20,
      maxAttempts: 1,
      passScore: 60,
      status: 'open',
      createdByName: '王干事',
      createdAt: new Date(now).toISOString(),
    },
    attemptsUsed: 0,
    canStart: true,
  };
}
function started(ms: number): StartedAttempt {
  const now = Date.now();
  return {
    sessionId: 's1',
    attemptNo: 1,
    title: '应知应会',
    startedAt: new Date(now).toISOString(),
    deadline: new Date(now + ms).toISOString(),
    serverNow: new Date(now).toISOString(),
    questions: [
      { id: 'q1', kind: 'single', text: '单选题目', options: ['甲', '乙'] },
      { id: 'q2', kind: 'multiple', text: '多选题目', options: ['子', '丑', '寅'] },
    ],
  };
}
const result = {
  sessionId: 's1',
  attemptNo: 1,
  score: 50,
  correctCount: 1,
  total: 2,
  passed: false,
  submittedAt: new Date().toISOString(),
  attemptsLeft: 0,
};
const option = (q: string, i: number) => document.querySelector(`.cx-learn-option[data-q="${q}"][data-i="${i}"]`) as HTMLElement;

describe('应知应会: taking a test', () => {
  it('starts on the server, shows the countdown, sends the chosen options, shows the score', async () => {
    router.params = { id: 's1' };
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    const api = fakeApi({
      'GET /v1/learning/my-tests': { status: 200, body: { tests: [myTest()] } },
      'POST /v1/learning/tests/s1/attempts': { status: 201, body: started(20 * 60_000) },
      'POST /v1/learning/tests/s1/attempts/1/submit': { status: 200, body: result },
    });
    render(<TakePage />);
    fireEvent.click(await screen.findByText('开始答题'));
    await waitFor(() => expect(document.querySelector('.cx-learn-timer')?.textContent).toMatch(/剩余 (19:5\d|20:00)/));
    const start = api.sent.find((r) => r.path.endsWith('/attempts'))!;
    expect((start.body as { key: string }).key).toMatch(/^[a-z0-9]{8,}$/);
    fireEvent.click(option('q1', 1));
    fireEvent.click(option('q2', 0));
    fireEvent.click(option('q2', 2));
    fireEvent.click(option('q2', 0)); // unpicked again
    fireEvent.click(screen.getByText('交卷'));
    await waitFor(() => expect(document.querySelector('.cx-learn-score')?.textContent).toBe('50'));
    const submit = api.sent.find((r) => r.path.endsWith('/submit'))!;
    expect(submit.body).toEqual({
      answers: [
        { questionId: 'q1', choice: [1] },
        { questionId: 'q2', choice: [2] },
      ],
    });
  });

  it('hands the paper in by itself when the time runs out', async () => {
    router.params = { id: 's1' };
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    const api = fakeApi({
      'GET /v1/learning/my-tests': { status: 200, body: { tests: [myTest()] } },
      'POST /v1/learning/tests/s1/attempts': { status: 201, body: started(1200) },
      'POST /v1/learning/tests/s1/attempts/1/submit': { status: 200, body: { ...result, score: 0, correctCount: 0 } },
    });
    render(<TakePage />);
    fireEvent.click(await screen.findByText('开始答题'));
    await waitFor(() => expect(option('q1', 0)).toBeTruthy());
    fireEvent.click(option('q1', 0));
    await waitFor(() => expect(document.querySelector('.cx-learn-score')?.textContent).toBe('0'), { timeout: 4000 });
    expect(api.sent.filter((r) => r.path.endsWith('/submit'))).toHaveLength(1);
    expect(api.sent.find((r) => r.path.endsWith('/submit'))!.body).toEqual({
      answers: [
        { questionId: 'q1', choice: [0] },
        { questionId: 'q2', choice: [] },
      ],
    });
  });

  it('answers survive leaving the page mid-test and are cleared once handed in', async () => {
    router.params = { id: 's1' };
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    const attempt = started(20 * 60_000);
    const api = fakeApi({
      'GET /v1/learning/my-tests': { status: 200, body: { tests: [myTest()] } },
      'POST /v1/learning/tests/s1/attempts': { status: 201, body: attempt },
      'POST /v1/learning/tests/s1/attempts/1/submit': { status: 200, body: result },
    });
    const first = render(<TakePage />);
    fireEvent.click(await screen.findByText('开始答题'));
    await waitFor(() => expect(option('q1', 1)).toBeTruthy());
    fireEvent.click(option('q1', 1));
    first.unmount();

    render(<TakePage />);
    fireEvent.click(await screen.findByText('开始答题'));
    await waitFor(() => expect(option('q1', 1).className).toContain('learn-option--on'));
    fireEvent.click(option('q2', 1));
    fireEvent.click(screen.getByText('交卷'));
    await waitFor(() => expect(document.querySelector('.cx-learn-score')).toBeTruthy());
    expect(api.sent.find((r) => r.path.endsWith('/submit'))!.body).toEqual({
      answers: [
        { questionId: 'q1', choice: [1] },
        { questionId: 'q2', choice: [1] },
      ],
    });
    expect(taroMock.getStorageSync('cx-learn-answers:s1:1')).toBe('');
  });

  it('a closed test offers no start', async () => {
    router.params = { id: 's1' };
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    const closed = myTest();
    fakeApi({
      'GET /v1/learning/my-tests': {
        status: 200,
        body: { tests: [{ ...closed, session: { ...closed.session, status: 'closed' }, canStart: false, bestScore: 80, attemptsUsed: 1 }] },
      },
    });
    render(<TakePage />);
    await waitFor(() => expect(document.querySelector('.cx-learn-cannot-start')?.textContent).toBe('测试已结束'));
    expect(screen.queryByText('开始答题')).toBeNull();
  });
});

describe('调查问卷 results', () => {
  it('bars per option, the free text as a list, the response rate', async () => {
    router.params = { id: 'qn1' };
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [staff] }) }));
    const body: QuestionnaireResults = {
      questionnaire: {
        id: 'qn1',
        townshipId: 'demo-gwh',
        townshipName: '示例管委会',
        title: '创星调研',
        intro: '',
        roles: ['cadre'],
        questions: [],
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        status: 'open',
        createdByName: '王干事',
        createdAt: new Date().toISOString(),
      },
      audience: 4,
      responded: 3,
      questions: [
        {
          questionId: 'q1',
          kind: 'single',
          text: '满意吗',
          answered: 3,
          options: [
            { label: '满意', count: 2 },
            { label: '一般', count: 1 },
          ],
          texts: [],
        },
        {
          questionId: 'q2',
          kind: 'text',
          text: '建议',
          answered: 2,
          options: [],
          texts: [
            { text: '多培训', branchName: '樱桃沟社区' },
            { text: '修路', branchName: '刘庄村' },
          ],
        },
      ],
    };
    fakeApi({ 'GET /v1/questionnaires/qn1/results': { status: 200, body } });
    render(<QnResultsPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-qn-option-bar')).toHaveLength(2));
    const fills = Array.from(document.querySelectorAll<HTMLElement>('.cx-qn-option-bar .learn-bar__fill')).map((f) => f.style.width);
    expect(fills).toEqual(['100%', '50%']);
    expect(Array.from(document.querySelectorAll('.cx-qn-text-answer')).map((t) => t.textContent)).toEqual([
      '多培训樱桃沟社区',
      '修路刘庄村',
    ]);
    expect(screen.getByText('75%')).toBeTruthy();
  });
});

describe('learn helpers', () => {
  it('keys, percentages and the countdown', () => {
    expect(newKey(0, () => 0)).toMatch(/^[a-z0-9]{8,64}$/);
    expect(percent(2 / 3)).toBe('67%');
    expect([clock(0), clock(-5), clock(61_000), clock(1_199_001)]).toEqual(['00:00', '00:00', '01:01', '20:00']);
  });
});
