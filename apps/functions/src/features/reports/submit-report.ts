import type { ReportItem, Role, SubmitReportBody } from '@chuangxing/shared';
import { invalidFields, notFound } from '../../platform/kernel/domain-error';
import { filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { catalogueInForce } from '../catalogue/catalogue.readers';
import { assertFileable, type DailyReport, type Revision, statusFor } from './daily-report';
import type { SubmitOutcome } from './report-repository';
import type { ReportsPorts } from './reports.ports';
import { verifyReportPhotos } from './verify-report-photos';

/** A key task must belong to the item's star in the catalogue in force for the branch's type. Read only when used. */
async function verifyKeyTasks(deps: ReportsPorts, branchId: string, items: ReportItem[]): Promise<void> {
  if (!items.some((i) => i.taskId)) return;
  const [branch, catalogue] = await Promise.all([deps.org.getBranch(branchId), catalogueInForce(deps.catalogue, deps.districtId)]);
  if (!branch) throw notFound('支部');
  const errors = items.flatMap((item, i) => {
    if (!item.taskId) return [];
    const star = catalogue.content[branch.type].find((s) => s.star === item.star);
    return star?.tasks.some((t) => t.id === item.taskId)
      ? []
      : [{ path: `body.content.items.${i}.taskId`, code: 'unknown_task', message: '该星级下没有这项重点任务' }];
  });
  if (errors.length) throw invalidFields('重点任务有误，请重新选择', errors);
}

/**
 * Files or edits one branch's report for one Shanghai day. Only the branch's own cadres and secretary
 * may; another branch answers 404. The first submission fixes on-time or late.
 */
export async function submitReport(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  day: string,
  body: SubmitReportBody,
): Promise<SubmitOutcome> {
  const filer = filerBindingFor(principal, allowed, deps.districtId, branchId);
  if (!filer) throw notFound('支部');
  const rules = await deps.rules.getDailyRules(deps.districtId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const who = principal.user.id;
  if (body.expectedVersion === undefined) assertFileable(day, now, rules);
  await verifyReportPhotos(deps.storage, branchId, day, body.content.photos);
  await verifyKeyTasks(deps, branchId, body.content.items);
  const revision = (version: number): Revision => ({ version, editedBy: who, editedByName: principal.user.displayName, editedAt: at });

  if (body.expectedVersion === undefined) {
    const report: DailyReport = {
      branchId,
      townshipId: filer.townshipId,
      districtId: filer.districtId,
      day,
      status: statusFor(day, now, rules),
      content: body.content,
      version: 1,
      submittedAt: at,
      submittedBy: who,
      updatedAt: at,
      updatedBy: who,
      lastIdempotencyKey: body.idempotencyKey,
    };
    const out = await deps.reports.create(report, revision(1));
    // A replay of the first filing (same idempotency key) is not a second report.
    if (out.kind === 'created') deps.metrics.count('ReportsFiled');
    return out;
  }
  const current = await deps.reports.get(branchId, day);
  if (!current) throw notFound('日报');
  if (current.lastIdempotencyKey === body.idempotencyKey) return { kind: 'replayed', report: current };
  // Edits stay open as long as filing is: a report can't be rewritten months later.
  assertFileable(day, now, rules);
  const next = body.expectedVersion + 1;
  const updated: DailyReport = {
    ...current,
    content: body.content,
    version: next,
    updatedAt: at,
    updatedBy: who,
    lastIdempotencyKey: body.idempotencyKey,
  };
  return deps.reports.update(updated, body.expectedVersion, revision(next));
}
