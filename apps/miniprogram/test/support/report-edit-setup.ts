import type { SubmitReportBody } from '@chuangxing/shared';
import { fireEvent, screen } from '@testing-library/react';
import { sessionStore } from '../../src/services/session-store';
import { shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { router } from '../mocks/taro';
import { makeBranch, makeMe, makeReport, makeReportDetail, makeSession, secretaryBinding } from './factories';
import { errorReply, type Reply, type SentRequest } from './fake-api';

/** What the 填写日报 tests share: today's report of 建新南街社区, its secretary, the server's replies and the form's controls. */
export const today = shanghaiDay();
export const reportPath = `/v1/branches/jianxinnan/reports/${today}`;
export const RULES = { status: 200, body: { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' } };
export const BRANCH = { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } };
export const NOT_FILED = errorReply(404, 'NOT_FOUND', '日报不存在');
export const offline = (): Reply => {
  throw new Error('request:fail');
};
export const photoKey = (n: number, ext = 'jpg') => `daily-report/jianxinnan/${today}/photo${String(n).padStart(8, '0')}.${ext}`;

export function filed(partial: Parameters<typeof makeReport>[0] = {}) {
  return { status: 200, body: makeReportDetail({ report: makeReport({ day: today, ...partial }) }) };
}

export function asSecretary() {
  sessionStore.setSession(
    makeSession({
      me: makeMe({
        user: { id: 'u-sec', displayName: '张书记', isDemo: true, createdAt: '2025-01-01T08:00:00+08:00' },
        bindings: [secretaryBinding()],
      }),
    }),
  );
  router.params = { branchId: 'jianxinnan' };
}

export const created = (req: SentRequest, status: 200 | 201 = 201): Reply => {
  const body = req.body as SubmitReportBody;
  return {
    status,
    body: { report: makeReport({ day: today, content: body.content, version: (body.expectedVersion ?? 0) + 1 }), replayed: false },
  };
};

export async function fillFirstItem(text: string, star = '宜业兴业星') {
  await screen.findByText('第 1 项');
  fireEvent.click(screen.getAllByText(star)[0]);
  fireEvent.change(document.querySelector('.cx-report-item-text') as HTMLTextAreaElement, { target: { value: text } });
}

export const status = () => document.querySelector('.cx-report-status')?.textContent;
export const submitButton = () => document.querySelector('.cx-report-submit') as HTMLButtonElement;
