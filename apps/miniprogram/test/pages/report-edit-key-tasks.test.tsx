import type { SubmitReportBody } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ReportEditPage from '../../src/subpackages/reports/pages/edit/index';
import { makeCatalogue } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import {
  asSecretary,
  BRANCH,
  created,
  filed,
  fillFirstItem,
  NOT_FILED,
  RULES,
  reportPath,
  submitButton,
} from '../support/report-edit-setup';

describe('填写日报: 重点任务 (key tasks from the catalogue in force)', () => {
  const CATALOGUE = { status: 200, body: makeCatalogue() };
  const taskChips = () => Array.from(document.querySelectorAll<HTMLElement>('.cx-report-task-option'));
  /** The tasks are folded behind 关联重点任务（选填）: open the first folded item's. */
  const openTasks = async () => {
    const toggle = await waitFor(
      () => document.querySelector<HTMLElement>('.cx-report-task-toggle') ?? Promise.reject(new Error('no toggle')),
    );
    expect(toggle.textContent).toContain('关联重点任务（选填）');
    fireEvent.click(toggle);
  };

  it('after a star is chosen, its tasks are chips; the chosen one goes out as taskId; the catalogue is read once', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/catalogue': CATALOGUE,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    expect(taskChips()).toHaveLength(0);
    expect(screen.getByText('选择星级后可选对应的重点任务')).toBeTruthy();
    await fillFirstItem('走访困难群众 5 户', '宜业兴业星');
    // Folded until asked for: the text box stays in view.
    expect(taskChips()).toHaveLength(0);
    await openTasks();
    // The community set's 宜业兴业星 (business) has 5 tasks.
    await waitFor(() => expect(taskChips().map((c) => c.textContent)).toEqual([1, 2, 3, 4, 5].map((n) => `business 重点任务 ${n}`)));
    fireEvent.click(taskChips()[1]);
    expect(taskChips()[1].classList.contains('is-selected')).toBe(true);
    // A second item: another star, another task list.
    fireEvent.click(document.querySelector('.cx-report-add-item') as HTMLElement);
    fireEvent.click(screen.getAllByText('幸福和谐星')[1]);
    fireEvent.change(document.querySelectorAll('.cx-report-item-text')[1] as HTMLTextAreaElement, { target: { value: '慰问老党员' } });
    expect(taskChips()).toHaveLength(5);
    await openTasks();
    expect(taskChips()).toHaveLength(10);
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    const body = server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody;
    expect(body.content.items).toEqual([
      { star: 'business', taskId: 'business-2', text: '走访困难群众 5 户' },
      { star: 'harmony', text: '慰问老党员' },
    ]);
    expect(server.calls('GET /v1/catalogue')).toHaveLength(1);
  });

  it('no chip chosen, a chip tapped twice, or the star changed afterwards: no taskId', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/catalogue': CATALOGUE,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('调解邻里纠纷', '宜业兴业星');
    await openTasks();
    await waitFor(() => expect(taskChips()).toHaveLength(5));
    fireEvent.click(taskChips()[0]);
    fireEvent.click(taskChips()[0]);
    expect(taskChips().some((c) => c.classList.contains('is-selected'))).toBe(false);
    fireEvent.click(taskChips()[2]);
    // Another star: its own tasks, nothing chosen.
    fireEvent.click(screen.getAllByText('平安法治星')[0]);
    expect(taskChips().map((c) => c.textContent)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `safety_law 重点任务 ${n}`));
    expect(taskChips().some((c) => c.classList.contains('is-selected'))).toBe(false);
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.items).toEqual([
      { star: 'safety_law', text: '调解邻里纠纷' },
    ]);
  });

  it('a filed report keeps its task selected; the server’s unknown-task error shows next to the item', async () => {
    asSecretary();
    const detail = filed({
      version: 1,
      content: {
        items: [{ star: 'harmony', taskId: 'harmony-3', text: '慰问老党员' }],
        counts: {},
        problems: '',
        tomorrowPlan: '',
        photos: [],
      },
    });
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/catalogue': CATALOGUE,
      [`GET ${reportPath}`]: detail,
      [`PUT ${reportPath}`]: {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '重点任务有误，请重新选择',
          details: [{ path: 'body.content.items.0.taskId', code: 'unknown_task', message: '该星级下没有这项重点任务' }],
        },
      },
    });

    render(<ReportEditPage />);
    await waitFor(() => expect(taskChips()).toHaveLength(5));
    expect(
      taskChips()
        .filter((c) => c.classList.contains('is-selected'))
        .map((c) => c.dataset.id),
    ).toEqual(['harmony-3']);
    expect(submitButton().disabled).toBe(true);
    fireEvent.change(document.querySelector('.cx-report-item-text') as HTMLTextAreaElement, { target: { value: '慰问老党员 3 人' } });
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.items).toEqual([
      { star: 'harmony', taskId: 'harmony-3', text: '慰问老党员 3 人' },
    ]);
    expect(await screen.findByText('该星级下没有这项重点任务')).toBeTruthy();
  });

  it('without the catalogue (refused or offline) the form works as before, with no chips', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/catalogue': errorReply(500, 'INTERNAL', '服务繁忙'),
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('调解邻里纠纷');
    await waitFor(() => expect(server.calls('GET /v1/catalogue')).toHaveLength(1));
    expect(taskChips()).toHaveLength(0);
    fireEvent.click(submitButton());
    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.items).toEqual([
      { star: 'business', text: '调解邻里纠纷' },
    ]);
  });
});
