import type { SubmitReportBody } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import type { QueuedSubmission } from '../../src/subpackages/reports/offline/submission-queue';
import { deviceDaysOf, newerReport } from '../../src/subpackages/reports/services/device-days';
import { makeReport } from '../support/factories';

const body = { content: {}, idempotencyKey: 'k' } as unknown as SubmitReportBody;
const sub = (partial: Partial<QueuedSubmission>): QueuedSubmission => ({
  id: 'k',
  branchId: 'b1',
  day: '2026-03-10',
  body,
  state: 'pending',
  attempts: 0,
  createdAt: 1,
  updatedAt: 1,
  ...partial,
});

describe('device days (calendar and detail overlay from the queue)', () => {
  it('the newest submission of a day decides; other branches are ignored; a 提交 waiting for photos is pending', () => {
    const sent = makeReport({ day: '2026-03-08', version: 2, status: 'late' });
    const days = deviceDaysOf(
      [
        sub({
          id: 'a',
          day: '2026-03-10',
          state: 'sent',
          createdAt: 1,
          result: { report: makeReport({ day: '2026-03-10' }), replayed: false },
        }),
        sub({ id: 'b', day: '2026-03-10', state: 'sending', createdAt: 2 }),
        sub({ id: 'c', day: '2026-03-08', state: 'sent', result: { report: sent, replayed: false } }),
        sub({ id: 'd', day: '2026-03-07', state: 'rejected' }),
        sub({ id: 'e', day: '2026-03-06', branchId: 'other' }),
      ],
      [
        { branchId: 'b1', day: '2026-03-09', submit: true, updatedAt: 1 },
        { branchId: 'b1', day: '2026-03-05', submit: false, updatedAt: 1 },
      ],
      'b1',
    );
    expect(days).toEqual({
      '2026-03-10': { kind: 'sending' },
      '2026-03-09': { kind: 'pending' },
      '2026-03-08': { kind: 'sent', report: sent },
    });
  });

  it('newerReport: the device’s sent report only when it is newer than the server’s', () => {
    const v1 = makeReport({ version: 1 });
    const v2 = makeReport({ version: 2 });
    expect(newerReport(v1, { kind: 'sent', report: v2 })).toBe(v2);
    expect(newerReport(v2, { kind: 'sent', report: v1 })).toBe(v2);
    expect(newerReport(undefined, { kind: 'sent', report: v1 })).toBe(v1);
    expect(newerReport(v1, { kind: 'pending' })).toBe(v1);
  });
});
