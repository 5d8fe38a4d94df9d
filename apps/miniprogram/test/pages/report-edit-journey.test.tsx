import type { SubmitReportBody } from '@chuangxing/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ReportEditPage from '../../src/subpackages/reports/pages/edit/index';
import { addDays } from '../../src/subpackages/reports/services/shanghai-day';
import { emitNetworkChange, taroMock } from '../mocks/taro';
import { makeReport, makeReportDetail } from '../support/factories';
import { fakeApi } from '../support/fake-api';
import {
  asSecretary,
  BRANCH,
  created,
  filed,
  fillFirstItem,
  NOT_FILED,
  offline,
  RULES,
  reportPath,
  status,
  submitButton,
  today,
} from '../support/report-edit-setup';

const yesterdayPath = `/v1/branches/jianxinnan/reports/${addDays(today, -1)}`;
const yesterday = (tomorrowPlan: string) => ({
  status: 200,
  body: makeReportDetail({
    report: makeReport({
      day: addDays(today, -1),
      content: { items: [{ star: 'business', text: '走访' }], counts: {}, problems: '', tomorrowPlan, photos: [] },
    }),
  }),
});
const itemText = (i = 0) => (document.querySelectorAll('.cx-report-item-text')[i] as HTMLTextAreaElement).value;

describe('填写日报: the cadre’s shortcuts', () => {
  it('offers yesterday’s 明日计划 on a fresh form; one tap makes it the first item, and it goes out as written', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${yesterdayPath}`]: yesterday('组织樱桃采摘节志愿服务'),
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    const offer = await waitFor(() => document.querySelector('.cx-report-yesterday') ?? Promise.reject(new Error('no offer')));
    expect(offer.textContent).toContain('昨天的明日计划');
    expect(offer.textContent).toContain('组织樱桃采摘节志愿服务');
    expect(itemText()).toBe('');
    fireEvent.click(screen.getByText('用作今天的工作内容'));
    expect(itemText()).toBe('组织樱桃采摘节志愿服务');
    // Once the form says something, the offer is gone.
    expect(document.querySelector('.cx-report-yesterday')).toBeNull();
    fireEvent.click(screen.getAllByText('宜业兴业星')[0]);
    fireEvent.click(submitButton());
    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.items).toEqual([
      { star: 'business', text: '组织樱桃采摘节志愿服务' },
    ]);
  });

  it('no offer when yesterday had no plan, or today is already filed', async () => {
    asSecretary();
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${yesterdayPath}`]: yesterday('组织樱桃采摘节志愿服务'),
      [`GET ${reportPath}`]: filed({ version: 1 }),
    });
    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    await waitFor(() => expect(status()).toBe('已提交'));
    expect(document.querySelector('.cx-report-yesterday')).toBeNull();
  });

  it('the header names the version once the report was edited', async () => {
    asSecretary();
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: filed({ version: 3, submittedAt: `${today}T18:00:00+08:00`, updatedAt: `${today}T20:15:00+08:00` }),
    });
    render(<ReportEditPage />);
    const head = await waitFor(
      () =>
        document.querySelector('.cx-report-deadline')?.textContent?.match(/^已于 .*提交.*/)?.[0] ?? Promise.reject(new Error('not yet')),
    );
    expect(head).toContain('20:15');
    expect(head).toContain('· 第 3 版');
  });

  it('offline, 提交 says the report waits on the phone (not that photos upload)', async () => {
    asSecretary();
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: NOT_FILED,
      [`PUT ${reportPath}`]: () => offline(),
    });
    render(<ReportEditPage />);
    await fillFirstItem('调解邻里纠纷');
    await act(async () => emitNetworkChange(false));
    fireEvent.click(submitButton());
    await waitFor(() => expect(status()).toBe('待发送'));
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已保存在手机上，联网后自动发送', icon: 'none' });
    expect(taroMock.showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('照片上传中') }));
  });
});
