import { ROLE_LABELS, type Role } from '@chuangxing/shared';
import { DomainError, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, type Principal } from '../../platform/kernel/principal';
import { readableBranch } from '../org/org.readers';
import type { Comment } from './daily-report';
import type { ReportsPorts } from './reports.ports';

/** 批注: the branch's secretary, or township staff over the branch, comment on a filed report. */
export async function addReportComment(
  deps: ReportsPorts,
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
