import type { SubmitReportBody } from '@chuangxing/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReportEditPage from '../../src/subpackages/reports/pages/edit/index';
import { shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { emitNetworkChange, router, taroMock } from '../mocks/taro';
import { makeSession } from '../support/factories';
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
  status,
  submitButton,
  today,
} from '../support/report-edit-setup';

describe('填写日报', () => {
  it('submits the form as the contract body: star, text, counts, problems, plan, a fresh idempotency key', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('  走访困难群众 5 户  ');
    const plus = document.querySelectorAll('.cx-report-count-more')[0];
    fireEvent.click(plus);
    fireEvent.click(plus);
    fireEvent.change(document.querySelector('.cx-report-problems textarea, textarea.cx-report-problems') as HTMLTextAreaElement, {
      target: { value: '活动经费紧张' },
    });
    fireEvent.change(document.querySelector('textarea.cx-report-plan') as HTMLTextAreaElement, { target: { value: '组织志愿服务' } });
    expect(status()).toBe('草稿');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    const body = server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody;
    expect(body).toEqual({
      content: {
        items: [{ star: 'business', text: '走访困难群众 5 户' }],
        counts: { householdsVisited: 2 },
        problems: '活动经费紧张',
        tomorrowPlan: '组织志愿服务',
        photos: [],
      },
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
    });
    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已提交', icon: 'success' });
  });

  it('a filed report opens for editing and is sent with its version; a late report shows 迟交', async () => {
    asSecretary();
    const detail = filed({
      version: 2,
      status: 'late',
      content: {
        items: [{ star: 'harmony', text: '慰问老党员' }],
        counts: { peopleServed: 12 },
        problems: '',
        tomorrowPlan: '',
        photos: [],
      },
    });
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: detail,
      [`PUT ${reportPath}`]: (req) => created(req, 200),
    });

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    expect(status()).toBe('迟交');
    const text = document.querySelector('.cx-report-item-text') as HTMLTextAreaElement;
    expect(text.value).toBe('慰问老党员');
    expect(submitButton().disabled).toBe(true);

    fireEvent.change(text, { target: { value: '慰问老党员 3 名' } });
    expect(status()).toBe('草稿');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect(server.calls(`PUT ${reportPath}`)[0].body).toMatchObject({
      content: { items: [{ star: 'harmony', text: '慰问老党员 3 名' }], counts: { peopleServed: 12 } },
      expectedVersion: 2,
    });
  });

  it('checks the form locally with the contract’s limits before sending', async () => {
    asSecretary();
    const server = fakeApi({ 'GET /v1/org/branches/jianxinnan': BRANCH, 'GET /v1/daily-rules': RULES, [`GET ${reportPath}`]: NOT_FILED });

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    fireEvent.click(submitButton());

    expect(await screen.findByText('请选择星级')).toBeTruthy();
    expect(screen.getByText('请填写工作内容')).toBeTruthy();
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(0);

    fireEvent.click(screen.getAllByText('支部过硬星')[0]);
    expect(screen.queryByText('请选择星级')).toBeNull();
  });

  it('a 409 shows the conflict with the server’s version and keeps the draft to re-apply on the new version', async () => {
    asSecretary();
    const theirs = filed({
      version: 1,
      content: { items: [{ star: 'co_build', text: '他人先提交的内容' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    });
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, theirs],
      [`PUT ${reportPath}`]: [errorReply(409, 'CONFLICT', '今日日报已由他人提交'), (req) => created(req, 200)],
    });

    render(<ReportEditPage />);
    await fillFirstItem('我的内容');
    fireEvent.click(submitButton());

    expect(await screen.findByText('该日报已被他人提交或修改')).toBeTruthy();
    expect(await screen.findByText('· 他人先提交的内容')).toBeTruthy();
    expect(status()).toBe('需处理');
    expect((document.querySelector('.cx-report-item-text') as HTMLTextAreaElement).value).toBe('我的内容');

    fireEvent.click(screen.getByText('保留我的内容，在最新版本上修改'));
    expect(screen.queryByText('该日报已被他人提交或修改')).toBeNull();
    expect(status()).toBe('草稿');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(2));
    const [first, second] = server.calls(`PUT ${reportPath}`).map((r) => r.body as SubmitReportBody);
    expect(first.expectedVersion).toBeUndefined();
    expect(second).toMatchObject({ expectedVersion: 1, content: { items: [{ text: '我的内容' }] } });
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it('shows the server’s field errors next to the fields and does not retry a 400', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: NOT_FILED,
      [`PUT ${reportPath}`]: {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '请求参数不正确',
          details: [{ path: 'body.content.items.0.text', code: 'custom', message: '内容不符合要求' }],
        },
      },
    });

    render(<ReportEditPage />);
    await fillFirstItem('内容');
    fireEvent.click(submitButton());

    expect(await screen.findByText('内容不符合要求')).toBeTruthy();
    expect(screen.getByText('提交未成功')).toBeTruthy();
    await act(async () => emitNetworkChange(true));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('a day outside the backfill window cannot be edited', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan', day: '2020-01-01' };
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/reports/2020-01-01': NOT_FILED,
    });

    render(<ReportEditPage />);
    expect(await screen.findByText('已超过补报期限')).toBeTruthy();
    expect(document.querySelector('.cx-report-submit')).toBeNull();
  });

  it('yesterday (still in the window) is a backfill after the deadline: 迟交', async () => {
    asSecretary();
    const yesterday = shanghaiDay(Date.now() - 86_400_000);
    router.params = { branchId: 'jianxinnan', day: yesterday };
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET /v1/branches/jianxinnan/reports/${yesterday}`]: NOT_FILED,
    });

    render(<ReportEditPage />);
    expect(await screen.findByText('已过截止时间 22:00，现在首次提交将记为迟交')).toBeTruthy();
  });

  it('only the branch’s cadres and secretary get the form', async () => {
    sessionStore.setSession(makeSession()); // township staff
    router.params = { branchId: 'jianxinnan' };
    fakeApi({ 'GET /v1/org/branches/jianxinnan': BRANCH, 'GET /v1/daily-rules': RULES, [`GET ${reportPath}`]: NOT_FILED });

    render(<ReportEditPage />);
    expect(await screen.findByText('不能填写')).toBeTruthy();
    fireEvent.click(screen.getByText('查看日报详情'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/subpackages/reports/pages/detail/index?branchId=jianxinnan&day=${today}` });
  });
});
