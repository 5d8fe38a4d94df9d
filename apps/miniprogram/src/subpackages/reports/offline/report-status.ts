import type { DailyReport } from '@chuangxing/shared';
import { differsFrom } from '../services/report-form';
import type { ReportDraft } from './draft-store';
import type { QueuedSubmission } from './submission-queue';

/** The state chip of the edit page. */
export type ReportChip = 'draft' | 'pending' | 'submitted' | 'late' | 'attention';

export const CHIP_LABELS: Record<ReportChip, string> = {
  draft: '草稿',
  pending: '待发送',
  submitted: '已提交',
  late: '迟交',
  attention: '需处理',
};

/** The newer of two versions of the same report. */
export function newestReport(a: DailyReport | undefined, b: DailyReport | undefined): DailyReport | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}

/**
 * 待发送 while a submission waits (for photos or the network); 需处理 after a 409 or a refusal;
 * 草稿 while the draft says something the server does not have; otherwise the server's status.
 */
export function chipOf({
  draft,
  submission,
  report,
}: {
  draft?: ReportDraft;
  submission?: QueuedSubmission;
  report?: DailyReport;
}): ReportChip {
  if (draft?.submit) return 'pending';
  if (submission?.state === 'pending' || submission?.state === 'sending') return 'pending';
  if (submission?.state === 'conflict' || submission?.state === 'rejected') return 'attention';
  const server = newestReport(report, submission?.state === 'sent' ? submission.result?.report : undefined);
  if (draft && differsFrom(draft, server)) return 'draft';
  if (server) return server.status === 'late' ? 'late' : 'submitted';
  return 'draft';
}
