import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetConsent } from '../../src/services/subscribe-consent';
import ReportEditPage from '../../src/subpackages/reports/pages/edit/index';
import { taroMock } from '../mocks/taro';
import { fakeApi } from '../support/fake-api';
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
} from '../support/report-edit-setup';

describe('填写日报: 订阅消息 consent on 提交', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetConsent();
  });

  function fileTodayServer() {
    return fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });
  }

  it('asks for the reminder template in the 提交 tap, before the submission goes out', async () => {
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    asSecretary();
    const server = fileTodayServer();
    let putsWhenAsked = -1;
    taroMock.requestSubscribeMessage.mockImplementation(async () => {
      putsWhenAsked = server.calls(`PUT ${reportPath}`).length;
      return { errMsg: 'requestSubscribeMessage:ok', 'tmpl-reminder-1': 'accept' };
    });

    render(<ReportEditPage />);
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());

    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-reminder-1'] });
    expect(putsWhenAsked).toBe(0);
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('still submits when the user refuses or the call fails', async () => {
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    asSecretary();
    const server = fileTodayServer();
    taroMock.requestSubscribeMessage.mockImplementation(async () => {
      throw { errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 };
    });

    render(<ReportEditPage />);
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());

    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('never asks without a configured template, nor for a form that does not go out', async () => {
    asSecretary();
    const server = fileTodayServer();

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    fireEvent.click(submitButton()); // empty form: local errors, nothing sent
    expect(await screen.findByText('请选择星级')).toBeTruthy();
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();

    vi.unstubAllGlobals(); // the build without a template id
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());
    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('H5 never asks (there is no WeChat to ask)', async () => {
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    process.env.TARO_ENV = 'h5';
    asSecretary();
    const server = fileTodayServer();

    render(<ReportEditPage />);
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('with this environment’s templates: the daily reminder and 督导问题 are asked for, and the answer recorded', async () => {
    asSecretary();
    const subscriptions = [
      { kind: 'daily_reminder', label: '日报提醒', templateId: 'TPL-DAILY', mode: 'once', remaining: 0, active: false },
      { kind: 'finding_assigned', label: '督导问题', templateId: 'TPL-FINDING', mode: 'once', remaining: 0, active: false },
    ];
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
      'GET /v1/notices/subscriptions': { status: 200, body: { subscriptions } },
      'POST /v1/notices/subscriptions': { status: 200, body: { subscriptions } },
    });
    taroMock.requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'TPL-DAILY': 'accept',
      'TPL-FINDING': 'reject',
    });

    render(<ReportEditPage />);
    await waitFor(() => expect(server.calls('GET /v1/notices/subscriptions')).toHaveLength(1));
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());

    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL-DAILY', 'TPL-FINDING'] });
    await waitFor(() => expect(server.calls('POST /v1/notices/subscriptions')).toHaveLength(1));
    expect(server.calls('POST /v1/notices/subscriptions')[0].body).toMatchObject({
      answers: { 'TPL-DAILY': 'accept', 'TPL-FINDING': 'reject' },
    });
  });
});
