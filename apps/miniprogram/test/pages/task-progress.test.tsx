import type { Plan, TaskProgress } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import TaskProgressPage from '../../src/subpackages/plans/pages/task/index';
import { router, taroMock } from '../mocks/taro';
import { makeMe, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const PLAN_PATH = '/v1/branches/jianxinnan/plans/2026';
const TASK_PATH = `${PLAN_PATH}/tasks/business-2`;
const el = (selector: string) => document.querySelector(selector) as HTMLElement;

const plan = (status: Plan['status'] = 'approved'): { status: number; body: Plan } => ({
  status: 200,
  body: {
    branchId: 'jianxinnan',
    branchName: '建新南街社区',
    townshipId: 'wulibao',
    year: 2026,
    catalogueVersion: 1,
    content: {
      heldStars: [],
      targetStars: ['business'],
      stars: [{ star: 'business', responsible: '李主任', leadDepartment: '经济办' }],
      tasks: [
        {
          taskId: 'business-2',
          owner: '王五',
          milestones: [
            { title: '摸底调研', due: '2026-01-31' },
            { title: '验收', due: '2099-12-20' },
          ],
        },
      ],
    },
    status,
    version: 5,
    updatedAt: '2026-03-10T10:00:00+08:00',
  },
});
const progress = (partial: Partial<TaskProgress> = {}): { status: number; body: TaskProgress } => ({
  status: 200,
  body: {
    taskId: 'business-2',
    title: '商户联盟',
    star: 'business',
    status: 'not_started',
    percent: 0,
    updates: [],
    reports: [],
    ...partial,
  },
});

describe('任务进展', () => {
  it('shows owner and milestones (overdue marked), empty lists; the branch’s secretary reports progress and sees it listed', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));
    router.params = { branchId: 'jianxinnan', year: '2026', taskId: 'business-2' };
    const server = fakeApi({
      [`GET ${PLAN_PATH}`]: plan(),
      [`GET ${TASK_PATH}`]: progress(),
      [`POST ${TASK_PATH}/updates`]: (req) => {
        const body = req.body as { status: 'in_progress'; percent: number; note: string };
        return {
          status: 201,
          body: progress({
            status: body.status,
            percent: body.percent,
            updates: [
              {
                id: 'u1',
                status: body.status,
                percent: body.percent,
                note: body.note,
                evidenceUrls: [],
                at: '2026-03-11T02:00:00.000Z',
                byName: '张书记',
              },
            ],
          }).body,
        };
      },
    });
    render(<TaskProgressPage />);
    await waitFor(() => expect(el('.cx-task-title')?.textContent).toBe('商户联盟'));
    expect(el('.cx-task-owner').textContent).toBe('责任人：王五');
    const milestones = document.querySelectorAll('.cx-task-milestone');
    expect(Array.from(milestones).map((m) => m.className.includes('is-overdue'))).toEqual([true, false]);
    expect(screen.getByText('还没有进展记录')).toBeTruthy();
    expect(screen.getByText('还没有日报提到这项任务')).toBeTruthy();

    fireEvent.change(el('.cx-task-percent input'), { target: { value: '140' } });
    fireEvent.click(el('.cx-task-submit'));
    expect(await screen.findByText('进度请填 0–100 的整数')).toBeTruthy();
    expect(server.calls(`POST ${TASK_PATH}/updates`)).toHaveLength(0);

    fireEvent.change(el('.cx-task-percent input'), { target: { value: '30' } });
    fireEvent.change(el('.cx-task-note textarea'), { target: { value: '走访商户 12 家' } });
    fireEvent.click(el('.cx-task-submit'));
    await waitFor(() => expect(server.calls(`POST ${TASK_PATH}/updates`)).toHaveLength(1));
    expect(server.calls(`POST ${TASK_PATH}/updates`)[0].body).toEqual({
      status: 'in_progress',
      percent: 30,
      note: '走访商户 12 家',
      evidence: [],
    });
    await waitFor(() => expect(el('.cx-task-update-note')?.textContent).toBe('走访商户 12 家'));
    expect(el('.cx-task-percent-now').textContent).toBe('30%');
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已记录进展', icon: 'success' });
  });

  it('others read only; a report item opens its report; an unreadable task shows the error view', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() })); // township staff
    router.params = { branchId: 'jianxinnan', year: '2026', taskId: 'business-2' };
    fakeApi({
      [`GET ${PLAN_PATH}`]: plan(),
      [`GET ${TASK_PATH}`]: progress({ status: 'done', percent: 100, reports: [{ day: '2026-03-09', text: '联系商户' }] }),
    });
    const { unmount } = render(<TaskProgressPage />);
    await waitFor(() => expect(el('.cx-task-report')).toBeTruthy());
    expect(el('.cx-task-form')).toBeNull();
    // Done: no milestone is overdue any more.
    expect(document.querySelectorAll('.cx-task-milestone.is-overdue')).toHaveLength(0);
    fireEvent.click(el('.cx-task-report'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/reports/pages/detail/index?branchId=jianxinnan&day=2026-03-09' });
    unmount();

    fakeApi({ [`GET ${PLAN_PATH}`]: plan(), [`GET ${TASK_PATH}`]: errorReply(404, 'NOT_FOUND', '重点任务不存在或无权查看') });
    render(<TaskProgressPage />);
    expect(await screen.findByText('无权查看或不存在')).toBeTruthy();
  });
});
