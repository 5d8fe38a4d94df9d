import { REPORT_LIMITS, ROLE_LABELS, type Role } from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, invalid, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, type Principal } from '../../platform/kernel/principal';
import { daysBetween } from '../../platform/kernel/shanghai-time';
import { readableBranch } from '../org/org.readers';
import type { Comment, DailyReport, Revision } from './daily-report';

const PHOTO_URL_SECONDS = 15 * 60;

export async function getReportDetail(deps: Deps, principal: Principal, allowed: readonly Role[], branchId: string, day: string) {
  await readableBranch(deps, principal, allowed, branchId);
  const detail = await deps.reports.getDetail(branchId, day);
  if (!detail) throw notFound('日报');
  const photoUrls = await Promise.all(
    detail.report.content.photos.map(async (p) => ({
      url: await deps.storage.presignGet(p.key, PHOTO_URL_SECONDS),
      ...(p.thumbKey ? { thumbUrl: await deps.storage.presignGet(p.thumbKey, PHOTO_URL_SECONDS) } : {}),
    })),
  );
  return { ...detail, photoUrls };
}

export async function listBranchReports(
  deps: Deps,
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

/** 批注: the branch's secretary, or township staff over the branch, comment on a filed report. */
export async function addReportComment(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  day: string,
  text: string,
): Promise<Comment> {
  await readableBranch(deps, principal, allowed, branchId);
  const report = await deps.reports.get(branchId, day);
  if (!report) throw notFound('日报');
  const role = bindingsFor(principal, allowed)[0]?.role;
  if (!role) throw new DomainError('FORBIDDEN_ROLE', '您的角色无权批注');
  const comment: Comment = {
    id: deps.ids.next(),
    authorId: principal.user.id,
    authorName: principal.user.displayName,
    authorRole: ROLE_LABELS[role],
    text,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.reports.addComment(branchId, day, comment);
  return comment;
}

export type { Revision };
