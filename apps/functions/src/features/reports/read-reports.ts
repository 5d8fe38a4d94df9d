import { REPORT_LIMITS, type Role } from '@chuangxing/shared';
import { invalid, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { daysBetween } from '../../platform/kernel/shanghai-time';
import { nameResolver } from '../identity/identity.readers';
import { readableBranch } from '../org/org.readers';
import type { DailyReport } from './daily-report';
import type { ReportsPorts } from './reports.ports';

const PHOTO_URL_SECONDS = 15 * 60;

export async function getReportDetail(deps: ReportsPorts, principal: Principal, allowed: readonly Role[], branchId: string, day: string) {
  await readableBranch(deps, principal, allowed, branchId);
  const detail = await deps.reports.getDetail(branchId, day);
  if (!detail) throw notFound('日报');
  const nameOf = await nameResolver(deps.people, [...detail.revisions.map((r) => r.editedBy), ...detail.comments.map((c) => c.authorId)]);
  const revisions = detail.revisions.map((r) => ({ ...r, editedByName: nameOf(r.editedBy, r.editedByName) }));
  const comments = detail.comments.map((c) => ({ ...c, authorName: nameOf(c.authorId, c.authorName) }));
  const photoUrls = await Promise.all(
    detail.report.content.photos.map(async (p) => ({
      url: await deps.storage.presignGet(p.key, PHOTO_URL_SECONDS),
      ...(p.thumbKey ? { thumbUrl: await deps.storage.presignGet(p.thumbKey, PHOTO_URL_SECONDS) } : {}),
    })),
  );
  return { ...detail, revisions, comments, photoUrls };
}

export async function listBranchReports(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  from: string,
  to: string,
): Promise<DailyReport[]> {
  const span = daysBetween(from, to);
  if (span < 0) throw invalid('query.to', '结束日期不能早于开始日期');
  if (span >= REPORT_LIMITS.maxRangeDays) throw invalid('query.to', `一次最多查询 ${REPORT_LIMITS.maxRangeDays} 天`);
  await readableBranch(deps, principal, allowed, branchId);
  return deps.reports.listRange(branchId, from, to);
}
